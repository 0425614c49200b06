package org.copconnector.connector.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodle.Fault;
import org.copconnector.connector.moodle.fake.FakeMoodle.TokenState;
import org.copconnector.connector.testing.LogCapture;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.lms.LmsStatus;
import org.junit.jupiter.api.Test;

class MoodleLmsTest {

  @Test
  void reportsFromMemoryWhileFreshAndProbesAgainWhenOld() throws IOException {
    try (FakeMoodle fake = new FakeMoodle().start();
        LogCapture logs = new LogCapture()) {
      ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
      Moodle moodle = MoodleFixture.moodle(fake, 0, 1000, Duration.ofSeconds(2));
      MoodleLms lms = new MoodleLms(moodle, 500, moodle.site(), clock, Duration.ofSeconds(60));
      assertEquals(LmsStatus.UP, lms.status());
      fake.tokenState(TokenState.INVALID);
      clock.advance(Duration.ofSeconds(59));
      assertEquals(LmsStatus.UP, lms.status(), "still fresh: no new probe");
      assertEquals(1, fake.requestCount());
      clock.advance(Duration.ofSeconds(2));
      assertEquals(LmsStatus.DOWN, lms.status());
      assertEquals(LmsStatus.DOWN, lms.refresh());
      fake.tokenState(TokenState.VALID);
      fake.failNext(Fault.HTTP_503, 1);
      assertEquals(LmsStatus.DOWN, lms.refresh());
      assertEquals(LmsStatus.UP, lms.refresh());
      assertEquals(
          1,
          logs.lines().stream().filter(l -> l.contains("Moodle is DOWN (invalidtoken)")).count(),
          "changes are logged once");
      assertEquals(2, logs.lines().stream().filter(l -> l.contains("Moodle is UP")).count());
    }
  }

  @Test
  void participantsCarryRolesAndGroups() throws IOException {
    try (FakeMoodle fake = new FakeMoodle().start()) {
      Moodle moodle = MoodleFixture.moodle(fake);
      MoodleLms lms =
          new MoodleLms(moodle, 2, moodle.site(), Clock.systemUTC(), Duration.ofSeconds(60));
      var people = lms.participants("2");
      assertEquals(3, people.size());
      assertEquals("Alice Anderson", people.get(0).displayName());
      assertEquals(java.util.List.of("editingteacher"), people.get(0).roles());
      assertEquals(java.util.List.of("Physics Teachers"), people.get(0).groups());
      assertEquals(java.util.List.of(), people.get(2).groups());
      assertEquals(2, fake.calls("core_enrol_get_enrolled_users").size(), "pages of two");
      org.junit.jupiter.api.Assertions.assertThrows(
          org.copconnector.plugin.lms.LmsUnavailableException.class,
          () -> lms.participants("99999"));
    }
  }
}
