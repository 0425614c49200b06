package org.copconnector.plugin.training;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.List;

/** A session's roster as its trainers mark it, and the check-in code trainees may use. */
public record AttendanceSheet(TrainingSession session, List<Row> rows, CheckIn checkIn) {

  /** How a trainee attended a session. */
  public enum Mark {
    @SerializedName("present")
    PRESENT,
    @SerializedName("late")
    LATE,
    @SerializedName("excused")
    EXCUSED,
    @SerializedName("absent")
    ABSENT
  }

  /** One trainee's line; {@code status} null until marked. */
  public record Row(
      String userId, String name, Mark status, int lateMinutes, String note, boolean selfCheckIn) {

    /** The minutes of a session of {@code minutes} this row counts as attended. */
    public int attended(int minutes) {
      if (status == Mark.PRESENT) {
        return minutes;
      }
      return status == Mark.LATE ? Math.max(0, minutes - lateMinutes) : 0;
    }
  }

  /** The code trainees type to check in, and when it is taken. */
  public record CheckIn(String code, Instant validFrom, Instant validUntil) {}
}
