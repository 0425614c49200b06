package org.copconnector.plugin.survey;

import jakarta.ws.rs.Consumes;
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
import java.util.Locale;
import java.util.Map;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.people.PersonLanguages;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/** Self-assessment surveys over HTTP: surveys, rounds, answers, and the aggregate report. */
@Path("/api/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
public final class SurveyResource {

  private final Surveys surveys;
  private final PersonLanguages languages;

  public SurveyResource(Surveys surveys, PersonLanguages languages) {
    this.surveys = surveys;
    this.languages = languages;
  }

  @GET
  public List<Survey> list(
      @QueryParam("community") String community, @Context ContainerRequestContext request) {
    if (community == null || community.isBlank()) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "community", "say whose surveys: ?community={id}");
    }
    return surveys.list(SessionFilter.of(request), community);
  }

  /** Every round's report of the community's surveys, for a page that shows them all. */
  @GET
  @Path("/reports")
  public List<SurveyReport> reports(
      @QueryParam("community") String community, @Context ContainerRequestContext request) {
    if (community == null || community.isBlank()) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "community", "say whose surveys: ?community={id}");
    }
    return surveys.reports(SessionFilter.of(request), community);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(Surveys.NewSurvey survey, @Context ContainerRequestContext request) {
    return Response.status(201).entity(surveys.create(SessionFilter.of(request), survey)).build();
  }

  @GET
  @Path("/{id}")
  public Survey get(@PathParam("id") String id, @Context ContainerRequestContext request) {
    return surveys.get(SessionFilter.of(request), id);
  }

  @POST
  @Path("/{id}/rounds")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response openRound(
      @PathParam("id") String id,
      Surveys.NewRound round,
      @Context ContainerRequestContext request) {
    return Response.status(201)
        .entity(surveys.openRound(SessionFilter.of(request), id, round))
        .build();
  }

  @POST
  @Path("/{id}/rounds/{roundId}/answers")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response answer(
      @PathParam("id") String id,
      @PathParam("roundId") String roundId,
      Surveys.Answers answers,
      @Context ContainerRequestContext request) {
    surveys.answer(SessionFilter.of(request), id, roundId, answers);
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/rounds/{roundId}/report")
  public SurveyReport report(
      @PathParam("id") String id,
      @PathParam("roundId") String roundId,
      @Context ContainerRequestContext request) {
    return surveys.report(SessionFilter.of(request), id, roundId);
  }

  /** The same table as CSV, for a spreadsheet; statements in the reader's language. */
  @GET
  @Path("/{id}/rounds/{roundId}/report.csv")
  @Produces("text/csv")
  public Response csv(
      @PathParam("id") String id,
      @PathParam("roundId") String roundId,
      @Context ContainerRequestContext request) {
    SurveyReport report = shown(surveys.report(SessionFilter.of(request), id, roundId));
    StringBuilder csv = new StringBuilder("\uFEFFitem,statement,answered,skipped");
    for (String point : SurveyReport.SCALE) {
      csv.append(',').append(point).append(',').append(point).append("_percent");
    }
    csv.append(",positive_agreement,positive_agreement_percent,change_points\r\n");
    for (SurveyReport.Item item : report.items()) {
      csv.append(item.position())
          .append(",\"")
          .append(item.text().replace("\"", "\"\""))
          .append("\",")
          .append(item.answered())
          .append(',')
          .append(item.skipped());
      for (int p = 0; p < 5; p++) {
        csv.append(',')
            .append(item.counts().get(p))
            .append(',')
            .append(number(item.percents().get(p)));
      }
      csv.append(',')
          .append(item.positiveCount())
          .append(',')
          .append(number(item.positivePercent()))
          .append(',')
          .append(number(item.change()))
          .append("\r\n");
    }
    return Response.ok(csv.toString(), "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"survey-report.csv\"")
        .build();
  }

  /** One statement's answers as a horizontal bar chart, labelled in the reader's language. */
  @GET
  @Path("/{id}/rounds/{roundId}/items/{position}/chart.svg")
  @Produces("image/svg+xml")
  public Response chart(
      @PathParam("id") String id,
      @PathParam("roundId") String roundId,
      @PathParam("position") int position,
      @Context ContainerRequestContext request) {
    Session session = SessionFilter.of(request);
    SurveyReport report = shown(surveys.report(session, id, roundId));
    SurveyReport.Item item =
        report.items().stream()
            .filter(i -> i.position() == position)
            .findFirst()
            .orElseThrow(
                () -> ApiException.notFound(Reason.STATEMENT_NOT_FOUND, "statement " + position));
    return Response.ok(
            SurveyChart.svg(item, Translations.in(languages.of(session))),
            "image/svg+xml; charset=utf-8")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static SurveyReport shown(SurveyReport report) {
    if (!report.shown()) {
      throw new ApiException(
          Reason.TOO_FEW_RESPONDENTS,
          report.reason(),
          Map.of("min", report.minRespondents(), "respondents", report.respondents()));
    }
    return report;
  }

  private static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
  }
}
