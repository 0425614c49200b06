package org.copconnector.plugin.training;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.SearchText;

/**
 * Training actions over HTTP: actions, their trainees and sessions, attendance, the final
 * reflections and grades, the satisfaction questionnaire, the records, closing.
 */
@Path("/api/v1/training-actions")
@Produces(MediaType.APPLICATION_JSON)
public final class TrainingActionResource {

  private final TrainingActions actions;
  private final Attendance attendance;
  private final Evaluation evaluation;
  private final Satisfaction satisfaction;
  private final TrainingRecords records;
  private final TrainerDashboards dashboards;
  private final TraineePortfolios portfolios;

  public TrainingActionResource(
      TrainingActions actions,
      Attendance attendance,
      Evaluation evaluation,
      Satisfaction satisfaction,
      TrainingRecords records,
      TrainerDashboards dashboards,
      TraineePortfolios portfolios) {
    this.actions = actions;
    this.attendance = attendance;
    this.evaluation = evaluation;
    this.satisfaction = satisfaction;
    this.records = records;
    this.dashboards = dashboards;
    this.portfolios = portfolios;
  }

  @GET
  public List<TrainingAction.Summary> list(
      @QueryParam("course") String course, @Context ContainerRequestContext request) {
    if (course == null || course.isBlank()) {
      throw ApiException.invalid(
          Reason.COURSE_REQUIRED, "course", "say whose actions: ?course={id}");
    }
    return actions.list(SessionFilter.of(request), course);
  }

  /** The dashboards of the open actions of a course the caller trains. */
  @GET
  @Path("/dashboard")
  public List<TrainerDashboard> dashboards(
      @QueryParam("course") String course, @Context ContainerRequestContext request) {
    if (course == null || course.isBlank()) {
      throw ApiException.invalid(
          Reason.COURSE_REQUIRED, "course", "say whose actions: ?course={id}");
    }
    return dashboards.ofCourse(SessionFilter.of(request), course);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      TrainingRequests.NewAction action, @Context ContainerRequestContext request) {
    return Response.status(201).entity(actions.create(SessionFilter.of(request), action)).build();
  }

  @GET
  @Path("/{id}")
  public TrainingAction get(@PathParam("id") String id, @Context ContainerRequestContext request) {
    return actions.get(SessionFilter.of(request), id);
  }

  @GET
  @Path("/{id}/dashboard")
  public TrainerDashboard dashboard(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return dashboards.of(SessionFilter.of(request), id);
  }

  @GET
  @Path("/{id}/portfolios/{userId}")
  public TraineePortfolio portfolio(
      @PathParam("id") String id,
      @PathParam("userId") String userId,
      @Context ContainerRequestContext request) {
    return portfolios.of(SessionFilter.of(request), id, userId);
  }

  @POST
  @Path("/{id}/trainees")
  @Consumes(MediaType.APPLICATION_JSON)
  public TrainingAction addTrainees(
      @PathParam("id") String id,
      TrainingRequests.People people,
      @Context ContainerRequestContext request) {
    return actions.addTrainees(SessionFilter.of(request), id, people);
  }

  /** Trainers: people of the course who could be added as trainees, found by name. */
  @GET
  @Path("/{id}/candidates")
  public List<TrainingAction.Person> candidates(
      @PathParam("id") String id,
      @QueryParam("q") String text,
      @Context ContainerRequestContext request) {
    return actions.candidates(SessionFilter.of(request), id, SearchText.within(text, 100));
  }

  @DELETE
  @Path("/{id}/trainees/{userId}")
  public TrainingAction removeTrainee(
      @PathParam("id") String id,
      @PathParam("userId") String userId,
      @Context ContainerRequestContext request) {
    return actions.removeTrainee(SessionFilter.of(request), id, userId);
  }

  @POST
  @Path("/{id}/close")
  public TrainingAction close(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return actions.close(SessionFilter.of(request), id);
  }

  @POST
  @Path("/{id}/sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addSession(
      @PathParam("id") String id,
      TrainingRequests.SessionPlan plan,
      @Context ContainerRequestContext request) {
    return Response.status(201)
        .entity(actions.addSession(SessionFilter.of(request), id, plan))
        .build();
  }

