package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers and dates out of range are refused naming their field (422), never truncated, wrapped or
 * turned into a server error.
 */
class BoundsApiTest {

  private static final String NETWORK = "demo-rede-ciencias";

  @TempDir Path dataDir;

  @Test
  void outOfRangeNumbersAndDatesAreRefusedNamingTheirField() throws Exception {
    try (DemoHub hub = DemoHub.start(dataDir, Map.of())) {
      String filipe = hub.enter("d07", NETWORK);
      String community = hub.community(filipe, "Limites", "X");

      for (String page : new String[] {"99999999999", "2147483647", "-1", "x"}) {
        refused(
            hub.call(
                filipe, "GET", "/api/v1/threads?community=" + community + "&page=" + page, null),
            "page_range",
            "page");
        refused(
            hub.call(filipe, "GET", "/api/v1/resources?page=" + page, null), "page_range", "page");
      }
      assertEquals(
          200,
          hub.call(filipe, "GET", "/api/v1/threads?community=" + community + "&page=10000", null)
              .status());

      String survey =
          hub.call(
                  filipe,
                  "POST",
                  "/api/v1/surveys",
                  "{\"communityId\":\"" + community + "\",\"template\":\"mirror\"}")
              .object()
              .get("id")
              .getAsString();
      String rounds = "/api/v1/surveys/" + survey + "/rounds";
      refused(
          hub.call(
              filipe,
              "POST",
              rounds,
              "{\"opensAt\":\"+100000-01-01T00:00:00Z\",\"closesAt\":\"+100000-01-02T00:00:00Z\"}"),
          "date_range",
          "opensAt");
      refused(
          hub.call(
              filipe,
              "POST",
              rounds,
              "{\"opensAt\":\"2026-01-01T00:00:00Z\",\"closesAt\":\"2026-01-02T00:00:00Z\","
                  + "\"minRespondents\":4294967301}"),
          "number_range",
          "minRespondents");
      Instant now = Instant.now();
      Answer round =
          hub.call(
              filipe,
              "POST",
              rounds,
              "{\"opensAt\":\""
                  + now.minusSeconds(60)
                  + "\",\"closesAt\":\""
                  + now.plusSeconds(86400)
                  + "\"}");
      assertEquals(201, round.status(), String.valueOf(round.json()));
      String answers =
          rounds
              + "/"
              + round
                  .object()
                  .getAsJsonArray("rounds")
                  .get(0)
                  .getAsJsonObject()
                  .get("id")
                  .getAsString()
              + "/answers";
      refused(
          hub.call(filipe, "POST", answers, "{\"agreements\":[4.5,4,4,3,5,2,4,4,1,5]}"),
          "expected_integer",
          "agreements[0]");
      refused(
          hub.call(filipe, "POST", answers, "{\"agreements\":[4294967301,4,4,3,5,2,4,4,1,5]}"),
          "number_range",
          "agreements[0]");
      refused(
          hub.call(filipe, "POST", answers, "{\"agreements\":[4,4,4,3,5,2,4,4,1,-4294967291]}"),
          "number_range",
          "agreements[9]");
      assertEquals(
          204,
          hub.call(filipe, "POST", answers, "{\"agreements\":[4,4,4,3,5,2,4,4,1,5]}").status());

      String schedule =
          "{\"communityId\":\""
              + community
              + "\",\"title\":\"T\",\"body\":\"B\",\"repeat\":\"weekly\",\"firstDate\":\"%s\","
              + "\"localTime\":\"18:00\",\"timeZone\":\"Europe/Lisbon\",\"openDays\":%s}";
      refused(
          hub.call(filipe, "POST", "/api/v1/prompt-schedules", schedule.formatted("0001-01-01", 7)),
          "date_range",
          "firstDate");
      refused(
          hub.call(
              filipe, "POST", "/api/v1/prompt-schedules", schedule.formatted("2026-01-01", 7.5)),
          "expected_integer",
          "openDays");
      assertEquals(
          201,
          hub.call(filipe, "POST", "/api/v1/prompt-schedules", schedule.formatted("1970-01-01", 7))
              .status(),
          "a first date long ago is answered at once");
    }
  }

  private static void refused(Answer answer, String reason, String field) {
    assertEquals(422, answer.status(), String.valueOf(answer.json()));
    assertEquals(
        reason, answer.object().get("reason").getAsString(), String.valueOf(answer.json()));
    assertEquals(
        field,
        answer.object().getAsJsonObject("details").get("field").getAsString(),
        String.valueOf(answer.json()));
  }
}
