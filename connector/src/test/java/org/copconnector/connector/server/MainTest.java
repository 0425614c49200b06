package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes and what an admin reads. */
class MainTest {

  @TempDir Path dataDir;

  private record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("COP_DATA_DIR", dataDir.toString());
    int exit =
        Main.run(
            args,
            all,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void serveSaysWhereToOpenTheConnector() {
    java.net.URI local = java.net.URI.create("http://localhost:8080");
    assertEquals(
        "CoP Connector demo is ready: open http://localhost:8080/demo (administrators:"
            + " http://localhost:8080/admin, API description: http://localhost:8080/api-docs)",
        Main.readyMessage(local, true, java.util.Optional.empty()));
    String unregistered = Main.readyMessage(local, false, java.util.Optional.empty());
    assertTrue(
        unregistered.startsWith(
            "CoP Connector is ready: open http://localhost:8080/ (administrators:"
                + " http://localhost:8080/admin, API description: /api-docs, health: /health).\n"),
        unregistered);
    assertTrue(unregistered.contains("set public.url"), unregistered);
    String published =
        Main.readyMessage(
            local,
            false,
            java.util.Optional.of(java.net.URI.create("https://cop.school.example/")));
    assertTrue(published.contains("use https://cop.school.example/lti/register"), published);
  }

  @Test
  void aBadValueStopsStartUpWithOneLineNamingTheKey() {
    Run run = run(Map.of("COP_HTTP_PORT", "eighty"), "serve");
    assertEquals(2, run.exit());
    assertEquals("error: http.port must be a whole number (got 'eighty')\n", run.err());
  }

  @Test
  void aMissingConfigFileIsNamed() {
    Run run = run(Map.of(), "serve", "--config", dataDir.resolve("nope.properties").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("nope.properties does not exist"), run.err());
  }

  @Test
  void migrateThenDoctorPasses() throws Exception {
    try (FakeMoodle fake = new FakeMoodle().start()) {
      Map<String, String> env =
          Map.of("COP_MOODLE_URL", fake.urlString(), "COP_MOODLE_TOKEN", FakeMoodle.TOKEN);
      Run migrate = run(env, "migrate");
      assertEquals(0, migrate.exit(), migrate.err());
      assertTrue(
          migrate.out().matches("applied \\d+ migration\\(s\\); database .* is current\\n"),
          migrate.out());
      Run doctor = run(env, "doctor");
      assertEquals(0, doctor.exit(), doctor.out() + doctor.err());
      assertTrue(
          doctor.out().contains("[ OK ] Token valid: belongs to WS Connector"), doctor.out());
    }
  }

  @Test
  void doctorWithAWrongUrlPrintsAChecklistNotAStackTrace() {
    Run run =
        run(
            Map.of(
                "COP_MOODLE_URL",
                "https://moodle.invalid",
                "COP_MOODLE_TOKEN",
                FakeMoodle.TOKEN,
                "COP_MOODLE_TIMEOUT_SECONDS",
                "2",
                "COP_MOODLE_READ_RETRIES",
                "0"),
            "doctor");
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("[FAIL] Moodle answers: cannot connect"), run.out());
    assertTrue(run.out().contains("fix: check moodle.url"), run.out());
    assertFalse((run.out() + run.err()).contains("\tat "), run.out() + run.err());
    assertFalse(run.out().contains(FakeMoodle.TOKEN));
  }

  @Test
  void anUnreachableDatabaseStopsStartUpWithOneLine() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Run run =
        run(
            Map.of(
                "COP_HTTP_PORT",
                "0",
                "COP_DB_URL",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/cop",
                "COP_DB_USER",
                "cop",
                "COP_DB_PASSWORD",
                "do-not-print-me"),
            "serve");
    assertEquals(2, run.exit());
    assertTrue(
        run.err()
            .startsWith(
                "error: cannot migrate database jdbc:postgresql://127.0.0.1:"
                    + closedPort
                    + "/cop"),
        run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(run.err().contains("do-not-print-me"));
  }

  @Test
  void aPortInUseStopsStartUpWithOneLine() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run run =
          run(
              Map.of(
                  "COP_HTTP_HOST",
                  "127.0.0.1",
                  "COP_HTTP_PORT",
                  Integer.toString(taken.getLocalPort())),
              "serve");
      assertEquals(2, run.exit());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(run.err().contains(Integer.toString(taken.getLocalPort())), run.err());
    }
  }

  @Test
  void platformsAreRegisteredByHandAndKeysRotatedFromTheCommandLine() {
    Run empty = run(Map.of(), "lti", "platforms");
    assertEquals(0, empty.exit(), empty.err());
    assertEquals("no platform is registered yet\n", empty.out());
    Run add =
        run(
            Map.of(),
            "lti",
            "add-platform",
            "--issuer",
            "https://moodle.school.example/",
            "--client-id",
            "abc",
            "--deployment-id",
            "1",
            "--deployment-id",
            "2",
            "--auth-url",
            "https://moodle.school.example/mod/lti/auth.php",
            "--token-url",
            "https://moodle.school.example/mod/lti/token.php",
            "--jwks-url",
            "https://moodle.school.example/mod/lti/certs.php");
    assertEquals(0, add.exit(), add.err());
    Run list = run(Map.of(), "lti", "platforms");
    assertEquals(
        "https://moodle.school.example  client id abc  deployments [1, 2]  (cli)\n", list.out());
    Run rotate = run(Map.of(), "lti", "rotate-key");
    assertEquals(0, rotate.exit(), rotate.err());
    assertTrue(rotate.out().matches("new tool key [0-9a-f-]{36} is current\\n"), rotate.out());
  }
}
