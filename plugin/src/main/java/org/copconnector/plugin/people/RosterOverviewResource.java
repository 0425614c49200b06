package org.copconnector.plugin.people;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.session.SessionFilter;

/**
 * Every course the connector is used in, with its roster's latest sync, for administrators; they
 * sync a course now with {@code POST /api/v1/courses/{courseId}/roster/sync}.
 */
@Path("/api/v1/admin/roster")
@Produces(MediaType.APPLICATION_JSON)
public final class RosterOverviewResource {

  /**
   * One course. {@code state} is the latest sync's: {@code queued}, {@code running}, {@code done},
   * {@code failed}, or {@code never}; {@code lastSync} is the latest sync since the connector
   * started (absent before one), {@code lastSyncedAt} the latest that succeeded, whenever. A failed
   * sync's {@code failure} says why (the pages translate {@code roster.failure.<failure>}); {@code
   * error} is the LMS's own words, when it gave some.
   */
  public record Course(
      String courseId,
      String title,
      Instant firstSeenAt,
      int participants,
      Instant lastSyncedAt,
      String state,
      RosterSyncStatus.Failure failure,
      String error,
      RosterSyncStatus lastSync) {}

  /** The courses, by title. */
  public record Overview(List<Course> courses) {}

  private final PeopleStore people;
  private final RosterSync sync;

  public RosterOverviewResource(PeopleStore people, RosterSync sync) {
    this.people = people;
    this.sync = sync;
  }

  @GET
  public Overview courses(@Context ContainerRequestContext request) {
    SessionFilter.administrator(request, "see every course's roster");
    // The syncs' states first, the stored rosters after: a sync seen done has its people stored
    // (read the other way round, a sync ending in between showed "done" with the old figures).
    Map<String, RosterSyncStatus> states = new HashMap<>();
    for (PeopleStore.KnownCourse known : people.courses()) {
      sync.status(known.courseId()).ifPresent(s -> states.put(known.courseId(), s));
    }
    return new Overview(
        people.courses().stream().map(c -> course(c, states.get(c.courseId()))).toList());
  }

  private static Course course(PeopleStore.KnownCourse known, RosterSyncStatus latest) {
    String state;
    if (latest != null) {
      state = latest.state().name().toLowerCase(java.util.Locale.ROOT);
    } else {
      state = known.lastSyncedAt() == null ? "never" : "done";
    }
    return new Course(
        known.courseId(),
        known.title(),
        known.firstSeenAt(),
        known.participants(),
        known.lastSyncedAt(),
        state,
        latest == null ? null : latest.failure(),
        latest == null ? null : latest.error(),
        latest);
  }
}
