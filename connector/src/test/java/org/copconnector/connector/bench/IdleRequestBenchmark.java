package org.copconnector.connector.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One request arriving after the server sat idle for 1 to 2 s, as a person's click does: over a new
 * connection and over a kept-alive one, then (on the kept-alive one) the same request again at
 * once, for comparison. Measured for the connector's {@code /health}, a static file and a small
 * signed-in API read (the hub outside a course), for a bare Jetty answering "ok" from a handler
 * (the floor of the server the connector runs on) and for the Moodle lab's nginx serving a static
 * file of about the same size. Requests are written and read on plain sockets, so the client adds
 * the same little to every side; the sides take turns within each round.
 *
 * <p>{@code -Didle.rounds=30}, {@code -Didle.nginx=8093} (0 leaves nginx out), {@code
 * -Didle.other=label@port@sessionToken,...} adds other connectors (e.g. an older build started with
 * {@code -Didle.serve=true}, which prints its port and a session token and keeps serving) for
 * interleaved before/after runs; {@code -Didle.othersOnly=true} then leaves out the one started
 * here. Prints a Markdown table for BENCHMARKS.md.
 */
public final class IdleRequestBenchmark {

  /** One address to time. */
  private record Target(String name, int port, String path, String session) {}

  public static void main(String[] args) throws Exception {
    if (Boolean.getBoolean("idle.serve")) {
      serve();
      return;
    }
    int rounds = Integer.getInteger("idle.rounds", 30);
    int nginx = Integer.getInteger("idle.nginx", 8093);
    String loadBefore = loadAverage();
    Server bare = bareJetty();
    try (Connector connector = BenchServer.start("idle")) {
      List<Target> targets = new ArrayList<>();
      if (nginx > 0 && answers(nginx)) {
        targets.add(new Target("nginx, static file", nginx, "/theme/boost/pix/favicon.ico", null));
      }
      targets.add(new Target("bare Jetty, handler", bare.getURI().getPort(), "/", null));
      if (!Boolean.getBoolean("idle.othersOnly")) {
        targets.addAll(connectorTargets("connector", connector.port(), session(connector)));
      }
      for (String other : System.getProperty("idle.other", "").split(",")) {
        if (!other.isBlank()) {
          String[] parts = other.split("@");
          targets.addAll(connectorTargets(parts[0], Integer.parseInt(parts[1]), parts[2]));
        }
      }
      Map<String, List<Double>> times = new LinkedHashMap<>();
      List<String> order = new ArrayList<>();
      for (Target t : targets) {
        for (String mode : List.of("new connection", "kept alive", "kept alive, at once")) {
          String key = t.name() + " | " + mode;
          order.add(key);
          times.put(key, new ArrayList<>());
        }
      }
      Map<Target, Socket> open = new LinkedHashMap<>();
      for (Target t : targets) {
        open.put(t, connect(t));
      }
      // A server that has run a while has its code compiled: without this, a few dozen requests
      // would time the interpreter rather than what a person's click meets on a running server.
      int warmup = Integer.getInteger("idle.warmup", 3000);
      for (Target t : targets) {
        for (int i = 0; i < warmup; i++) {
          try {
            timed(open.get(t), t);
          } catch (IOException closedByServer) {
            open.put(t, connect(t));
          }
        }
      }
      for (int round = -3; round < rounds; round++) {
        // Every server sat idle through the pause; the one asked first changes with each round, so
        // a busy moment of the machine falls on every side alike.
        List<Target> turn = new ArrayList<>(targets);
        java.util.Collections.rotate(turn, Math.max(0, round));
        idle();
        for (Target t : turn) {
          record(times, round, t, "new connection", fresh(t));
        }
        idle();
        for (Target t : turn) {
          Socket kept = open.get(t);
          double afterIdle;
          try {
            afterIdle = timed(kept, t);
          } catch (IOException closedByServer) {
            kept = connect(t);
            open.put(t, kept);
            afterIdle = timed(kept, t);
          }
          record(times, round, t, "kept alive", afterIdle);
          record(times, round, t, "kept alive, at once", timed(kept, t));
        }
      }
      for (Socket s : open.values()) {
        s.close();
      }
      print(order, times, rounds, loadBefore);
    } finally {
      bare.stop();
    }
  }

  private static void record(
      Map<String, List<Double>> times, int round, Target t, String mode, double millis) {
    if (round >= 0) {
      times.get(t.name() + " | " + mode).add(millis);
    }
  }

