package org.copconnector.plugin.people;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.copconnector.plugin.lms.LmsUnavailableException;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;

/**
 * Roster sync on demand: an administrator, or a facilitator of the course, refreshes its
 * participants now.
 */
@Path("/api/v1/courses/{courseId}/roster/sync")
@Produces(MediaType.APPLICATION_JSON)
public final class RosterResource {

  private final RosterSync sync;

  public RosterResource(RosterSync sync) {
    this.sync = sync;
  }

  @POST
  public RosterChange syncNow(
      @PathParam("courseId") String courseId, @Context ContainerRequestContext request) {
    Session session = SessionFilter.of(request);
    boolean facilitatorHere =
        session.role() == ProductRole.FACILITATOR && courseId.equals(session.courseId());
    if (session.role() != ProductRole.ADMIN && !facilitatorHere) {
      throw ApiException.forbidden(
          "only an administrator or a facilitator of this course can refresh its participants");
    }
    try {
      return sync.syncCourse(courseId);
    } catch (LmsUnavailableException e) {
      throw new ApiException(503, "lms_unavailable", e.getMessage());
    }
  }
}
