package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodle.TokenState;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as an admin would run it: start-up time, doctor beside it, SIGTERM, secrets
 * in its output.
 */
class ConnectorJarIT {

  private static final Path JAR = Path.of("target", "cop-connector.jar").toAbsolutePath();

  @TempDir Path workDir;
  private final OkHttpClient http =
      new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();

  private Process launch(Map<String, String> env, Path log, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("COP_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Polls /health until it answers; returns the answer and how long start-up took. */
  private JsonObject awaitHealth(int port, long startedNanos, Process process) throws Exception {
    while (System.nanoTime() - startedNanos < TimeUnit.SECONDS.toNanos(30)) {
      assertTrue(process.isAlive(), "the connector exited during start-up");
      try (Response r =
          http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/health").build())
              .execute()) {
        return JsonParser.parseString(r.body().string()).getAsJsonObject();
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new AssertionError("no /health answer within 30 s");
  }

  @Test
  void embeddedDefaultsDoctorBesideItAndACleanStopOnSigterm() throws Exception {
    int port = freePort();
    Map<String, String> env =
        Map.of("COP_HTTP_PORT", Integer.toString(port), "COP_HTTP_HOST", "127.0.0.1");
    Path log = workDir.resolve("serve.log");
    Process serve = launch(env, log, "serve");
    try {
      JsonObject health = awaitHealth(port, System.nanoTime(), serve);
      assertEquals("UP", health.get("database").getAsString());
      assertTrue(
          Files.exists(workDir.resolve("data").resolve("cop-connector.mv.db")),
          "H2 file created in ./data");

      // doctor beside the running server: the embedded database is locked, so doctor asks the
      // server.
      Path doctorLog = workDir.resolve("doctor.log");
      Process doctor = launch(env, doctorLog, "doctor");
      assertTrue(doctor.waitFor(60, TimeUnit.SECONDS));
      String doctorOut = Files.readString(doctorLog);
      assertEquals(1, doctor.exitValue(), "Moodle is not configured");
      assertTrue(
          doctorOut.contains("[ OK ] Database: ")
              && doctorOut.contains("held by the connector running on port " + port),
          doctorOut);
    } finally {
      serve.destroy(); // SIGTERM
    }
    assertTrue(serve.waitFor(20, TimeUnit.SECONDS), "stopped after SIGTERM");
    String out = Files.readString(log);
    assertTrue(out.contains("stopping: finishing in-flight requests"), out);
    assertTrue(out.contains("INFO  [shutdown] o.c.connector.server.Connector - stopped"), out);
    assertFalse(out.contains("Exception"), out);
  }

  @Test
  void onPostgresWithMoodleSecretsNeverReachTheOutput() throws Exception {
    DatabaseSettings db = PostgresServer.shared().newDatabase();
    String dbPassword = "db-secret-" + System.nanoTime();
    try (FakeMoodle fake = new FakeMoodle().start()) {
      int port = freePort();
      Map<String, String> env =
          Map.of(
              "COP_HTTP_PORT",
              Integer.toString(port),
              "COP_HTTP_HOST",
              "127.0.0.1",
              "COP_DB_URL",
              db.url(),
              "COP_DB_USER",
              db.user(),
              "COP_DB_PASSWORD",
              dbPassword,
              "COP_MOODLE_URL",
              fake.urlString(),
              "COP_MOODLE_TOKEN",
              FakeMoodle.TOKEN);
      Path log = workDir.resolve("serve.log");
      Process serve = launch(env, log, "serve");
      String healthText;
      try {
        JsonObject health = awaitHealth(port, System.nanoTime(), serve);
        assertEquals("UP", health.get("database").getAsString());
        assertEquals("UP", health.get("lms").getAsString());
        healthText = health.toString();
        fake.tokenState(TokenState.INVALID);
        Path doctorLog = workDir.resolve("doctor.log");
        Process doctor = launch(env, doctorLog, "doctor");
        assertTrue(doctor.waitFor(60, TimeUnit.SECONDS));
        String doctorOut = Files.readString(doctorLog);
        assertEquals(1, doctor.exitValue(), doctorOut);
        assertTrue(
            doctorOut.contains("[FAIL] Token valid: Moodle refused the token: invalidtoken"),
            doctorOut);
        assertFalse(doctorOut.contains(FakeMoodle.TOKEN), doctorOut);
        assertFalse(doctorOut.contains(dbPassword), doctorOut);
      } finally {
        serve.destroy();
        serve.waitFor(20, TimeUnit.SECONDS);
      }
      String out = Files.readString(log);
      assertTrue(out.contains("listening on"), out);
      assertFalse(out.contains(FakeMoodle.TOKEN), out);
      assertFalse(out.contains(dbPassword), out);
      assertFalse(healthText.contains(FakeMoodle.TOKEN));
    }
  }
}
