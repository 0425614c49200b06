package org.copconnector.plugin.people;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.Objects;

/**
 * Where the latest roster sync of a course stands: waiting for its turn, reading the LMS, done
 * (with what changed) or failed (with why).
 */
public record RosterSyncStatus(
    String courseId,
    State state,
    Instant requestedAt,
    Instant startedAt,
    Instant finishedAt,
    RosterChange change,
    String error) {

  /** The stages of a sync. */
  public enum State {
    @SerializedName("queued")
    QUEUED,
    @SerializedName("running")
    RUNNING,
    @SerializedName("done")
    DONE,
    @SerializedName("failed")
    FAILED
  }

  public RosterSyncStatus {
    Objects.requireNonNull(courseId, "courseId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  static RosterSyncStatus queued(String courseId, Instant at) {
    return new RosterSyncStatus(courseId, State.QUEUED, at, null, null, null, null);
  }

  /** Still to finish: a new request joins it instead of starting another. */
  public boolean inProgress() {
    return state == State.QUEUED || state == State.RUNNING;
  }

  RosterSyncStatus running(Instant at) {
    return new RosterSyncStatus(courseId, State.RUNNING, requestedAt, at, null, null, null);
  }

  RosterSyncStatus done(RosterChange result, Instant at) {
    return new RosterSyncStatus(courseId, State.DONE, requestedAt, startedAt, at, result, null);
  }

  RosterSyncStatus failed(String why, Instant at) {
    return new RosterSyncStatus(courseId, State.FAILED, requestedAt, startedAt, at, null, why);
  }
}