  @GET
  @Path("/{id}/attendance")
  public AttendanceSummary attendance(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return attendance.summary(SessionFilter.of(request), id);
  }

  @PUT
  @Path("/{id}/final-reflection")
  @Consumes(MediaType.APPLICATION_JSON)
  public FinalReflection reflect(
      @PathParam("id") String id,
      TrainingRequests.FinalReflectionText text,
      @Context ContainerRequestContext request) {
    return evaluation.reflect(SessionFilter.of(request), id, text);
  }

  @GET
  @Path("/{id}/final-reflection")
  public FinalReflection ownReflection(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return evaluation.ownReflection(SessionFilter.of(request), id);
  }

  @GET
  @Path("/{id}/final-reflections")
  public FinalReflection.All reflections(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return evaluation.reflections(SessionFilter.of(request), id);
  }

  @PUT
  @Path("/{id}/grades/{userId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public EvaluationSheet.Row grade(
      @PathParam("id") String id,
      @PathParam("userId") String userId,
      TrainingRequests.Grade grade,
      @Context ContainerRequestContext request) {
    return evaluation.grade(SessionFilter.of(request), id, userId, grade);
  }

  @GET
  @Path("/{id}/evaluation")
  public EvaluationSheet evaluation(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return evaluation.sheet(SessionFilter.of(request), id);
  }

  @GET
  @Path("/{id}/satisfaction")
  public SatisfactionReport satisfaction(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return satisfaction.get(SessionFilter.of(request), id);
  }

  @POST
  @Path("/{id}/satisfaction")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response openSatisfaction(
      @PathParam("id") String id,
      TrainingRequests.SatisfactionPlan plan,
      @Context ContainerRequestContext request) {
    return Response.status(201)
        .entity(satisfaction.open(SessionFilter.of(request), id, plan))
        .build();
  }

  @POST
  @Path("/{id}/satisfaction/close")
  public SatisfactionReport closeSatisfaction(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return satisfaction.close(SessionFilter.of(request), id);
  }

  @POST
  @Path("/{id}/satisfaction/answers")
  @Consumes(MediaType.APPLICATION_JSON)
  public SatisfactionReport answerSatisfaction(
      @PathParam("id") String id,
      TrainingRequests.SatisfactionAnswers answers,
      @Context ContainerRequestContext request) {
    return satisfaction.answer(SessionFilter.of(request), id, answers);
  }

  @GET
  @Path("/{id}/records/attendance.csv")
  @Produces("text/csv")
  public Response attendanceCsv(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return csv(records.attendanceCsv(SessionFilter.of(request), id), "attendance.csv");
  }

  @GET
  @Path("/{id}/records/evaluation.csv")
  @Produces("text/csv")
  public Response evaluationCsv(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return csv(records.evaluationCsv(SessionFilter.of(request), id), "evaluation.csv");
  }

  @GET
  @Path("/{id}/records/attendance.pdf")
  @Produces("application/pdf")
  public Response attendancePdf(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return pdf(records.attendancePdf(SessionFilter.of(request), id), "attendance.pdf");
  }

  @GET
  @Path("/{id}/records/evaluation.pdf")
  @Produces("application/pdf")
  public Response evaluationPdf(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return pdf(records.evaluationPdf(SessionFilter.of(request), id), "evaluation.pdf");
  }

  @GET
  @Path("/{id}/records/certificate/{userId}.pdf")
  @Produces("application/pdf")
  public Response certificate(
      @PathParam("id") String id,
      @PathParam("userId") String userId,
      @Context ContainerRequestContext request) {
    return pdf(
        records.certificate(SessionFilter.of(request), id, userId),
        "certificate-" + userId + ".pdf");
  }

  private static Response csv(String text, String fileName) {
    return Response.ok(text, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }

  private static Response pdf(byte[] bytes, String fileName) {
    // The user id is the LMS's: keep only what is safe in a header.
    String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    return Response.ok(bytes, "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"" + safe + "\"")
        .build();
  }
}