  private static Socket connect(Target t) throws IOException {
    Socket s = new Socket("127.0.0.1", t.port());
    s.setTcpNoDelay(true);
    return s;
  }

  /** Serves a connector with a session for {@code -Didle.other} until killed. */
  private static void serve() throws Exception {
    Connector connector = BenchServer.start("idle-serve");
    System.out.println(connector.port() + "@" + session(connector));
    Thread.sleep(Long.MAX_VALUE);
  }

  private static List<Target> connectorTargets(String label, int port, String session) {
    return List.of(
        new Target(label + ", /health", port, "/health", null),
        new Target(label + ", static file", port, "/assets/js/admin-backup.js", null),
        new Target(label + ", signed-in read (hub)", port, "/api/v1/hub", session));
  }

  private static String session(Connector connector) {
    return new SessionStore(
            connector.database().dataSource(), Clock.systemUTC(), Duration.ofHours(4))
        .open(
            new Session(
                null,
                "bench-1",
                "Bench Person",
                null,
                "en",
                null,
                null,
                ProductRole.MEMBER,
                false,
                null));
  }

  /** A plain Jetty on the connector's thread pool settings, answering "ok". */
  private static Server bareJetty() throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.getHeaders().put("Content-Type", "text/plain");
            response.write(true, java.nio.ByteBuffer.wrap("ok".getBytes()), callback);
            return true;
          }
        });
    server.start();
    return server;
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void idle() throws InterruptedException {
    Thread.sleep(ThreadLocalRandom.current().nextLong(1000, 2001));
  }

  private static double fresh(Target t) throws IOException {
    long start = System.nanoTime();
    try (Socket s = new Socket("127.0.0.1", t.port())) {
      s.setTcpNoDelay(true);
      exchange(s, t);
      return (System.nanoTime() - start) / 1e6;
    }
  }

  private static double timed(Socket s, Target t) throws IOException {
    long start = System.nanoTime();
    exchange(s, t);
    return (System.nanoTime() - start) / 1e6;
  }

  /** Writes one GET and reads its whole answer, which must be a 200. */
  private static void exchange(Socket s, Target t) throws IOException {
    String request =
        "GET "
            + t.path()
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + t.port()
            + "\r\nAccept: */*\r\n"
            + (t.session() == null ? "" : "Cookie: cop_session=" + t.session() + "\r\n")
            + "\r\n";
    OutputStream out = s.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    // Buffered: read byte by byte from the socket, every byte of the answer's head was a system
    // call, which made the client's own time grow with the size of the server's headers.
    InputStream in = new java.io.BufferedInputStream(s.getInputStream(), 64 * 1024);
    String head = head(in);
    if (!head.startsWith("HTTP/1.1 200")) {
      throw new IllegalStateException(
          t.name() + " answered " + head.lines().findFirst().orElse(""));
    }
    String lower = head.toLowerCase(Locale.ROOT);
    int length = lower.indexOf("\ncontent-length:");
    if (length >= 0) {
      int end = lower.indexOf('\r', length);
      skip(in, Long.parseLong(lower.substring(length + 16, end).trim()));
    } else if (lower.contains("\ntransfer-encoding: chunked")) {
      while (true) {
        long size = Long.parseLong(line(in).trim(), 16);
        skip(in, size);
        line(in);
        if (size == 0) {
          break;
        }
      }
    } else {
      throw new IllegalStateException(t.name() + " answered without a length");
    }
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed in the answer's head");
      }
      head.write(b);
      matched =
          (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed in a chunk");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static void skip(InputStream in, long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long n = in.skip(left);
      if (n <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed in the answer's body");
        }
        n = 1;
      }
      left -= n;
    }
  }

  private static void print(
      List<String> order, Map<String, List<Double>> times, int rounds, String loadBefore) {
    System.out.println("| server, address | connection | p50 | p95 |");
    System.out.println("|---|---|---|---|");
    for (String key : order) {
      Percentiles p =
          new Percentiles(times.get(key).stream().mapToDouble(Double::doubleValue).toArray());
      System.out.printf(Locale.ROOT, "| %s | %.2f ms | %.2f ms |%n", key, p.at(50), p.at(95));
    }
    System.out.printf(
        Locale.ROOT,
        "%n%d rounds after %d requests back to back and 3 warm-up rounds, each server idle for 1-2 s before each request but the"
            + " \"at once\" ones; machine: %d cores, Java %s; load average before %s, after %s%n",
        rounds,
        Integer.getInteger("idle.warmup", 3000),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadBefore,
        loadAverage());
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private IdleRequestBenchmark() {}
}
