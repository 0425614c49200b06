package org.copconnector.plugin.resource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/** Importing a course's Moodle files into a community's bank. */
@Path("/api/v1/imports/moodle")
@Produces(MediaType.APPLICATION_JSON)
public final class ImportResource {

  /** The files picked from one course. */
  public record Request(
      @Length(max = 36) String communityId,
      @Length(max = 255) String courseId,
      List<MoodleImport.Pick> files) {}

  private final MoodleImport imports;

  public ImportResource(MoodleImport imports) {
    this.imports = imports;
  }

  @GET
  @Path("/files")
  public List<Lms.CourseFile> files(
      @QueryParam("community") String community,
      @QueryParam("course") String course,
      @Context ContainerRequestContext request) {
    if (community == null || course == null) {
      throw ApiException.invalid(
          Reason.IMPORT_COURSE_REQUIRED, "course", "say which community and which of its courses");
    }
    return imports.files(SessionFilter.of(request), community, course);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public List<MoodleImport.Outcome> importFiles(
      Request body, @Context ContainerRequestContext request) {
    if (body == null || body.communityId() == null || body.courseId() == null) {
      throw ApiException.invalid(
          Reason.IMPORT_COURSE_REQUIRED,
          "courseId",
          "say which community and which of its courses");
    }
    return imports.importFiles(
        SessionFilter.of(request), body.communityId(), body.courseId(), body.files());
  }
}
