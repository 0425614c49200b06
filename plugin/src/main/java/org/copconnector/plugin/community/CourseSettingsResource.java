package org.copconnector.plugin.community;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/** A course's settings: readable by its people, changed by its facilitators and administrators. */
@Path("/api/v1/courses/{courseId}/settings")
@Produces(MediaType.APPLICATION_JSON)
public final class CourseSettingsResource {

  private final CourseSettings settings;

  public CourseSettingsResource(CourseSettings settings) {
    this.settings = settings;
  }

  @GET
  public CourseSettings.Settings get(
      @PathParam("courseId") String courseId, @Context ContainerRequestContext request) {
    Session session = SessionFilter.of(request);
    if (session.role() != ProductRole.ADMIN && !courseId.equals(session.courseId())) {
      throw new ApiException(Reason.OTHER_COURSE_SETTINGS, "settings of another course");
    }
    return settings.of(courseId);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public CourseSettings.Settings save(
      @PathParam("courseId") String courseId,
      CourseSettings.Settings changed,
      @Context ContainerRequestContext request) {
    Session session = SessionFilter.of(request);
    boolean facilitatorHere =
        session.role() == ProductRole.FACILITATOR && courseId.equals(session.courseId());
    if (session.role() != ProductRole.ADMIN && !facilitatorHere) {
      throw new ApiException(
          Reason.COURSE_FACILITATORS_ONLY, "only the course's facilitators change its settings");
    }
    settings.save(courseId, changed);
    return settings.of(courseId);
  }
}
