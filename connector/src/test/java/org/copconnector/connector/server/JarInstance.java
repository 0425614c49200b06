package org.copconnector.connector.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.plugin.session.Tokens;

/**
 * One connector process of the packaged jar, as an administrator runs it: its own data folder and
 * loopback port, the rest of its configuration in the environment, its output in a log file.
 */
final class JarInstance {

  private static final Path JAR = Path.of("target", "cop-connector.jar").toAbsolutePath();
  private static final OkHttpClient HTTP =
      new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path dataDir;
  private final Map<String, String> env;
  private final Process process;
  private final int port;
  private long readyAtNanos;

  private JarInstance(
      String name, Path dataDir, Map<String, String> env, Process process, int port) {
    this.name = name;
    this.dataDir = dataDir;
    this.env = env;
    this.process = process;
    this.port = port;
  }

  /** Starts {@code serve} in {@code dataDir} (its working folder too) on a free port. */
  static JarInstance start(String name, Path dataDir, Map<String, String> env) throws IOException {
    int port = freePort();
    Map<String, String> own = new HashMap<>(env);
    own.put("COP_HTTP_HOST", "127.0.0.1");
    own.put("COP_HTTP_PORT", Integer.toString(port));
    own.put("COP_DATA_DIR", dataDir.toString());
    java.nio.file.Files.createDirectories(dataDir);
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Three of these share the machine with the build: small, quick to start.
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    JAR.toString(),
                    "serve"))
            .directory(dataDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log(dataDir).toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("COP_"));
    builder.environment().putAll(own);
    return new JarInstance(name, dataDir, env, builder.start(), port);
  }

  private static Path log(Path dataDir) {
    return dataDir.resolveSibling(dataDir.getFileName() + ".log");
  }

  /** Waits for {@code /health} to answer; returns this. */
  JarInstance awaitReady(Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited during start-up: " + output());
      }
      try (Response r =
          HTTP.newCall(new Request.Builder().url(base() + "/health").build()).execute()) {
        if (r.code() == 200) {
          readyAtNanos = System.nanoTime();
          return this;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(25);
    }
    throw new AssertionError(name + " gave no /health answer within " + within + ": " + output());
  }

  /** {@code kill -9}: no shutdown hook, no lease given back, answers under way lost. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** A new run on the same data folder (so the same instance), on a new port. */
  JarInstance restart() throws IOException {
    return start(name, dataDir, env);
  }

  /** SIGTERM, then waits for the process to end. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      kill();
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  String name() {
    return name;
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  long readyAtNanos() {
    return readyAtNanos;
  }

  /**
   * Who holds this instance's outbox leases, worked out as the connector does: from the host and
   * the data folder, so the same for every run of the instance.
   */
  String leaseOwner() throws IOException {
    String place =
        InetAddress.getLocalHost().getHostName() + ":" + dataDir.toAbsolutePath().normalize();
    return "worker-" + Tokens.sha256(place).substring(0, 32);
  }

  String output() throws IOException {
    return java.nio.file.Files.readString(log(dataDir));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
