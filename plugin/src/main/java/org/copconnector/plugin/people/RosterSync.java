package org.copconnector.plugin.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.LmsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the connector's copy of course rosters in line with the LMS: for every course the
 * connector is used in, on a schedule and on demand. Each course costs a handful of paged calls;
 * only differences are written. On-demand syncs run in the background: nobody's request waits for
 * the LMS.
 */
public final class RosterSync {

  private static final Logger LOG = LoggerFactory.getLogger(RosterSync.class);

  private final Lms lms;
  private final PeopleStore people;
  private final Clock clock;
  private final Duration interval;
  private final Executor background;
  private final Map<String, RosterSyncStatus> latest = new ConcurrentHashMap<>();
  private final Map<String, Object> courseLocks = new ConcurrentHashMap<>();

  /**
   * @param background where on-demand syncs run (one at a time is enough: the LMS is the slow part)
   */
  public RosterSync(
      Lms lms, PeopleStore people, Clock clock, Duration interval, Executor background) {
    this.lms = lms;
    this.people = people;
    this.clock = clock;
    this.interval = interval;
    this.background = background;
  }

  /**
   * Syncs one course now, in the caller's thread; a sync of the same course already under way
   * finishes first.
   */
  public RosterChange syncCourse(String courseId) {
    synchronized (courseLocks.computeIfAbsent(courseId, id -> new Object())) {
      Instant startedAt = Instant.now(clock);
      latest.compute(
          courseId,
          (id, current) ->
              (current != null && current.state() == RosterSyncStatus.State.QUEUED
                      ? current
                      : RosterSyncStatus.queued(id, startedAt))
                  .running(startedAt));
      long started = System.nanoTime();
      try {
        RosterChange change = people.replaceRoster(courseId, lms.participants(courseId));
        latest.computeIfPresent(courseId, (id, s) -> s.done(change, Instant.now(clock)));
        LOG.info(
            "roster of course {} synced in {} ms: {} added, {} updated, {} removed, {} unchanged",
            courseId,
            (System.nanoTime() - started) / 1_000_000,
            change.added(),
            change.updated(),
            change.removed(),
            change.unchanged());
        return change;
      } catch (RuntimeException e) {
        boolean lms = e instanceof LmsUnavailableException;
        latest.computeIfPresent(
            courseId,
            (id, s) ->
                s.failed(
                    lms ? RosterSyncStatus.Failure.LMS_UNAVAILABLE : RosterSyncStatus.Failure.STORE,
                    lms ? e.getMessage() : null,
                    Instant.now(clock)));
        throw e;
      }
    }
  }

  /**
   * Starts a sync of the course in the background and answers at once with where it stands; while
   * one is waiting or running, that one is answered instead of starting another.
   */
  public RosterSyncStatus start(String courseId) {
    AtomicBoolean queued = new AtomicBoolean();
    RosterSyncStatus status =
        latest.compute(
            courseId,
            (id, current) -> {
              if (current != null && current.inProgress()) {
                return current;
              }
              queued.set(true);
              return RosterSyncStatus.queued(id, Instant.now(clock));
            });
    if (!queued.get()) {
      return status;
    }
    try {
      background.execute(() -> runQueued(courseId));
    } catch (RejectedExecutionException e) {
      return latest.computeIfPresent(
          courseId,
          (id, s) -> s.failed(RosterSyncStatus.Failure.STOPPING, null, Instant.now(clock)));
    }
    return status;
  }

  /** The latest sync of the course since the connector started, if any. */
  public Optional<RosterSyncStatus> status(String courseId) {
    return Optional.ofNullable(latest.get(courseId));
  }

  private void runQueued(String courseId) {
    try {
      syncCourse(courseId);
    } catch (RuntimeException e) {
      LOG.warn("roster sync of course {} failed: {}", courseId, e.toString());
    }
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
