package org.copconnector.plugin.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trainee's figures against two thirds of 25 joint hours, worked by hand. */
class AttendanceSummaryTest {

  private static final Instant NOW = Instant.parse("2027-02-01T18:00:00Z");

  /** Ten sessions of 150 minutes, the first {@code held} of them already started. */
  private static List<TrainingSession> sessions(int held) {
    List<TrainingSession> sessions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Instant start = NOW.plus(Duration.ofDays(i - held + (i < held ? 0 : 1)));
      sessions.add(
          new TrainingSession(
              "s" + i,
              "a",
              start,
              150,
              TrainingSession.Mode.IN_PERSON,
              null,
              null,
              TrainingSession.Status.SCHEDULED));
    }
    return sessions;
  }

  private static AttendanceSummary.Row row(int held, String... marks) {
    Map<String, AttendanceSheet.Row> bySession = new HashMap<>();
    for (int i = 0; i < marks.length; i++) {
      String[] mark = marks[i].split(":");
      bySession.put(
          "s" + i,
          new AttendanceSheet.Row(
              "u",
              "U",
              AttendanceSheet.Mark.valueOf(mark[0]),
              mark.length > 1 ? Integer.parseInt(mark[1]) : 0,
              "",
              false));
    }
    return AttendanceSummary.row(
        "u", "U", 1500, AttendanceRule.twoThirds(), sessions(held), bySession, false, NOW);
  }

  @Test
  void statesFollowWhatCanStillBeAttended() {
    // 1,000 minutes needed. 600 attended, 300 to come: 900 at most.
    assertEquals(
        AttendanceSummary.State.LOST,
        row(8, "ABSENT", "ABSENT", "ABSENT", "EXCUSED", "PRESENT", "PRESENT", "PRESENT", "PRESENT")
            .state());
    // 720 attended (30 minutes late once), 1,020 at most, 870 missing one more.
    AttendanceSummary.Row atRisk =
        row(
            8, "ABSENT", "ABSENT", "EXCUSED", "LATE:30", "PRESENT", "PRESENT", "PRESENT",
            "PRESENT");
    assertEquals(AttendanceSummary.State.AT_RISK, atRisk.state());
    assertEquals(720, atRisk.attendedMinutes());
    assertEquals("48.0", atRisk.percent().toPlainString());
    assertEquals(1200, atRisk.heldMinutes());
    // 900 attended, 1,050 even missing one more.
    assertEquals(
        AttendanceSummary.State.ON_TRACK,
        row(8, "ABSENT", "ABSENT", "PRESENT", "PRESENT", "PRESENT", "PRESENT", "PRESENT", "PRESENT")
            .state());
    // Exactly two thirds is enough: 999 is not.
    assertEquals(
        AttendanceSummary.State.MET,
        row(7, "PRESENT", "PRESENT", "PRESENT", "PRESENT", "PRESENT", "PRESENT", "LATE:50")
            .state());
    assertEquals(
        AttendanceSummary.State.ON_TRACK,
        row(7, "PRESENT", "PRESENT", "PRESENT", "PRESENT", "PRESENT", "PRESENT", "LATE:51")
            .state());
  }

  @Test
  void heldSessionsLeftUnmarkedCountNothingAndJointHoursNotScheduledAreStillToCome() {
    AttendanceSummary.Row row =
        AttendanceSummary.row(
            "u",
            "U",
            1500,
            AttendanceRule.twoThirds(),
            sessions(3).subList(0, 4),
            Map.of(),
            false,
            NOW);
    assertEquals(0, row.attendedMinutes());
    assertEquals(600, row.scheduledMinutes());
    assertEquals(450, row.heldMinutes());
    // 0 + 150 to come + 900 not scheduled = 1,050; missing the next leaves 900.
    assertEquals(AttendanceSummary.State.AT_RISK, row.state());
  }

  @Test
  void onceTheActionIsClosedNothingIsStillToComeAndTheMinimumIsMetOrLost() {
    Map<String, AttendanceSheet.Row> fourPresent = new HashMap<>();
    for (int i = 0; i < 4; i++) {
      fourPresent.put(
          "s" + i, new AttendanceSheet.Row("u", "U", AttendanceSheet.Mark.PRESENT, 0, "", false));
    }
    // 600 of 1,000 needed, 900 joint minutes never scheduled and one session never held.
    AttendanceSummary.Row open =
        AttendanceSummary.row(
            "u",
            "U",
            1500,
            AttendanceRule.twoThirds(),
            sessions(4).subList(0, 5),
            fourPresent,
            false,
            NOW);
    assertEquals(AttendanceSummary.State.ON_TRACK, open.state());
    AttendanceSummary.Row closed =
        AttendanceSummary.row(
            "u",
            "U",
            1500,
            AttendanceRule.twoThirds(),
            sessions(4).subList(0, 5),
            fourPresent,
            true,
            NOW);
    assertEquals(AttendanceSummary.State.LOST, closed.state());
    assertEquals(600, closed.attendedMinutes());
  }
}
