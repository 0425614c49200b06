package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.copconnector.connector.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-assessment surveys over HTTP (demo schools): a round's report is exact, hidden below the
 * minimum of respondents, and nothing tells who answered what.
 */
class SurveysApiTest {

  private static final String NETWORK = "demo-rede-ciencias";

  @TempDir Path dataDir;

  @Test
  void aMirrorRoundIsAnsweredOnceEachAndReportedOnlyInAggregate() throws Exception {
    try (LogCapture logs = new LogCapture();
        DemoHub hub = DemoHub.start(dataDir, Map.of())) {
      String filipe = hub.enter("d07", NETWORK);
      Map<String, String> members =
          Map.of(
              "d08",
              hub.enter("d08", NETWORK),
              "d10",
              hub.enter("d10", NETWORK),
              "d17",
              hub.enter("d17", NETWORK));
      String outsider = hub.enter("d18", NETWORK);
      String community =
          hub.call(
                  filipe,
                  "POST",
                  "/api/v1/communities",
                  "{\"name\":\"Espelho\",\"domain\":\"Autoavaliação\"}")
              .object()
              .get("id")
              .getAsString();
      for (String session : members.values()) {
        assertEquals(
            200,
            hub.call(session, "POST", "/api/v1/communities/" + community + "/join", null).status());
      }
      assertEquals(
          403,
          hub.call(
                  members.get("d08"),
                  "POST",
                  "/api/v1/surveys",
                  "{\"communityId\":\"" + community + "\",\"template\":\"mirror\"}")
              .status(),
          "members do not start surveys");
      Answer survey =
          hub.call(
              filipe,
              "POST",
              "/api/v1/surveys",
              "{\"communityId\":\"" + community + "\",\"template\":\"mirror\"}");
      assertEquals(201, survey.status(), String.valueOf(survey.json()));
      String id = survey.object().get("id").getAsString();
      assertEquals(10, survey.object().getAsJsonArray("items").size());
      assertEquals(
          "A nossa comunidade ao espelho",
          survey.object().get("title").getAsString(),
          "the template's title, in the words of the facilitator who started it");
      assertEquals(
          200,
          hub.call(members.get("d17"), "PUT", "/api/v1/me/language", "{\"language\":\"es\"}")
              .status());
      assertEquals(
          "Nuestra comunidad ante el espejo",
          hub.call(members.get("d17"), "GET", "/api/v1/surveys/" + id, null)
              .object()
              .get("title")
              .getAsString(),
          "the template's own title, in each reader's language");
      JsonObject statement = survey.object().getAsJsonArray("statements").get(9).getAsJsonObject();
      assertEquals("survey.template.mirror.10", statement.get("key").getAsString());
      assertEquals(
          "Cada membro da comunidade está motivado para ajudar.",
          statement.get("text").getAsString());
      Instant now = Instant.now();
      Answer round =
          hub.call(
              filipe,
              "POST",
              "/api/v1/surveys/" + id + "/rounds",
              "{\"opensAt\":\""
                  + now.minusSeconds(60)
                  + "\",\"closesAt\":\""
                  + now.plusSeconds(86400)
                  + "\"}");
      assertEquals(201, round.status(), String.valueOf(round.json()));
      String roundId =
          round.object().getAsJsonArray("rounds").get(0).getAsJsonObject().get("id").getAsString();
      String answers = "/api/v1/surveys/" + id + "/rounds/" + roundId + "/answers";
      String report = "/api/v1/surveys/" + id + "/rounds/" + roundId + "/report";

      assertEquals(
          204,
          hub.call(members.get("d08"), "POST", answers, "{\"agreements\":[5,4,4,3,5,2,4,4,1,5]}")
              .status());
      assertEquals(
          409,
          hub.call(members.get("d08"), "POST", answers, "{\"agreements\":[1,1,1,1,1,1,1,1,1,1]}")
              .status(),
          "once");
      assertEquals(
          204,
          hub.call(members.get("d10"), "POST", answers, "{\"agreements\":[4,4,null,3,5,2,4,5,2,5]}")
              .status());
      assertEquals(
          403,
          hub.call(outsider, "POST", answers, "{\"agreements\":[1,1,1,1,1,1,1,1,1,1]}").status(),
          "members only");
      assertEquals(
          422,
          hub.call(filipe, "POST", answers, "{\"agreements\":[6,1,1,1,1,1,1,1,1,1]}").status());
      assertEquals(422, hub.call(filipe, "POST", answers, "{\"agreements\":[1,1]}").status());

      JsonObject hidden = hub.call(filipe, "GET", report, null).object();
      assertFalse(hidden.get("shown").getAsBoolean());
      assertEquals(0, hidden.getAsJsonArray("items").size());
      assertEquals(409, hub.download(filipe, report + ".csv").status());

      assertEquals(
          204,
          hub.call(members.get("d17"), "POST", answers, "{\"agreements\":[4,5,4,2,5,3,4,4,2,4]}")
              .status());
      JsonObject shown = hub.call(members.get("d10"), "GET", report, null).object();
      assertTrue(shown.get("shown").getAsBoolean());
      assertEquals(3, shown.get("respondents").getAsInt());
      JsonArray items = shown.getAsJsonArray("items");
      JsonObject first = items.get(0).getAsJsonObject();
      assertEquals("survey.template.mirror.1", first.get("key").getAsString());
      assertEquals("[0,0,0,2,1]", first.get("counts").toString());
      assertEquals("[0.0,0.0,0.0,66.7,33.3]", first.get("percents").toString());
      assertEquals(100.0, first.get("positivePercent").getAsDouble());
      JsonObject third = items.get(2).getAsJsonObject();
      assertEquals(2, third.get("answered").getAsInt());
      assertEquals(1, third.get("skipped").getAsInt());
      assertEquals("[0.0,0.0,0.0,100.0,0.0]", third.get("percents").toString());
      JsonObject ninth = items.get(8).getAsJsonObject();
      assertEquals("[1,2,0,0,0]", ninth.get("counts").toString());
      assertEquals(0.0, ninth.get("positivePercent").getAsDouble());

      // The community's reports at once (the reflection page's first reads): the same report.
      String all = "/api/v1/surveys/reports?community=" + community;
      JsonArray reports = hub.call(members.get("d10"), "GET", all, null).json().getAsJsonArray();
      JsonObject together =
          java.util.stream.StreamSupport.stream(reports.spliterator(), false)
              .map(JsonElement::getAsJsonObject)
              .filter(r -> r.get("roundId").getAsString().equals(roundId))
              .findFirst()
              .orElseThrow();
      assertEquals(shown, together);
      assertEquals(
          hub.call(outsider, "GET", report, null).status(),
          hub.call(outsider, "GET", all, null).status(),
          "the same readers as each report");
      assertEquals(422, hub.call(filipe, "GET", "/api/v1/surveys/reports", null).status());

      DemoHub.Download csv = hub.download(filipe, report + ".csv");
      assertEquals(200, csv.status());
      String text = new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(
          text.contains(
              "1,\"A nossa comunidade tem valores e uma visão partilhados.\",3,0,0,0.0,0,0.0,0,0.0,2,66.7,1,33.3,3,100.0,"),
          "built-in statements in the reader's language: " + text);
      DemoHub.Download svg =
          hub.download(
              filipe, "/api/v1/surveys/" + id + "/rounds/" + roundId + "/items/1/chart.svg");
      assertEquals(200, svg.status());
      String chart = new String(svg.bytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(chart.startsWith("<svg") && chart.contains(">Concordo totalmente</text>"), chart);

      // Nothing ties a person to answers: not the report, the survey, the CSV, nor the log.
      assertFalse(logs.lines().isEmpty(), "the log was captured");
      String everything =
          shown
              + hub.call(filipe, "GET", "/api/v1/surveys/" + id, null).json().toString()
              + text
              + String.join("\n", logs.lines());
      for (String person : List.of("d08", "d10", "d17", "Gabriela", "Inês", "Quitéria")) {
        assertFalse(everything.contains(person), person + " appears in " + everything);
      }
      assertTrue(
          hub.call(members.get("d08"), "GET", "/api/v1/surveys/" + id, null)
              .object()
              .getAsJsonArray("rounds")
              .get(0)
              .getAsJsonObject()
              .get("answeredByMe")
              .getAsBoolean(),
          "each person is told only whether they answered");
    }
  }

  @Test
  void aSecondRoundIsRefusedWhileOneIsOpenOrPlanned() throws Exception {
    try (DemoHub hub = DemoHub.start(dataDir, Map.of())) {
      String filipe = hub.enter("d07", NETWORK);
      String community =
          hub.call(
                  filipe,
                  "POST",
                  "/api/v1/communities",
                  "{\"name\":\"Rondas\",\"domain\":\"Uma de cada vez\"}")
              .object()
              .get("id")
              .getAsString();
      String id =
          hub.call(
                  filipe,
                  "POST",
                  "/api/v1/surveys",
                  "{\"communityId\":\"" + community + "\",\"template\":\"collaboration\"}")
              .object()
              .get("id")
              .getAsString();
      String rounds = "/api/v1/surveys/" + id + "/rounds";
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Instant closes = now.plusSeconds(7 * 86400);
      assertEquals(
          201, hub.call(filipe, "POST", rounds, round(now.minusSeconds(60), closes)).status());

      Answer again = hub.call(filipe, "POST", rounds, round(now, now.plusSeconds(14 * 86400)));
      assertEquals(409, again.status(), String.valueOf(again.json()));
      assertEquals("round_already_open", again.object().get("reason").getAsString());
      assertEquals(
          closes.toString(),
          again.object().getAsJsonObject("details").get("closesAt").getAsString());
      Answer later =
          hub.call(
              filipe, "POST", rounds, round(closes.minusSeconds(3600), closes.plusSeconds(86400)));
      assertEquals(409, later.status(), "not even one that starts before the open one closes");
      assertEquals("round_already_open", later.object().get("reason").getAsString());

      // After the open round, a next one may be planned; but not two that overlap.
      assertEquals(
          201,
          hub.call(filipe, "POST", rounds, round(closes, closes.plusSeconds(7 * 86400))).status());
      Answer overlapping =
          hub.call(
              filipe,
              "POST",
              rounds,
              round(closes.plusSeconds(86400), closes.plusSeconds(20 * 86400)));
      assertEquals(409, overlapping.status());
      assertEquals("round_overlaps", overlapping.object().get("reason").getAsString());
      assertEquals(
          2,
          hub.call(filipe, "GET", "/api/v1/surveys/" + id, null)
              .object()
              .getAsJsonArray("rounds")
              .size());
    }
  }

  @Test
  void aStatementsChartScalesAndSpeaksTheReadersLanguage() throws Exception {
    try (DemoHub hub = DemoHub.start(dataDir, Map.of())) {
      String filipe = hub.enter("d07", NETWORK);
      String tiago = hub.enter("d20", NETWORK);
      List<String> members =
          List.of(hub.enter("d08", NETWORK), hub.enter("d10", NETWORK), hub.enter("d17", NETWORK));
      String community =
          hub.call(
                  filipe,
                  "POST",
                  "/api/v1/communities",
                  "{\"name\":\"Gráficos\",\"domain\":\"Ver\"}")
              .object()
              .get("id")
              .getAsString();
      String id =
          hub.call(
                  filipe,
                  "POST",
                  "/api/v1/surveys",
                  "{\"communityId\":\"" + community + "\",\"template\":\"collaboration\"}")
              .object()
              .get("id")
              .getAsString();
      Instant now = Instant.now();
      String roundId =
          hub.call(
                  filipe,
                  "POST",
                  "/api/v1/surveys/" + id + "/rounds",
                  round(now.minusSeconds(60), now.plusSeconds(86400)))
              .object()
              .getAsJsonArray("rounds")
              .get(0)
              .getAsJsonObject()
              .get("id")
              .getAsString();
      hub.call(tiago, "POST", "/api/v1/communities/" + community + "/join", null);
      for (String member : members) {
        hub.call(member, "POST", "/api/v1/communities/" + community + "/join", null);
        assertEquals(
            204,
            hub.call(
                    member,
                    "POST",
                    "/api/v1/surveys/" + id + "/rounds/" + roundId + "/answers",
                    "{\"agreements\":[5,4,4,3,5,2]}")
                .status());
      }
      String chart = "/api/v1/surveys/" + id + "/rounds/" + roundId + "/items/1/chart.svg";
      String english = new String(hub.download(tiago, chart).bytes(), StandardCharsets.UTF_8);
      assertTrue(english.contains("viewBox=\"0 0 350 194\""), english);
      assertTrue(english.contains("<title id=\"chart-title\">The teachers work together"), english);
      assertTrue(english.contains("Totally agree") && english.contains("3 (100.0%)"), english);
      String portuguese = new String(hub.download(filipe, chart).bytes(), StandardCharsets.UTF_8);
      assertTrue(
          portuguese.contains(">Concordo totalmente<") && portuguese.contains("3 (100,0"),
          portuguese);
      assertFalse(portuguese.contains("Totally"), portuguese);
    }
  }

  private static String round(Instant opens, Instant closes) {
    return "{\"opensAt\":\"" + opens + "\",\"closesAt\":\"" + closes + "\"}";
  }
}
