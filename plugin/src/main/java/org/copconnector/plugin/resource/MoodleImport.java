package org.copconnector.plugin.resource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Anchor;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.LmsRefusedException;
import org.copconnector.plugin.lms.LmsUnavailableException;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiError;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Brings a course's existing materials into a community's bank: the facilitator sees the course's
 * files (one listing), picks some, and each picked file is downloaded once and goes through the
 * same checks as an upload.
 */
public final class MoodleImport {

  /** A file the facilitator picked, as the listing gave it. */
  public record Pick(
      @Length(max = 2000) String url,
      @Length(max = 255) String fileName,
      @Length(max = NewResource.MAX_TITLE, reason = "title_length") String title) {}

  /**
   * What happened to one picked file: the resource made, or why not ({@code error} in English,
   * {@code status} and {@code failure} in the API's error shape for the pages to translate).
   */
  public record Outcome(
      String fileName, String resourceId, String error, Integer status, ApiError failure) {

    static Outcome imported(String fileName, String resourceId) {
      return new Outcome(fileName, resourceId, null, null, null);
    }

    static Outcome refused(String fileName, ApiException e) {
      return new Outcome(
          fileName,
          null,
          e.getMessage(),
          e.status(),
          ApiError.of(e.reason(), e.getMessage(), e.details()));
    }
  }

  private final DataSource dataSource;
  private final Lms lms;
  private final Uploads uploads;
  private final Resources resources;
  private final CommunityAccess access;

  public MoodleImport(
      DataSource dataSource, Lms lms, Uploads uploads, Resources resources, PeopleStore people) {
    this.dataSource = dataSource;
    this.lms = lms;
    this.uploads = uploads;
    this.resources = resources;
    this.access = new CommunityAccess(people);
  }

  /** The files of one of the community's courses; facilitators only. */
  public List<Lms.CourseFile> files(Session session, String communityId, String courseId) {
    checkFacilitator(session, communityId, courseId);
    try {
      return lms.courseFiles(courseId);
    } catch (LmsUnavailableException e) {
      throw new ApiException(Reason.LMS_UNAVAILABLE, e.getMessage());
    }
  }

  /**
   * Imports the picked files; each one succeeds or fails on its own (a file Moodle cannot give, or
   * that is not a document, is reported and the others still come in).
   */
  public List<Outcome> importFiles(
      Session session, String communityId, String courseId, List<Pick> picks) {
    checkFacilitator(session, communityId, courseId);
    if (picks == null || picks.isEmpty() || picks.size() > 500) {
      throw ApiException.invalid(
          Reason.IMPORT_FILE_COUNT, "files", "pick 1 to 500 files", Map.of("min", 1, "max", 500));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Pick pick : picks) {
      String name = pick.fileName() == null ? "file" : pick.fileName();
      try (Lms.FileDownload file = lms.openFile(pick.url())) {
        Uploads.Received received = uploads.receive(session, file.body(), name, file.length());
        String title =
            pick.title() == null || pick.title().isBlank() ? received.fileName() : pick.title();
        Resource created =
            resources.create(
                session,
                NewResource.ofUpload(
                    communityId,
                    received.uploadId(),
                    title.length() > NewResource.MAX_TITLE
                        ? title.substring(0, NewResource.MAX_TITLE)
                        : title,
                    ""));
        outcomes.add(Outcome.imported(name, created.id()));
      } catch (ApiException e) {
        outcomes.add(Outcome.refused(name, e));
      } catch (LmsUnavailableException e) {
        outcomes.add(
            Outcome.refused(name, new ApiException(Reason.LMS_UNAVAILABLE, e.getMessage())));
      } catch (LmsRefusedException e) {
        outcomes.add(
            Outcome.refused(name, new ApiException(Reason.MOODLE_FILE_REFUSED, e.getMessage())));
      } catch (IOException e) {
        outcomes.add(
            Outcome.refused(
                name,
                new ApiException(
                    Reason.DOWNLOAD_INTERRUPTED, "the download was cut: " + e.getMessage())));
      }
    }
    return outcomes;
  }

  private void checkFacilitator(Session session, String communityId, String courseId) {
    Transaction.run(
        dataSource,
        "import rights",
        c -> {
          CommunityAccess.Access caller = access.of(c, session, communityId);
          caller.requireModerate();
          caller.requireWrite();
          boolean anchored =
              access.anchors(c, communityId).stream()
                  .map(Anchor::courseId)
                  .anyMatch(courseId::equals);
          if (!anchored) {
            throw ApiException.notFound(
                Reason.COMMUNITY_COURSE_NOT_FOUND, "course " + courseId + " of this community");
          }
          return null;
        });
  }
}
