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
  void aBodyThatIsNotJsonIsLeftForThePageToFetch() throws IOException {
    String chart = "/api/v1/prompt-schedules/dialogue/chart.svg?community=" + community;
    Answer together = hub.call(filipe, "GET", query("/api/v1/hub", chart), null);
    assertEquals(200, together.status(), String.valueOf(together.json()));
    JsonObject read = together.object().getAsJsonArray("reads").get(1).getAsJsonObject();
    assertEquals(0, read.get("status").getAsInt());
    assertTrue(read.get("body") == null || read.get("body").isJsonNull());
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
