package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page's first reads in one request answer exactly what each read alone answers. */
class PageReadsTest {

  private static final String NETWORK = "demo-rede-ciencias";

  @TempDir static Path dataDir;
  private static DemoHub hub;
  private static String filipe; // facilitator
  private static String gabriela; // teacher, not a member of the community below
  private static String community;

  @BeforeAll
  static void start() throws Exception {
    hub = DemoHub.start(dataDir, Map.of());
    filipe = hub.enter("d07", NETWORK);
    gabriela = hub.enter("d08", NETWORK);
    Answer created =
        hub.call(
            filipe,
            "POST",
            "/api/v1/communities",
            "{\"name\":\"Oficina\",\"domain\":\"Escrita\",\"joining\":\"invitation\"}");
    assertEquals(201, created.status(), String.valueOf(created.json()));
    community = created.object().get("id").getAsString();
    Answer thread =
        hub.call(
            filipe,
            "POST",
            "/api/v1/threads",
            "{\"communityId\":\"" + community + "\",\"title\":\"Começar\",\"body\":\"Olá\"}");
    assertEquals(201, thread.status(), String.valueOf(thread.json()));
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static String query(String... paths) {
    return "/api/v1/page-reads?"
        + Arrays.stream(paths)
            .map(p -> "get=" + URLEncoder.encode(p, StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  @Test
  void eachReadAnswersAsItWouldAlone() throws IOException {
    String[] paths = {
      "/api/v1/hub",
      "/api/v1/communities/" + community,
      "/api/v1/threads?community=" + community + "&page=0",
      "/api/v1/notifications/" + community,
      "/api/v1/communities/no-such-community"
    };
    for (String session : new String[] {filipe, gabriela}) {
      Answer together = hub.call(session, "GET", query(paths), null);
      assertEquals(200, together.status(), String.valueOf(together.json()));
      JsonArray reads = together.object().getAsJsonArray("reads");
      assertEquals(paths.length, reads.size());
      for (int i = 0; i < paths.length; i++) {
        JsonObject read = reads.get(i).getAsJsonObject();
        Answer alone = hub.call(session, "GET", paths[i], null);
        assertEquals(paths[i], read.get("path").getAsString());
        assertEquals(alone.status(), read.get("status").getAsInt(), paths[i]);
        assertEquals(
            alone.json(), JsonParser.parseString(read.get("body").getAsString()), paths[i]);
      }
    }
    // A refusal travels as the read's own answer, not as the whole request's.
    Answer missing = hub.call(gabriela, "GET", "/api/v1/communities/no-such-community", null);
    assertEquals(404, missing.status(), String.valueOf(missing.json()));
  }

  @Test
  void aChartTravelsAsItsSvgAndOtherBodiesAreLeftForThePageToFetch() throws IOException {
    String chart = "/api/v1/prompt-schedules/dialogue/chart.svg?community=" + community;
    Answer upload = hub.upload(filipe, "Critérios".getBytes(StandardCharsets.UTF_8), "guia.txt");
    assertEquals(201, upload.status(), String.valueOf(upload.json()));
    Answer resource =
        hub.call(
            filipe,
            "POST",
            "/api/v1/resources",
            "{\"communityId\":\""
                + community
                + "\",\"title\":\"Guia\",\"kind\":\"other\",\"licence\":\"cc_by\","
                + "\"visibility\":\"community\",\"uploadId\":\""
                + upload.object().get("uploadId").getAsString()
                + "\"}");
    assertEquals(201, resource.status(), String.valueOf(resource.json()));
    String file =
        "/api/v1/resources/" + resource.object().get("id").getAsString() + "/versions/1/file";

    Answer together = hub.call(filipe, "GET", query("/api/v1/hub", chart, file), null);
    assertEquals(200, together.status(), String.valueOf(together.json()));
    JsonArray reads = together.object().getAsJsonArray("reads");
    JsonObject svg = reads.get(1).getAsJsonObject();
    assertEquals(200, svg.get("status").getAsInt());
    assertEquals(
        new String(hub.download(filipe, chart).bytes(), StandardCharsets.UTF_8),
        svg.get("body").getAsString());
    JsonObject left = reads.get(2).getAsJsonObject();
    assertEquals(0, left.get("status").getAsInt());
    assertTrue(left.get("body") == null || left.get("body").isJsonNull());
  }

  @Test
  void aReadMadeFromTheAnswerBeforeIsAnsweredAtItsAddress() throws IOException {
    String alone = "/api/v1/communities/" + community;
    Answer together =
        hub.call(
            filipe,
            "GET",
            query(
                "/api/v1/communities/" + community,
                "/api/v1/communities/{answer.community.id}",
                "/api/v1/communities/{answer.community.nothing}",
                "/api/v1/threads?community={answer.community.id}"),
            null);
    assertEquals(200, together.status(), String.valueOf(together.json()));
    JsonArray reads = together.object().getAsJsonArray("reads");
    assertEquals(4, reads.size());
    JsonObject made = reads.get(1).getAsJsonObject();
    assertEquals(alone, made.get("path").getAsString());
    assertEquals(200, made.get("status").getAsInt());
    assertEquals(
        hub.call(filipe, "GET", alone, null).json(),
        JsonParser.parseString(made.get("body").getAsString()));
    // A field the answer before lacks: not read, and so neither is the read that follows it.
    for (int i = 2; i < 4; i++) {
      JsonObject notMade = reads.get(i).getAsJsonObject();
      assertEquals(0, notMade.get("status").getAsInt());
      assertTrue(notMade.get("path").getAsString().contains("{answer."));
    }
    Answer refusedBefore =
        hub.call(
            filipe,
            "GET",
            query("/api/v1/communities/no-such", "/api/v1/threads?community={answer.community.id}"),
            null);
    assertEquals(
        0,
        refusedBefore
            .object()
            .getAsJsonArray("reads")
            .get(1)
            .getAsJsonObject()
            .get("status")
            .getAsInt());
  }

  @Test
  void onlyBoundedReadsOfThisApiAreTaken() throws IOException {
    for (String path :
        new String[] {
          "/health",
          "/api/v1/../health",
          "/api/v1/page-reads?get=/api/v1/hub",
          "https://elsewhere.example/api/v1/hub",
          "/api/v1/hub#x",
          "/api/v1/" + "a".repeat(1200)
        }) {
      Answer refused = hub.call(filipe, "GET", query("/api/v1/hub", path), null);
      assertEquals(422, refused.status(), path);
      assertEquals("page_read_invalid", refused.object().get("reason").getAsString(), path);
      assertEquals("get", refused.object().getAsJsonObject("details").get("field").getAsString());
    }
    Answer none = hub.call(filipe, "GET", "/api/v1/page-reads", null);
    assertEquals(422, none.status());
    assertEquals("page_reads_required", none.object().get("reason").getAsString());
    String[] many =
        IntStream.range(0, 13).mapToObj(i -> "/api/v1/hub?n=" + i).toArray(String[]::new);
    Answer tooMany = hub.call(filipe, "GET", query(many), null);
    assertEquals(422, tooMany.status());
    assertEquals("too_many_page_reads", tooMany.object().get("reason").getAsString());
    assertEquals(12, tooMany.object().getAsJsonObject("details").get("max").getAsInt());
  }

  @Test
  void withoutASessionNothingIsRead() throws IOException {
    Answer signedOut = hub.call("not-a-session", "GET", query("/api/v1/hub"), null);
    assertEquals(401, signedOut.status());
    assertNull(signedOut.object().get("reads"));
  }
}
