package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.connector.testing.Clients;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text is text wherever it enters (a JSON string, never a number or a boolean; no control
 * characters in bodies, query and path parameters and forms; file names are cleaned instead, see
 * BankApiTest), and a value within its declared bound fits its column.
 */
class TextInputApiTest {

  private static final String NETWORK = "demo-rede-ciencias";

  @TempDir static Path dataDir;

  private static DemoHub hub;
  private static String filipe;

  @BeforeAll
  static void start() throws Exception {
    hub = DemoHub.start(dataDir, Map.of());
    filipe = hub.enter("d07", NETWORK);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void numbersAndBooleansAreNotText() throws Exception {
    refused(
        hub.call(filipe, "POST", "/api/v1/communities", "{\"name\":12345,\"domain\":\"X\"}"),
        "expected_string",
        "name");
    refused(
        hub.call(filipe, "POST", "/api/v1/communities", "{\"name\":\"Abc\",\"domain\":true}"),
        "expected_string",
        "domain");
    refused(
        hub.call(
            filipe,
            "POST",
            "/api/v1/communities",
            "{\"name\":\"Abc\",\"domain\":\"X\",\"profile\":{\"cycles\":[7]}}"),
        "expected_string",
        "profile.cycles[0]");
  }

  @Test
  void controlCharactersAreRefusedWhereverTheyEnter() throws Exception {
    refused(
        hub.call(
            filipe, "POST", "/api/v1/communities", "{\"name\":\"Ab\\u0000c\",\"domain\":\"X\"}"),
        "control_character",
        "name");
    refused(
        hub.call(
            filipe, "POST", "/api/v1/communities", "{\"name\":\"Abc\",\"domain\":\"a\\u001bb\"}"),
        "control_character",
        "domain");
    refused(
        hub.call(
            filipe, "POST", "/api/v1/communities", "{\"name\":\"Abc\",\"domain\":\"\\ud800\"}"),
        "control_character",
        "domain");
    refused(hub.call(filipe, "GET", "/api/v1/resources?q=a%00b", null), "control_character", "q");
    // The server refuses control characters in the path itself, before any resource.
    for (String control : new String[] {"%00", "%1b"}) {
      Answer path = hub.call(filipe, "GET", "/api/v1/communities/a" + control + "b", null);
      assertEquals(400, path.status());
      assertEquals("bad_request", path.object().get("reason").getAsString());
    }

    OkHttpClient http = Clients.asTheUi();
    try (Response login =
        http.newCall(
                new Request.Builder()
                    .url(hub.url("/lti/login"))
                    .post(
                        new FormBody.Builder()
                            .add("iss", "https://moodle\u0000.example")
                            .add("login_hint", "2")
                            .add("target_link_uri", hub.url("/lti/launch"))
                            .build())
                    .build())
            .execute()) {
      assertEquals(422, login.code(), login.body().string());
    }
    // Tab and line breaks are text.
    assertEquals(
        201,
        hub.call(
                filipe,
                "POST",
                "/api/v1/communities",
                "{\"name\":\"Linhas\",\"domain\":\"uma\\n\\tduas\\r\\n\"}")
            .status());
  }

  @Test
  void fullTagListsFitTheirColumns() throws Exception {
    String tags = "[" + String.join(",", Collections.nCopies(20, "\"%s\"")) + "]";
    String[] entries = new String[20];
    for (int i = 0; i < 20; i++) {
      entries[i] = String.format("%02d", i) + "x".repeat(58);
    }
    String list = tags.formatted((Object[]) entries);
    Answer community =
        hub.call(
            filipe,
            "POST",
            "/api/v1/communities",
            "{\"name\":\"Listas\",\"domain\":\"X\",\"profile\":{\"cycles\":"
                + list
                + ",\"subjects\":"
                + list
                + ",\"focus\":"
                + list
                + "}}");
    assertEquals(201, community.status(), String.valueOf(community.json()));
    String id = community.object().get("id").getAsString();
    Answer resource =
        hub.call(
            filipe,
            "POST",
            "/api/v1/resources",
            "{\"communityId\":\""
                + id
                + "\",\"url\":\"https://example.org/a\",\"title\":\"T\",\"tags\":"
                + list
                + ",\"subjects\":"
                + list
                + ",\"cycles\":"
                + list
                + ",\"authors\":"
                + list
                + "}");
    assertEquals(201, resource.status(), String.valueOf(resource.json()));
  }

  @Test
  void aLocalTimeOpensOnAMinute() throws Exception {
    String community =
        hub.call(filipe, "POST", "/api/v1/communities", "{\"name\":\"Horas\",\"domain\":\"X\"}")
            .object()
            .get("id")
            .getAsString();
    String schedule =
        "{\"communityId\":\""
            + community
            + "\",\"title\":\"T\",\"body\":\"B\",\"repeat\":\"weekly\",\"firstDate\":\"2030-01-07\","
            + "\"localTime\":\"%s\",\"timeZone\":\"Europe/Lisbon\"}";
    refused(
        hub.call(filipe, "POST", "/api/v1/prompt-schedules", schedule.formatted("18:00:30")),
        "local_time_invalid",
        "localTime");
    Answer whole =
        hub.call(filipe, "POST", "/api/v1/prompt-schedules", schedule.formatted("18:00:00"));
    assertEquals(201, whole.status(), String.valueOf(whole.json()));
  }

  private static void refused(Answer answer, String reason, String field) {
    assertEquals(422, answer.status(), String.valueOf(answer.json()));
    JsonObject error = answer.object();
    assertEquals(reason, error.get("reason").getAsString(), error.toString());
    assertEquals(field, error.getAsJsonObject("details").get("field").getAsString());
  }
}
