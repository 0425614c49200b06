package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.lti.ToolKeys;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.HostileFuzz;
import org.copconnector.connector.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of generated hostile requests against a live demo connector with real sessions (see
 * {@link HostileFuzz}): each refused with a 4xx in the error shape, nothing changed, the server UP
 * throughout, and no session, forged token, LTI key or Moodle token in its log.
 */
class HostileFuzzTest {

  private static final String MOODLE_TOKEN = "0f3c9a7d5e1b2c4d6f8a0b1c3d5e7f90";

  @TempDir Path dataDir;

  @Test
  void everyHostileRequestIsRefusedAndChangesNothing() throws Exception {
    long seed = Long.getLong("fuzz.seed", 20261201L);
    try (LogCapture log = new LogCapture();
        DemoHub hub =
            DemoHub.start(
                dataDir,
                Map.of("COP_MOODLE_URL", "http://127.0.0.1:9", "COP_MOODLE_TOKEN", MOODLE_TOKEN))) {
      RSAKey toolKey = new ToolKeys(hub.database().dataSource(), Clock.systemUTC()).current();
      HostileFuzz.Report report = HostileFuzz.run(URI.create(hub.url("")), seed);

      java.nio.file.Files.write(Path.of("target", "hostile-fuzz-problems.txt"), report.problems());
      assertTrue(report.requests() >= 500, "requests sent: " + report.requests());
      assertEquals(
          List.of(),
          report.problems(),
          report.problems().size()
              + " of "
              + report.requests()
              + " answered wrongly (seed "
              + seed
              + ")");
      String text = log.text();
      List<String> secrets = new ArrayList<>(report.secrets());
      secrets.add(MOODLE_TOKEN);
      secrets.add(toolKey.getPrivateExponent().toString());
      secrets.add(toolKey.getFirstPrimeFactor().toString());
      for (String secret : secrets) {
        if (secret.length() >= 8) {
          assertFalse(text.contains(secret), "the log shows a secret: " + secret.substring(0, 8));
        }
      }
      assertFalse(text.contains("PRIVATE KEY"), "the log shows a private key");
    }
  }
}
