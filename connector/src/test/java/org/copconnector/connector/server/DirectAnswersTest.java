package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health} and the UI's files are answered before Jersey, exactly as Jersey answers them;
 * everything else still goes through Jersey.
 */
class DirectAnswersTest {

  private static final String METRICS_TOKEN = "direct-answers-metrics-token";

  /** Counts the requests that reach Jersey. */
  @Provider
  @PreMatching
  @Priority(1)
  public static final class JerseyRequests implements ContainerRequestFilter {
    final AtomicInteger seen = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request) {
      seen.incrementAndGet();
    }
  }

  private record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : String.join(",", values);
    }
  }

  @TempDir static Path dataDir;
  private static final JerseyRequests jersey = new JerseyRequests();
  private static final OkHttpClient http =
      new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
  private static Connector connector;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env =
        Map.of(
            "COP_HTTP_HOST",
            "127.0.0.1",
            "COP_HTTP_PORT",
            "0",
            "COP_DATA_DIR",
            dataDir.toString(),
            "COP_METRICS_TOKEN",
            METRICS_TOKEN);
    connector =
        Connector.start(
            new ConfigLoader(env, dataDir.resolve("none.properties")).load(null), List.of(jersey));
  }

  @AfterAll
  static void stop() {
    connector.close();
  }

  private static Answer send(String method, String path) throws IOException {
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + connector.port() + path)
            .method(method, method.equals("POST") ? RequestBody.create(new byte[0]) : null)
            .build();
    try (Response response = http.newCall(request).execute()) {
      Map<String, List<String>> headers = new java.util.HashMap<>();
      for (String name : response.headers().names()) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), response.headers(name));
      }
      return new Answer(response.code(), headers, response.body().bytes());
    }
  }

  /** What Jersey answers for {@code path}: the same address with a query it ignores. */
  private static Answer throughJersey(String path) throws IOException {
    int before = jersey.seen.get();
    Answer answer = send("GET", path + "?via=jersey");
    assertEquals(before + 1, jersey.seen.get(), "a query string goes through Jersey: " + path);
    return answer;
  }

  private static Answer direct(String method, String path) throws IOException {
    int before = jersey.seen.get();
    Answer answer = send(method, path);
    assertEquals(before, jersey.seen.get(), "answered before Jersey: " + method + " " + path);
    return answer;
  }

  private static String vendorAddress(String page, String meta) throws IOException {
    String html = new String(send("GET", page).body(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<meta name=\"" + meta + "\" content=\"([^\"]+)\">").matcher(html);
    assertTrue(m.find(), meta + " in " + page);
    return m.group(1);
  }

  @Test
  void healthAndFilesAreJerseysAnswersWithoutJersey() throws Exception {
    String bootstrap =
        new String(send("GET", "/hub").body(), StandardCharsets.UTF_8)
            .replaceAll("(?s).*href=\"(/assets/vendor/bootstrap/[^\"]+\\.css)\".*", "$1");
    List<String> addresses =
        List.of(
            "/health",
            "/assets/app.css",
            "/assets/js/ui.js",
            "/assets/editor-langs/pt.js",
            bootstrap,
            vendorAddress("/thread", "editor") + "/tinymce.min.js",
            vendorAddress("/prompt", "maths") + "/katex.min.css");
    for (String address : addresses) {
      Answer direct = direct("GET", address);
      Answer jersey = throughJersey(address);
      assertEquals(200, direct.status(), address);
      assertEquals(jersey.status(), direct.status(), address);
      assertArrayEquals(jersey.body(), direct.body(), address);
      for (String header :
          List.of(
              "Content-Type",
              "Cache-Control",
              "Content-Security-Policy",
              "X-Content-Type-Options",
              "Referrer-Policy")) {
        assertEquals(jersey.header(header), direct.header(header), address + " " + header);
      }
      assertNotNull(direct.header("Content-Security-Policy"), address);
      // Jersey sends a large body in chunks; sent whole, its length is known.
      assertEquals(String.valueOf(direct.body().length), direct.header("Content-Length"), address);
    }
    assertTrue(
        new String(direct("GET", "/health").body(), StandardCharsets.UTF_8)
            .contains("\"status\":\"UP\""));
  }

  @Test
  void aHeadRequestGetsTheHeadersWithoutTheBody() throws Exception {
    Answer head = direct("HEAD", "/assets/app.css");
    Answer get = direct("GET", "/assets/app.css");
    assertEquals(200, head.status());
    assertEquals(0, head.body().length);
    assertEquals(get.header("Content-Length"), head.header("Content-Length"));
    assertEquals(200, direct("HEAD", "/health").status());
  }

  @Test
  void unknownFilesOtherMethodsAndOtherAddressesStillGoThroughJersey() throws Exception {
    for (String[] request :
        List.of(
            new String[] {"GET", "/assets/js/no-such-file.js", "404"},
            new String[] {"GET", "/assets/../WEB-INF/x.js", "404"},
            new String[] {"GET", "/assets/vendor/bootstrap/0.0.1/bootstrap.min.css", "404"},
            new String[] {"POST", "/health", "405"},
            new String[] {"GET", "/healthz", "404"})) {
      int before = jersey.seen.get();
      Answer answer = send(request[0], request[1]);
      assertEquals(Integer.parseInt(request[2]), answer.status(), String.join(" ", request));
      assertEquals(before + 1, jersey.seen.get(), "through Jersey: " + String.join(" ", request));
      assertTrue(
          answer.header("Content-Type").startsWith("application/json"),
          "the API's error form: " + String.join(" ", request));
    }
  }

  @Test
  void directAnswersAreCountedInTheMetricsByRoute() throws Exception {
    direct("GET", "/health");
    direct("GET", "/assets/app.css");
    Request scrape =
        new Request.Builder()
            .url("http://127.0.0.1:" + connector.port() + "/metrics")
            .header("Authorization", "Bearer " + METRICS_TOKEN)
            .build();
    try (Response response = http.newCall(scrape).execute()) {
      String body = response.body().string();
      assertEquals(200, response.code(), body);
      for (String series :
          List.of(
              "http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}",
              "http_server_requests_seconds_count{method=\"GET\",route=\"/assets/{path: .+}\",status=\"200\"}")) {
        assertTrue(body.contains(series), series + " in:\n" + body);
      }
    }
  }
}
