package org.copconnector.plugin.discussion;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.copconnector.plugin.discussion.DiscussionRequests.Edit;
import org.copconnector.plugin.discussion.DiscussionRequests.Flag;
import org.copconnector.plugin.discussion.DiscussionRequests.NewReply;
import org.copconnector.plugin.discussion.DiscussionRequests.NewThread;
import org.copconnector.plugin.discussion.DiscussionRequests.Notifications;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.SearchText;

/**
 * Discussions over HTTP: a community's threads, a thread's posts, what members do to them, and
 * members' notification choices per community.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class DiscussionResource {

  private final Discussions discussions;

  public DiscussionResource(Discussions discussions) {
    this.discussions = discussions;
  }

  /** A community's threads, pinned first, then by latest post. */
  @GET
  @Path("/threads")
  public DiscussionViews.ThreadList threads(
      @QueryParam("community") String community,
      @QueryParam("page") @DefaultValue("0") int page,
      @Context ContainerRequestContext request) {
    if (community == null || community.isBlank()) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "community", "say whose threads: ?community={id}");
    }
    return discussions.threads(SessionFilter.of(request), community, page);
  }

  @POST
  @Path("/threads")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(NewThread thread, @Context ContainerRequestContext request) {
    return Response.status(201)
        .entity(discussions.start(SessionFilter.of(request), thread))
        .build();
  }

  /** Members of a community a writer may mention, found by name (the "@" suggestions). */
  @GET
  @Path("/mentionable")
  public List<DiscussionViews.Mentionable> mentionable(
      @QueryParam("community") String community,
      @QueryParam("q") String text,
      @Context ContainerRequestContext request) {
    return discussions.mentionable(
        SessionFilter.of(request), community, SearchText.within(text, 100));
  }

  @GET
  @Path("/notifications/{id}")
  public Notifications notifications(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return new Notifications(discussions.notifications(SessionFilter.of(request), id));
  }

  @PUT
  @Path("/notifications/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Notifications setNotifications(
      @PathParam("id") String id, Notifications choice, @Context ContainerRequestContext request) {
    return new Notifications(
        discussions.setNotifications(
            SessionFilter.of(request), id, choice == null ? null : choice.delivery()));
  }

  /** A page of a thread; without {@code page}, the last one (where the newest posts are). */
  @GET
  @Path("/threads/{id}")
  public DiscussionViews.ThreadPage read(
      @PathParam("id") String id,
      @QueryParam("page") @DefaultValue("-1") int page,
      @Context ContainerRequestContext request) {
    return discussions.read(SessionFilter.of(request), id, page);
  }

  @POST
  @Path("/threads/{id}/posts")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response reply(
      @PathParam("id") String id, NewReply reply, @Context ContainerRequestContext request) {
    return Response.status(201)
        .entity(discussions.reply(SessionFilter.of(request), id, reply))
        .build();
  }

  @PUT
  @Path("/threads/{id}/pinned")
  @Consumes(MediaType.APPLICATION_JSON)
  public DiscussionThread pin(
      @PathParam("id") String id, Flag flag, @Context ContainerRequestContext request) {
    return discussions.pin(SessionFilter.of(request), id, value(flag));
  }

  @PUT
  @Path("/posts/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public DiscussionViews.PostView edit(
      @PathParam("id") String id, Edit edit, @Context ContainerRequestContext request) {
    return discussions.edit(SessionFilter.of(request), id, edit);
  }

  @GET
  @Path("/posts/{id}/history")
  public DiscussionViews.History history(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return discussions.history(SessionFilter.of(request), id);
  }

  @PUT
  @Path("/posts/{id}/helped")
  @Consumes(MediaType.APPLICATION_JSON)
  public DiscussionViews.PostView helped(
      @PathParam("id") String id, Flag flag, @Context ContainerRequestContext request) {
    return discussions.helped(SessionFilter.of(request), id, value(flag));
  }

  @PUT
  @Path("/posts/{id}/hidden")
  @Consumes(MediaType.APPLICATION_JSON)
  public DiscussionViews.PostView hide(
      @PathParam("id") String id, Flag flag, @Context ContainerRequestContext request) {
    return discussions.hide(SessionFilter.of(request), id, value(flag));
  }

  private static boolean value(Flag flag) {
    if (flag == null || flag.value() == null) {
      throw ApiException.invalid(
          Reason.FLAG_VALUE_REQUIRED, "value", "value is required (true or false)");
    }
    return flag.value();
  }
}
