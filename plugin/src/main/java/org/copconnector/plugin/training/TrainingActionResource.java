package org.copconnector.plugin.training;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** Training actions over HTTP: actions, their trainees and sessions, attendance, closing. */
@Path("/api/v1/training-actions")
@Produces(MediaType.APPLICATION_JSON)
public final class TrainingActionResource {

  private final TrainingActions actions;
  private final Attendance attendance;

  public TrainingActionResource(TrainingActions actions, Attendance attendance) {
    this.actions = actions;
    this.attendance = attendance;
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

  @POST
  @Path("/{id}/trainees")
  @Consumes(MediaType.APPLICATION_JSON)
  public TrainingAction addTrainees(
      @PathParam("id") String id,
      TrainingRequests.People people,
      @Context ContainerRequestContext request) {
    return actions.addTrainees(SessionFilter.of(request), id, people);
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
}
