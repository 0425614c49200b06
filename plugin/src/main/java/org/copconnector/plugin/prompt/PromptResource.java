package org.copconnector.plugin.prompt;

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
import org.copconnector.plugin.people.PersonLanguages;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/** The prompt library and communities' prompt schedules over HTTP. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class PromptResource {

  private final PromptSchedules schedules;
  private final OwnPrompts own;
  private final Dialogue dialogue;
  private final PersonLanguages languages;

  public PromptResource(
      PromptSchedules schedules, OwnPrompts own, Dialogue dialogue, PersonLanguages languages) {
    this.schedules = schedules;
    this.own = own;
    this.dialogue = dialogue;
    this.languages = languages;
  }

  /** The built-in prompts in {@code ?lang=}, else in the signed-in person's language. */
  @GET
  @Path("/prompts")
  public List<PromptLibrary.Prompt> library(
      @QueryParam("lang") String lang, @Context ContainerRequestContext request) {
    return PromptLibrary.in(
        lang == null || lang.isBlank() ? languages.of(SessionFilter.of(request)) : lang);
  }

  /** Prompts written by facilitators that a community may use: its own and those shared with it. */
  @GET
  @Path("/prompts/written")
  public List<OwnPrompts.OwnPrompt> written(
      @QueryParam("community") String community, @Context ContainerRequestContext request) {
    return own.available(SessionFilter.of(request), required(community));
  }

  @POST
  @Path("/prompts/written")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response write(OwnPrompts.NewPrompt prompt, @Context ContainerRequestContext request) {
    return Response.status(201).entity(own.write(SessionFilter.of(request), prompt)).build();
  }

  @POST
  @Path("/prompts/written/{id}/shares")
  @Consumes(MediaType.APPLICATION_JSON)
  public OwnPrompts.OwnPrompt share(
      @PathParam("id") String id,
      OwnPrompts.Sharing sharing,
      @Context ContainerRequestContext request) {
    return own.share(SessionFilter.of(request), id, sharing);
  }

  @GET
  @Path("/prompt-schedules")
  public List<PromptSchedules.Schedule> list(
      @QueryParam("community") String community, @Context ContainerRequestContext request) {
    return schedules.list(SessionFilter.of(request), required(community));
  }

  /** Stops a schedule; what it opened stays. */
  @POST
  @Path("/prompt-schedules/{id}/stop")
  public PromptSchedules.Schedule stop(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return schedules.stop(SessionFilter.of(request), id);
  }

  /** Response rate, dialogue share and median words of each opened prompt. */
  @GET
  @Path("/prompt-schedules/dialogue")
  public List<Dialogue.DialogueRow> dialogue(
      @QueryParam("community") String community, @Context ContainerRequestContext request) {
    return dialogue.community(SessionFilter.of(request), required(community));
  }

  /** The same over time, as a chart in the reader's language. */
  @GET
  @Path("/prompt-schedules/dialogue/chart.svg")
  @Produces("image/svg+xml")
  public Response chart(
      @QueryParam("community") String community, @Context ContainerRequestContext request) {
    return Response.ok(
            dialogue.chart(SessionFilter.of(request), required(community)),
            "image/svg+xml; charset=utf-8")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** Whether a thread is a prompt's, without reading its answers (the thread page asks). */
  @GET
  @Path("/prompt-openings/{threadId}/opening")
  public Dialogue.PromptOpening opening(
      @PathParam("threadId") String threadId, @Context ContainerRequestContext request) {
    return dialogue.opening(SessionFilter.of(request), threadId);
  }

  /** One opened prompt: its answers and the replies between them. */
  @GET
  @Path("/prompt-openings/{threadId}")
  public Dialogue.PromptPage prompt(
      @PathParam("threadId") String threadId, @Context ContainerRequestContext request) {
    return dialogue.prompt(SessionFilter.of(request), threadId);
  }

  @POST
  @Path("/prompt-schedules")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response schedule(
      PromptSchedules.NewSchedule schedule, @Context ContainerRequestContext request) {
    return Response.status(201)
        .entity(schedules.schedule(SessionFilter.of(request), schedule))
        .build();
  }

  private static String required(String community) {
    if (community == null || community.isBlank()) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "community", "say which community: ?community={id}");
    }
    return community;
  }
}
