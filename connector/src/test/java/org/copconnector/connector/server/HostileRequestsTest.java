package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.testing.DemoHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an attacker sends without a login: huge form bodies, malformed headers and paths. Each is
 * refused with a 4xx in the error shape (a page under /lti), and the server stays up; every page
 * carries its security headers.
 */
class HostileRequestsTest {

  private static final long HUGE = 48L * 1024 * 1024;

  @TempDir static Path dataDir;
  private static DemoHub hub;
  private static String teacher;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeAll
  static void start() throws Exception {
    hub = DemoHub.start(dataDir, Map.of());
    teacher = hub.enter("d08", "demo-rede-ciencias");
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private record Raw(int status, String contentType, String body) {}

  /** Streams {@code bytes} of form body to {@code path} without declaring its length. */
  private static Raw streamForm(String path, String field, long bytes) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", hub.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      Thread writer =
          new Thread(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                try {
                  out.write(
                      ("POST "
                              + path
                              + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              + "Content-Type: application/x-www-form-urlencoded\r\n"
                              + "Transfer-Encoding: chunked\r\n\r\n"
                              + Integer.toHexString(field.length() + 1)
                              + "\r\n"
                              + field
                              + "=\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  String size = Integer.toHexString(chunk.length) + "\r\n";
                  for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(size.getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException refused) {
                  // The server stopped reading: what it answered is what counts.
                }
              });
      writer.setDaemon(true);
      writer.start();
      return readAnswer(socket.getInputStream());
    }
  }

  private static Raw readAnswer(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    String[] lines = head.toString().split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String type = "";
    int length = -1;
    for (String line : lines) {
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        type = line.substring(13).trim();
      } else if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    String body = length < 0 ? "" : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return new Raw(status, type, body);
  }

  private void assertUp() throws IOException {
    try (Response health =
        http.newCall(new Request.Builder().url(hub.url("/health")).build()).execute()) {
      assertEquals(200, health.code());
      assertTrue(health.body().string().contains("\"UP\""));
    }
  }

  private static JsonObject errorShape(String body) {
    JsonObject error = JsonParser.parseString(body).getAsJsonObject();
    for (String field : List.of("error", "reason", "message", "details")) {
      assertTrue(error.has(field), field + " in " + body);
    }
    return error;
  }

  @Test
  void hugeFormsAreRefusedWhileStreamingAndTheServerStaysUp() throws Exception {
    for (String path : List.of("/lti/launch", "/lti/login")) {
      Raw launch = streamForm(path, "id_token", HUGE);
      assertEquals(413, launch.status(), path + " " + launch.body());
      assertTrue(launch.contentType().startsWith("text/html"), "a page under /lti: " + launch);
    }
    Raw demo = streamForm("/demo/enter", "person", HUGE);
    assertEquals(413, demo.status(), demo.body());
    assertEquals("payload_too_large", errorShape(demo.body()).get("reason").getAsString());
    assertUp();
  }

  @Test
  void aDeclaredHugeFormIsRefusedBeforeItIsRead() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", hub.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /lti/launch HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\n"
                  + "Content-Length: "
                  + (150L * 1024 * 1024)
                  + "\r\n\r\nid_token=aaaa")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Raw answer = readAnswer(socket.getInputStream());
      assertEquals(413, answer.status(), "answered while 150 MiB were still to come");
    }
    assertUp();
  }

  @Test
  void aSessionCookieDifferingOnlyInCaseIsNoSessionOnTheSameConnection() throws Exception {
    assertEquals(200, hub.call(teacher, "GET", "/api/v1/hub", null).status());
    for (String forged : List.of(teacher.toUpperCase(), teacher.toLowerCase())) {
      if (!forged.equals(teacher)) {
        assertEquals(401, hub.call(forged, "GET", "/api/v1/hub", null).status(), forged);
      }
    }
  }

  @Test
  void aMalformedFileNameHeaderIsABadRequest() throws Exception {
    for (String name : List.of("%E0%A4%A", "%zz.pdf", "abc%", "%C0%AF.pdf")) {
      Request request =
          new Request.Builder()
              .url(hub.url("/api/v1/uploads"))
              .header("Cookie", "cop_session=" + teacher)
              .header("X-File-Name", name)
              .header("X-Requested-With", "cop-connector")
              .post(RequestBody.create("text".getBytes(StandardCharsets.UTF_8)))
              .build();
      try (Response r = http.newCall(request).execute()) {
        JsonObject error = errorShape(r.body().string());
        assertEquals(400, r.code(), name + " " + error);
        assertEquals("header_invalid", error.get("reason").getAsString());
        assertEquals("X-File-Name", error.getAsJsonObject("details").get("header").getAsString());
      }
    }
  }

  @Test
  void anEncodedSlashInThePathIsRefusedInTheErrorShapeWhateverTheMethod() throws Exception {
    for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
      RequestBody body =
          method.equals("GET") || method.equals("DELETE")
              ? null
              : RequestBody.create("{}", MediaType.get("application/json"));
      Request request =
          new Request.Builder()
              .url(hub.url("/api/v1/communities/a%2Fb"))
              .header("Cookie", "cop_session=" + teacher)
              .method(method, body)
              .build();
      try (Response r = http.newCall(request).execute()) {
        String text = r.body().string();
        assertTrue(r.code() >= 400 && r.code() < 500, method + " " + r.code());
        assertEquals("application/json", r.header("Content-Type").split(";")[0], method);
        assertEquals("bad_request", errorShape(text).get("reason").getAsString(), method);
      }
    }
  }

  private Response get(String path, String accept) throws IOException {
    return http.newCall(
            new Request.Builder()
                .url(hub.url(path))
                .header("Accept", accept)
                .header("Cookie", "cop_session=" + teacher)
                .build())
        .execute();
  }

  @Test
  void everyPageCarriesItsSecurityHeaders() throws Exception {
    for (String path :
        List.of("/hub", "/bank", "/demo", "/no-such-page", "/lti/launch", "/lti/login")) {
      try (Response page = get(path, "text/html")) {
        assertTrue(page.header("Content-Type").startsWith("text/html"), path);
        String policy = page.header("Content-Security-Policy");
        assertNotNull(policy, path);
        for (String directive :
            List.of(
                "default-src 'self'",
                "script-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'")) {
          assertTrue(policy.contains(directive), path + ": " + policy);
        }
        assertFalse(policy.contains("unsafe-inline"), path + ": " + policy);
        // Opened in the platforms' frames; a demo with no platform: framed by itself only.
        assertTrue(policy.endsWith("; frame-ancestors 'self'"), path + ": " + policy);
        assertEquals("nosniff", page.header("X-Content-Type-Options"), path);
        assertEquals("strict-origin-when-cross-origin", page.header("Referrer-Policy"), path);
        String html = page.body().string();
        assertFalse(
            html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "inline script: " + path);
        assertFalse(html.contains("<style"), "inline style: " + path);
        assertFalse(html.matches("(?s).*\\sstyle=\".*"), "style attribute: " + path);
      }
    }
  }
}
