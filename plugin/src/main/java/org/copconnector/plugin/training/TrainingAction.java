package org.copconnector.plugin.training;

import com.google.gson.annotations.SerializedName;
import java.time.LocalDate;
import java.util.List;

/**
 * A training action as its trainers, trainees and administrators see it; a trainee sees only
 * themself among the trainees.
 */
public record TrainingAction(
    String id,
    String courseId,
    String communityId,
    String title,
    Modality modality,
    String code,
    int jointMinutes,
    int autonomousMinutes,
    LocalDate startsOn,
    LocalDate endsOn,
    AttendanceRule minimumAttendance,
    EvaluationPolicy policy,
    Status status,
    List<Person> trainers,
    List<Person> trainees,
    List<TrainingSession> sessions,
    Mine mine) {

  /** Open actions take changes; closed ones are frozen. */
  public enum Status {
    @SerializedName("open")
    OPEN,
    @SerializedName("closed")
    CLOSED
  }

  /** A trainer or trainee, named. */
  public record Person(String id, String name) {}

  /**
   * The caller's part in the action; for a trainee, the sessions where they already have a mark
   * (checked in or marked by a trainer), so that the check-in is offered only where it is still
   * wanted.
   */
  public record Mine(boolean trainer, boolean trainee, List<String> markedSessions) {}

  /** An action as listed for a course. */
  public record Summary(
      String id,
      String title,
      Modality modality,
      Status status,
      LocalDate startsOn,
      LocalDate endsOn,
      boolean trainer,
      boolean trainee,
      TrainingSession nextSession,
      int trainees,
      int atRisk) {}
}
