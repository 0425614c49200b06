package org.copconnector.connector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;

/** The connector on a free loopback port over a new embedded database, and a client timing it. */
final class BenchServer {

  private BenchServer() {}

  /** Starts the connector in a new temporary data folder named after the benchmark. */
  static Connector start(String name) throws Exception {
    Path work = Files.createTempDirectory("cop-bench-" + name + "-");
    Map<String, String> env =
        Map.of("COP_HTTP_HOST", "127.0.0.1", "COP_HTTP_PORT", "0", "COP_DATA_DIR", work.toString());
    return Connector.start(new ConfigLoader(env, work.resolve("none")).load(null), List.of());
  }

  /** Starts the connector in demo mode (sample schools, /demo) in a new temporary data folder. */
  static Connector startDemo(String name) throws Exception {
    Path work = Files.createTempDirectory("cop-bench-" + name + "-");
    Map<String, String> env =
        Map.of("COP_HTTP_HOST", "127.0.0.1", "COP_HTTP_PORT", "0", "COP_DATA_DIR", work.toString());
    return Connector.start(new ConfigLoader(env, work.resolve("none")).load(null), List.of(), true);
  }

  /**
   * Times {@code runs} GET requests with the session cookie after {@code warmup} untimed ones, at
   * the client; any answer that is not a 200 with the {@code expected} body stops the benchmark.
   */
  static Percentiles time(
      OkHttpClient http, String url, String token, int warmup, int runs, Predicate<String> expected)
      throws Exception {
    double[] millis = new double[runs];
    for (int i = -warmup; i < runs; i++) {
      long t = System.nanoTime();
      try (Response r =
          http.newCall(
                  new Request.Builder().url(url).header("Cookie", "cop_session=" + token).build())
              .execute()) {
        String body = r.body().string();
        if (r.code() != 200 || !expected.test(body)) {
          throw new IllegalStateException(
              url
                  + " answered "
                  + r.code()
                  + ": "
                  + body.substring(0, Math.min(300, body.length())));
        }
      }
      if (i >= 0) {
        millis[i] = (System.nanoTime() - t) / 1e6;
      }
    }
    return new Percentiles(millis);
  }
}
