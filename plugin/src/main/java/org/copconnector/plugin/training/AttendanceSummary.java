package org.copconnector.plugin.training;

import com.google.gson.annotations.SerializedName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Each trainee's attendance so far against the action's minimum: minutes attended, scheduled and
 * held, the share of the joint minutes attended, and whether the minimum is met, still reachable,
 * at risk or lost.
 */
public record AttendanceSummary(int jointMinutes, long minimumMinutes, List<Row> rows) {

  /** Where a trainee stands against the minimum. */
  public enum State {
    /** The minimum is already reached. */
    @SerializedName("met")
    MET,
    /** It can still be reached, even missing one more session. */
    @SerializedName("on_track")
    ON_TRACK,
    /** Missing one more session would make it unreachable. */
    @SerializedName("at_risk")
    AT_RISK,
    /** It cannot be reached even attending every remaining session. */
    @SerializedName("lost")
    LOST
  }

  /**
   * One trainee; {@code percent} is the share of the action's joint minutes attended, to one
   * decimal.
   */
  public record Row(
      String userId,
      String name,
      long attendedMinutes,
      long scheduledMinutes,
      long heldMinutes,
      BigDecimal percent,
      State state) {}

  /**
   * One trainee's row: {@code marks} by session id, over the action's scheduled (not cancelled)
   * sessions. Joint minutes no session holds yet count as still to come, unless the action is
   * {@code closed}: then nothing is to come, and the minimum is met or lost.
   */
  static Row row(
      String userId,
      String name,
      int jointMinutes,
      AttendanceRule rule,
      List<TrainingSession> sessions,
      Map<String, AttendanceSheet.Row> marks,
      boolean closed,
      Instant now) {
    long attended = 0;
    long scheduled = 0;
    long held = 0;
    long open = 0;
    long longestOpen = 0;
    for (TrainingSession session : sessions) {
      scheduled += session.minutes();
      held += session.startedBy(now) ? session.minutes() : 0;
      AttendanceSheet.Row mark = marks.get(session.id());
      if (mark != null && mark.status() != null) {
        attended += mark.attended(session.minutes());
      } else if (!closed && !session.startedBy(now)) {
        // Not marked and still to come: the trainee may yet attend it whole.
        open += session.minutes();
        longestOpen = Math.max(longestOpen, session.minutes());
      }
    }
    long unscheduled = closed ? 0 : Math.max(0, jointMinutes - scheduled);
    long reachable = attended + open + unscheduled;
    State state;
    if (rule.met(attended, jointMinutes)) {
      state = State.MET;
    } else if (!rule.met(reachable, jointMinutes)) {
      state = State.LOST;
    } else if (!rule.met(reachable - longestOpen, jointMinutes)) {
      state = State.AT_RISK;
    } else {
      state = State.ON_TRACK;
    }
    BigDecimal percent =
        jointMinutes == 0
            ? BigDecimal.ZERO
            : BigDecimal.valueOf(attended * 100)
                .divide(BigDecimal.valueOf(jointMinutes), 1, RoundingMode.HALF_UP);
    return new Row(userId, name, attended, scheduled, held, percent, state);
  }
}
