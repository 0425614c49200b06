package org.copconnector.plugin.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.json.Range;

/** What trainers and trainees send about training actions; rules are checked by the services. */
public final class TrainingRequests {

  /** The most trainers or trainees one request names. */
  static final int MAX_PEOPLE = 200;

  /** The most hours of either kind an action holds. */
  static final int MAX_HOURS = 1000;

  private TrainingRequests() {}

  /**
   * A new action in the caller's course; hours with at most two decimals. Without trainees, the
   * course's participants; without a community, a new one for the action.
   */
  public record NewAction(
      @Length(min = 1, max = 300, reason = "title_length") String title,
      Modality modality,
      @Length(max = 60) String code,
      @Range(min = 0, max = MAX_HOURS) BigDecimal jointHours,
      @Range(min = 0, max = MAX_HOURS) BigDecimal autonomousHours,
      LocalDate startsOn,
      LocalDate endsOn,
      AttendanceRule minimumAttendance,
      EvaluationPolicy policy,
      @Length(min = 1, max = 255, entries = MAX_PEOPLE) List<String> trainerIds,
      @Length(min = 1, max = 255, entries = MAX_PEOPLE) List<String> traineeIds,
      @Length(max = 36) String communityId) {}

  /** People to add as trainees. */
  public record People(@Length(min = 1, max = 255, entries = MAX_PEOPLE) List<String> userIds) {}

  /** A session, new or changed. */
  public record SessionPlan(
      Instant startsAt,
      @Range(min = 1, max = 24 * 60) Integer minutes,
      TrainingSession.Mode mode,
      @Length(max = 300) String place,
      @Length(max = 2000) String link) {}

  /**
   * A trainer's mark for one trainee in one session; on a closed action, an administrator's
   * correction with its reason.
   */
  public record Mark(
      AttendanceSheet.Mark status,
      @Range(min = 0, max = 24 * 60) Integer lateMinutes,
      @Length(max = 1000, reason = "note_length") String note,
      @Length(max = 1000) String reason) {

    /** A mark on an open action, which needs no reason. */
    public Mark(AttendanceSheet.Mark status, Integer lateMinutes, String note) {
      this(status, lateMinutes, note, null);
    }
  }

  /** When the satisfaction questionnaire closes and how many answers its report needs. */
  public record SatisfactionPlan(
      Instant closesAt, @Range(min = 2, max = 1000) Integer minRespondents) {}

  /** A trainee's satisfaction answers: one per statement (1 to 5, null to skip), a comment. */
  public record SatisfactionAnswers(
      @Range(min = 1, max = 5) List<Integer> agreements,
      @Length(
              max = org.copconnector.plugin.survey.HostedSurveys.MAX_COMMENT,
              reason = "comment_length")
          String comment) {}

  /** The code a trainee types to check in. */
  public record CheckInCode(@Length(min = 1, max = 12) String code) {}

  /** A trainee's final critical reflection, text or HTML (sanitised as posts are). */
  public record FinalReflectionText(
      @Length(min = 1, max = Evaluation.MAX_REFLECTION, reason = "body_length") String body) {}

  /**
   * A trainee's marks, one per criterion of the action's policy (checked by it), a comment, and for
   * an administrator correcting a closed action the reason.
   */
  public record Grade(
      Map<String, BigDecimal> marks,
      @Length(max = 5000) String comment,
      @Length(max = 1000) String reason) {}
}
