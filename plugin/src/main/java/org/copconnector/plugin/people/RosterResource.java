package org.copconnector.plugin.people;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Roster sync on demand: an administrator, or a facilitator of the course, asks for its
 * participants to be refreshed now; the sync runs in the background and its progress is read back
 * from the same address.
 */
@Path("/api/v1/courses/{courseId}/roster/sync")
@Produces(MediaType.APPLICATION_JSON)
public final class RosterResource {

  private final RosterSync sync;

  public RosterResource(RosterSync sync) {
    this.sync = sync;
  }

  /** Starts a sync (or joins the one under way) and answers 202 at once with its status. */
  @POST
  public Response syncNow(
      @PathParam("courseId") String courseId, @Context ContainerRequestContext request) {
    requireAllowed(courseId, request);
    return Response.status(202)
        .header("Location", "/api/v1/courses/" + courseId + "/roster/sync")
        .entity(sync.start(courseId))
        .build();
  }

  /** The latest sync of the course: queued, running, done (with what changed) or failed. */
  @GET
  public RosterSyncStatus status(
      @PathParam("courseId") String courseId, @Context ContainerRequestContext request) {
    requireAllowed(courseId, request);
    return sync.status(courseId)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    Reason.ROSTER_SYNC_NOT_FOUND, "roster sync of course " + courseId));
  }

  private static void requireAllowed(String courseId, ContainerRequestContext request) {
    Session session = SessionFilter.of(request);
    boolean facilitatorHere =
        session.role() == ProductRole.FACILITATOR && courseId.equals(session.courseId());
    if (session.role() != ProductRole.ADMIN && !facilitatorHere) {
      throw new ApiException(
          Reason.ROSTER_REFRESH_NOT_ALLOWED,
          "only an administrator or a facilitator of this course can refresh its participants");
    }
  }
}
