package org.copconnector.plugin.training;

import com.google.gson.annotations.SerializedName;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What needs a trainer's attention in one action: the next sessions, the trainees whose attendance
 * is at risk or lost, who has not reflected after each session that has ended, the final
 * reflections still missing as the last day comes, and how far grading has got.
 */
public record TrainerDashboard(
    String actionId,
    String title,
    TrainingAction.Status status,
    int trainees,
    List<TrainingSession> upcoming,
    List<AtRisk> atRisk,
    List<SessionReflections> reflections,
    FinalReflections finalReflections,
    Grading evaluation) {

  /** How many of the next sessions are shown. */
  static final int UPCOMING = 3;

  /** Missing final reflections are "due soon" this many days before the action's last day. */
  static final int DUE_SOON_DAYS = 7;

  /** A trainee at risk of missing, or below, the minimum attendance, with their figure. */
  public record AtRisk(
      String userId,
      String name,
      AttendanceSummary.State state,
      long attendedMinutes,
      BigDecimal percent) {}

  /**
   * A session that has ended: whether its prompt has opened, and how many trainees have answered it
   * and how many not yet.
   */
  public record SessionReflections(
      TrainingSession session, int number, String threadId, int reflected, int missing) {}

  /** Where the final reflections' due date (the action's last day) stands. */
  public enum Due {
    /** The action has no last day. */
    @SerializedName("none")
    NONE,
    @SerializedName("later")
    LATER,
    /** Within {@link #DUE_SOON_DAYS} days, the last day included. */
    @SerializedName("soon")
    SOON,
    @SerializedName("passed")
    PASSED
  }

  /** Final reflections handed in and missing; {@code daysLeft} is negative once passed. */
  public record FinalReflections(
      int submitted, int missing, LocalDate dueOn, Integer daysLeft, Due due) {}

  /** Trainees graded, still to grade, and of those how many have handed in their reflection. */
  public record Grading(int graded, int toGrade, int readyToGrade) {}
}
