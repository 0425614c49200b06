package org.copconnector.plugin.people;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.Objects;

/**
 * Where the latest roster sync of a course stands: waiting for its turn, reading the LMS, done
 * (with what changed) or failed (with why: {@code failure} for the pages to translate, {@code
 * roster.failure.<failure>}, and the LMS's own words in {@code error} when it gave some).
 */
public record RosterSyncStatus(
    String courseId,
    State state,
    Instant requestedAt,
    Instant startedAt,
    Instant finishedAt,
    RosterChange change,
    Failure failure,
    String error) {

  /** Why a sync failed. */
  public enum Failure {
    /** The LMS could not give the participants; {@code error} has its words. */
    @SerializedName("lms_unavailable")
    LMS_UNAVAILABLE,
    /** The roster could not be stored; the connector's log has the details. */
    @SerializedName("store")
    STORE,
    /** The connector was stopping and did not start the sync. */
    @SerializedName("stopping")
    STOPPING
  }

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
    return new RosterSyncStatus(courseId, State.QUEUED, at, null, null, null, null, null);
  }

  /** Still to finish: a new request joins it instead of starting another. */
  public boolean inProgress() {
    return state == State.QUEUED || state == State.RUNNING;
  }

  RosterSyncStatus running(Instant at) {
    return new RosterSyncStatus(courseId, State.RUNNING, requestedAt, at, null, null, null, null);
  }

  RosterSyncStatus done(RosterChange result, Instant at) {
    return new RosterSyncStatus(
        courseId, State.DONE, requestedAt, startedAt, at, result, null, null);
  }

  RosterSyncStatus failed(Failure why, String lmsWords, Instant at) {
    return new RosterSyncStatus(
        courseId, State.FAILED, requestedAt, startedAt, at, null, why, lmsWords);
  }
}
