package org.copconnector.connector.moodle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodle.Fault;
import org.copconnector.connector.moodle.fake.FakeMoodle.TokenState;
import org.copconnector.connector.testing.LogCapture;
import org.junit.jupiter.api.Test;

/** The token appears in no log line and no exception message, whatever happens. */
class SecretRedactionTest {

  @Test
  void tokenNeverReachesLogsOrExceptions() throws IOException {
    List<String> messages = new ArrayList<>();
    try (FakeMoodle fake = new FakeMoodle().start();
        LogCapture logs = new LogCapture()) {
      Moodle moodle = MoodleFixture.moodle(fake, 1, 1000, Duration.ofMillis(500));
      moodle.site().siteInfo();
      moodle.files().uploadToNewDraft("a.txt", new byte[] {1, 2, 3}, "text/plain");
      for (Fault fault : Fault.values()) {
        fake.failNext(fault, 2);
        messages.add(
            assertThrows(MoodleClientException.class, () -> moodle.site().siteInfo()).toString());
      }
      fake.latency(Duration.ofSeconds(2));
      messages.add(
          assertThrows(MoodleClientException.class, () -> moodle.site().siteInfo()).toString());
      fake.latency(Duration.ZERO);
      fake.tokenState(TokenState.INVALID);
      messages.add(
          assertThrows(MoodleClientException.class, () -> moodle.site().siteInfo()).toString());

      String logged = logs.text();
      assertTrue(logged.contains("core_webservice_get_site_info"), "the calls were logged");
      assertFalse(logged.contains(FakeMoodle.TOKEN), "token in the log:\n" + logged);
      for (String message : messages) {
        assertFalse(message.contains(FakeMoodle.TOKEN), message);
      }
    }
  }
}
