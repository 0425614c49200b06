package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.copconnector.plugin.i18n.Translations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompt library and scheduling over HTTP: facilitators schedule, input is checked. */
class PromptsApiTest {

  private static final String NETWORK = "demo-rede-ciencias";

  @TempDir Path dataDir;

  @Test
  void facilitatorsScheduleLibraryPromptsForTheirCommunity() throws Exception {
    try (DemoHub hub = DemoHub.start(dataDir, Map.of())) {
      String filipe = hub.enter("d07", NETWORK);
      String gabriela = hub.enter("d08", NETWORK);
      String community = hub.community(filipe, "Reflexão", "Aulas");
      hub.call(gabriela, "POST", "/api/v1/communities/" + community + "/join", null);
      JsonObject prompt =
          hub.call(gabriela, "GET", "/api/v1/prompts?lang=pt", null)
              .json()
              .getAsJsonArray()
              .get(0)
              .getAsJsonObject();
      assertEquals("pt", prompt.get("language").getAsString());
      assertTrue(
          hub.call(gabriela, "GET", "/api/v1/prompts?lang=pt", null).json().getAsJsonArray().size()
              >= 7);
      hub.call(gabriela, "PUT", "/api/v1/me/language", "{\"language\":\"es\"}");
      JsonObject inHerLanguage =
          hub.call(gabriela, "GET", "/api/v1/prompts", null)
              .json()
              .getAsJsonArray()
              .get(0)
              .getAsJsonObject();
      assertEquals("es", inHerLanguage.get("language").getAsString(), "without ?lang=: hers");
      assertEquals(
          Translations.in("es").text("prompt.library.p1.title"),
          inHerLanguage.get("title").getAsString());
      String body =
          "{\"communityId\":\""
              + community
              + "\",\"title\":\""
              + prompt.get("title").getAsString()
              + "\",\"body\":\""
              + prompt.get("text").getAsString()
              + "\",\"repeat\":\"weekly\",\"firstDate\":\"2030-01-08\",\"localTime\":\"18:00\",\"timeZone\":\"%s\"}";
      assertEquals(
          403,
          hub.call(gabriela, "POST", "/api/v1/prompt-schedules", body.formatted("Europe/Lisbon"))
              .status());
      Answer bad =
          hub.call(filipe, "POST", "/api/v1/prompt-schedules", body.formatted("Mars/Olympus"));
      assertEquals(422, bad.status());
      assertEquals("timeZone", bad.object().getAsJsonObject("details").get("field").getAsString());
      Answer made =
          hub.call(filipe, "POST", "/api/v1/prompt-schedules", body.formatted("Europe/Lisbon"));
      assertEquals(201, made.status(), String.valueOf(made.json()));
      assertEquals("2030-01-08T18:00:00Z", made.object().get("nextOpeningAt").getAsString());
      assertEquals(
          1,
          hub.call(gabriela, "GET", "/api/v1/prompt-schedules?community=" + community, null)
              .json()
              .getAsJsonArray()
              .size());
      String schedule = made.object().get("id").getAsString();
      assertEquals(
          403,
          hub.call(gabriela, "POST", "/api/v1/prompt-schedules/" + schedule + "/stop", null)
              .status());
      Answer stopped =
          hub.call(filipe, "POST", "/api/v1/prompt-schedules/" + schedule + "/stop", null);
      assertEquals(200, stopped.status(), String.valueOf(stopped.json()));
      assertTrue(stopped.object().has("stoppedAt"));
      assertFalse(stopped.object().has("nextOpeningAt"), "nothing more opens");
      assertEquals(
          404, hub.call(filipe, "POST", "/api/v1/prompt-schedules/nope/stop", null).status());
    }
  }
}
