package org.copconnector.plugin.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.copconnector.plugin.lms.Lms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the connector's copy of course rosters in line with the LMS: for every course the
 * connector is used in, on a schedule and on demand. Each course costs a handful of paged calls;
 * only differences are written.
 */
public final class RosterSync {

  private static final Logger LOG = LoggerFactory.getLogger(RosterSync.class);

  private final Lms lms;
  private final PeopleStore people;
  private final Clock clock;
  private final Duration interval;

  public RosterSync(Lms lms, PeopleStore people, Clock clock, Duration interval) {
    this.lms = lms;
    this.people = people;
    this.clock = clock;
    this.interval = interval;
  }

  /** Syncs one course now. */
  public RosterChange syncCourse(String courseId) {
    long started = System.nanoTime();
    RosterChange change = people.replaceRoster(courseId, lms.participants(courseId));
    LOG.info(
        "roster of course {} synced in {} ms: {} added, {} updated, {} removed, {} unchanged",
        courseId,
        (System.nanoTime() - started) / 1_000_000,
        change.added(),
        change.updated(),
        change.removed(),
        change.unchanged());
    return change;
  }

  /**
   * Syncs every course not synced within the interval; a failing course does not stop the others.
   */
  public List<RosterChange> syncDueCourses() {
    List<RosterChange> changes = new ArrayList<>();
    for (String courseId : people.coursesToSync(Instant.now(clock).minus(interval))) {
      try {
        changes.add(syncCourse(courseId));
      } catch (RuntimeException e) {
        LOG.warn(
            "roster sync of course {} failed, will retry next round: {}", courseId, e.getMessage());
      }
    }
    return changes;
  }
}
