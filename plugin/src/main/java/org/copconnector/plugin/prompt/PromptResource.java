package org.copconnector.plugin.prompt;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;

/** The prompt library and communities' prompt schedules over HTTP. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class PromptResource {

  private final PromptSchedules schedules;

  public PromptResource(PromptSchedules schedules) {
    this.schedules = schedules;
  }

  @GET
  @Path("/prompts")
  public List<PromptLibrary.Prompt> library(@QueryParam("lang") String lang) {
    return PromptLibrary.in(lang == null ? "en" : lang);
  }

  @GET
  @Path("/prompt-schedules")
  public List<PromptSchedules.Schedule> list(
      @QueryParam("community") String community, @Context ContainerRequestContext request) {
    if (community == null || community.isBlank()) {
      throw ApiException.invalid("community", "say whose prompts: ?community={id}");
    }
    return schedules.list(SessionFilter.of(request), community);
  }

  /** Response rate, dialogue share and median words of each opened prompt. */
  @GET
  @Path("/prompt-schedules/dialogue")
  public List<PromptSchedules.DialogueRow> dialogue(
      @QueryParam("community") String community, @Context ContainerRequestContext request) {
    if (community == null || community.isBlank()) {
      throw ApiException.invalid("community", "say whose dialogue: ?community={id}");
    }
    return schedules.dialogue(SessionFilter.of(request), community);
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
}
