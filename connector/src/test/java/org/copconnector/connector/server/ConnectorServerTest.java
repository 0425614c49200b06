package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.testing.Clients;
import org.copconnector.connector.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole connector on a free port, driven over HTTP. */
class ConnectorServerTest {

  private static final MediaType JSON = MediaType.get("application/json");

  @TempDir Path dataDir;
  private final OkHttpClient http =
      new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
  private final ProbeResource probe = new ProbeResource();
  private Connector connector;

  private Connector start(Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("COP_HTTP_HOST", "127.0.0.1");
    all.put("COP_HTTP_PORT", "0");
    all.put("COP_DATA_DIR", dataDir.toString());
    all.putIfAbsent("COP_HTTP_MAX_JSON_BYTES", "2048");
    ConnectorConfig config = new ConfigLoader(all, dataDir.resolve("none.properties")).load(null);
    connector = Connector.start(config, List.of(probe));
    return connector;
  }

  @AfterEach
  void stop() {
    if (connector != null) {
      Clients.closeIdleConnections(http);
      connector.close();
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  private record Answer(int status, JsonObject json) {}

  private Answer send(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      assertEquals(
          "application/json",
          response.header("Content-Type").split(";")[0],
          "every answer is JSON");
      String body = response.body().string();
      return new Answer(response.code(), JsonParser.parseString(body).getAsJsonObject());
    }
  }

  private Answer get(String path) throws IOException {
    return send(new Request.Builder().url(url(path)).build());
  }

  private Answer post(String path, String json) throws IOException {
    return send(new Request.Builder().url(url(path)).post(RequestBody.create(json, JSON)).build());
  }

  private static void assertError(Answer answer, int status, String code, String reason) {
    assertEquals(status, answer.status(), answer.json().toString());
    assertEquals(code, answer.json().get("error").getAsString(), answer.json().toString());
    assertEquals(reason, answer.json().get("reason").getAsString(), answer.json().toString());
    assertTrue(answer.json().has("message"));
    assertTrue(answer.json().get("details").isJsonObject());
  }

  @Test
  void healthWithoutMoodle() throws Exception {
    start(Map.of());
    Answer health = get("/health");
    assertEquals(200, health.status());
    assertEquals("UP", health.json().get("status").getAsString());
    assertEquals("UP", health.json().get("database").getAsString());
    assertEquals("NOT_CONFIGURED", health.json().get("lms").getAsString());
    assertFalse(health.json().get("version").getAsString().isBlank());
  }

  @Test
  void healthIs503WhenTheDatabaseIsDown() throws Exception {
    start(Map.of());
    connector.database().close();
    Answer health = get("/health");
    assertEquals(503, health.status());
    assertEquals("DOWN", health.json().get("database").getAsString());
  }

  @Test
  void unknownRoutesAndMethodsUseTheErrorShape() throws Exception {
    start(Map.of());
    assertError(get("/no/such/thing"), 404, "not_found", "not_found");
    assertError(post("/health", "{}"), 405, "method_not_allowed", "method_not_allowed");
  }

  @Test
  void containerLevelErrorsUseTheErrorShapeToo() throws Exception {
    start(Map.of());
    // A URI too broken for any client library to send; written on a raw socket.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", connector.port())) {
      socket
          .getOutputStream()
          .write(
              "GET /% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String raw =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
      assertTrue(raw.contains("Content-Type: application/json"), raw);
      JsonObject body =
          JsonParser.parseString(raw.substring(raw.indexOf("\r\n\r\n") + 4)).getAsJsonObject();
      assertEquals("bad_request", body.get("error").getAsString());
      assertEquals("bad_request", body.get("reason").getAsString());
    }
  }

  @Test
  void jsonBodiesAreReadStrictly() throws Exception {
    start(Map.of());
    Answer ok =
        post("/test/echo", "{\"name\":\"Matemática 📐 مرحبا\",\"mode\":\"both\",\"count\":3}");
    assertEquals(200, ok.status());
    assertEquals("Matemática 📐 مرحبا", ok.json().get("name").getAsString());
    assertEquals("both", ok.json().get("mode").getAsString());

    assertError(post("/test/echo", "{\"name\":\"x\","), 400, "malformed_json", "malformed_json");
    assertError(post("/test/echo", "not json"), 400, "malformed_json", "malformed_json");
    assertError(
        post("/test/echo", "{\"name\":\"x\"} trailing"), 400, "malformed_json", "malformed_json");
    assertError(post("/test/echo", ""), 400, "missing_body", "missing_body");
    Answer wrongType = post("/test/echo", "{\"name\":\"x\",\"count\":\"many\"}");
    assertError(wrongType, 422, "invalid_field", "expected_number");
    assertEquals("count", wrongType.json().getAsJsonObject("details").get("field").getAsString());
    Answer badEnum = post("/test/echo", "{\"name\":\"x\",\"mode\":\"hybrid\"}");
    assertError(badEnum, 422, "invalid_field", "unknown_value");
    assertEquals("mode", badEnum.json().getAsJsonObject("details").get("field").getAsString());
    assertTrue(
        badEnum.json().getAsJsonObject("details").get("allowed").getAsString().contains("both"),
        badEnum.json().toString());
    assertError(
        post("/test/echo", "{\"name\":\"x\",\"colour\":\"red\"}"),
        422,
        "invalid_field",
        "unknown_field");
    assertError(post("/test/echo", "{\"name\":\" \"}"), 422, "invalid_body", "invalid_body");
    assertError(post("/test/echo", "[1,2]"), 422, "invalid_field", "expected_object");
    assertError(
        send(
            new Request.Builder()
                .url(url("/test/echo"))
                .post(
                    RequestBody.create(
                        "name=x", MediaType.get("application/x-www-form-urlencoded")))
                .build()),
        415,
        "unsupported_media_type",
        "unsupported_media_type");
  }

  @Test
  void oversizedBodiesAreRefused() throws Exception {
    start(Map.of());
    String big = "{\"name\":\"" + "x".repeat(4000) + "\"}";
    Answer declared = post("/test/echo", big);
    assertError(declared, 413, "payload_too_large", "payload_too_large");
    assertTrue(declared.json().getAsJsonObject("details").get("limitBytes").getAsLong() > 0);
    // Without a Content-Length the body is cut off while streaming.
    RequestBody chunked =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return JSON;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8(big);
          }
        };
    assertError(
        send(new Request.Builder().url(url("/test/echo")).post(chunked).build()),
        413,
        "payload_too_large",
        "payload_too_large");
  }

  @Test
  void serverFaultsCarryACorrelationIdThatIsLogged() throws Exception {
    start(Map.of());
    try (LogCapture logs = new LogCapture()) {
      Answer answer = get("/test/boom");
      assertError(answer, 500, "internal_error", "internal_error");
      String id = answer.json().getAsJsonObject("details").get("correlationId").getAsString();
      assertFalse(
          answer.json().toString().contains("cop_secret_thing"), "no internals in the answer");
      assertTrue(
          logs.lines().stream().anyMatch(l -> l.contains(id) && l.contains("cop_secret_thing")),
          "the log has the id and the cause");
    }
  }

  @Test
  void gracefulStopLetsInFlightRequestsFinish() throws Exception {
    start(Map.of());
    CompletableFuture<Integer> slow =
        CompletableFuture.supplyAsync(
            () -> {
              try (Response r =
                  http.newCall(new Request.Builder().url(url("/test/slow")).build()).execute()) {
                return r.code();
              } catch (IOException e) {
                return -1;
              }
            });
    assertTrue(probe.slowStarted.await(5, TimeUnit.SECONDS));
    int port = connector.port();
    connector.close();
    assertEquals(200, slow.get(10, TimeUnit.SECONDS), "the in-flight request completed");
    OkHttpClient fresh = new OkHttpClient();
    assertThrows(
        IOException.class,
        () ->
            fresh
                .newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/health").build())
                .execute()
                .close());
  }
}
