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
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;

/** Self-assessment surveys over HTTP: surveys, rounds, answers, and the aggregate report. */
@Path("/api/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
public final class SurveyResource {

  private final Surveys surveys;

  public SurveyResource(Surveys surveys) {
    this.surveys = surveys;
  }

  @GET
  public List<Survey> list(
      @QueryParam("community") String community, @Context ContainerRequestContext request) {
    if (community == null || community.isBlank()) {
      throw ApiException.invalid("community", "say whose surveys: ?community={id}");
    }
    return surveys.list(SessionFilter.of(request), community);
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

  /** The same table as CSV, for a spreadsheet. */
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

  /**
   * One statement's answers as a horizontal bar chart; the page gives the statement ({@code title})
   * and the five points of the scale ({@code label}, five times) in the reader's language, and the
   * language its numbers are written in ({@code lang}).
   */
  @GET
  @Path("/{id}/rounds/{roundId}/items/{position}/chart.svg")
  @Produces("image/svg+xml")
  public Response chart(
      @PathParam("id") String id,
      @PathParam("roundId") String roundId,
      @PathParam("position") int position,
      @QueryParam("title") String title,
      @QueryParam("label") List<String> labels,
      @QueryParam("lang") String language,
      @Context ContainerRequestContext request) {
    SurveyReport report = shown(surveys.report(SessionFilter.of(request), id, roundId));
    SurveyReport.Item item =
        report.items().stream()
            .filter(i -> i.position() == position)
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("statement " + position));
    String heading = title == null || title.isBlank() ? item.text() : limited(title);
    List<String> points =
        labels == null || labels.size() != 5
            ? null
            : labels.stream().map(SurveyResource::limited).toList();
    Locale locale =
        language == null || language.isBlank()
            ? Locale.UK
            : Locale.forLanguageTag(limited(language.strip()));
    return Response.ok(
            SurveyChart.svg(item, heading, points, locale), "image/svg+xml; charset=utf-8")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** A label from the query, cut to a sensible length. */
  private static String limited(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500);
  }

  private static SurveyReport shown(SurveyReport report) {
    if (!report.shown()) {
      throw new ApiException(409, "too_few_respondents", report.reason());
    }
    return report;
  }

  private static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
  }
}
