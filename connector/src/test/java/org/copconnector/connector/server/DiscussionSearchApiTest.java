package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search inside discussions over HTTP (demo schools): who finds what (membership, hidden posts),
 * accents, highlights that carry no markup but their marks, filters, edits found at once, and
 * bounded inputs that name their field.
 */
class DiscussionSearchApiTest {

  private static final String NETWORK = "demo-rede-ciencias";

  @TempDir static Path dataDir;
  private static DemoHub hub;
  private static String filipe; // facilitator of the network course and of the communities
  private static String gabriela; // teacher of the network course
  private static String ines; // teacher of the network course
  private static String bruno; // teacher of another school only
  private static String rui; // administrator

  @BeforeAll
  static void start() throws Exception {
    hub = DemoHub.start(dataDir, Map.of());
    filipe = hub.enter("d07", NETWORK);
    gabriela = hub.enter("d08", NETWORK);
    ines = hub.enter("d10", NETWORK);
    bruno = hub.enter("d03", "demo-mat-vv");
    rui = hub.enter("d01", NETWORK);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static String community(String name, String joining) throws IOException {
    Answer created =
        hub.call(
            filipe,
            "POST",
            "/api/v1/communities",
            json(Map.of("name", name, "domain", "Ciências", "joining", joining)));
    assertEquals(201, created.status(), String.valueOf(created.json()));
    return created.object().get("id").getAsString();
  }

  private static void join(String session, String community) throws IOException {
    Answer joined = hub.call(session, "POST", "/api/v1/communities/" + community + "/join", null);
    assertEquals(200, joined.status(), String.valueOf(joined.json()));
  }

  private static String thread(String session, String community, String title, String body)
      throws IOException {
    Answer started =
        hub.call(
            session,
            "POST",
            "/api/v1/threads",
            json(Map.of("communityId", community, "title", title, "body", body)));
    assertEquals(201, started.status(), String.valueOf(started.json()));
    return started.object().get("id").getAsString();
  }

  private static String reply(String session, String thread, String body) throws IOException {
    Answer replied =
        hub.call(
            session, "POST", "/api/v1/threads/" + thread + "/posts", json(Map.of("body", body)));
    assertEquals(201, replied.status(), String.valueOf(replied.json()));
    return replied.object().get("id").getAsString();
  }

  private static String json(Map<String, String> fields) {
    JsonObject o = new JsonObject();
    fields.forEach(o::addProperty);
    return o.toString();
  }

  /** The search's answer to {@code session}, which must be 200. */
  private static JsonObject search(String session, String query) throws IOException {
    Answer found = hub.call(session, "GET", "/api/v1/discussions/search?" + query, null);
    assertEquals(200, found.status(), String.valueOf(found.json()));
    return found.object();
  }

  private static JsonArray results(String session, String query) throws IOException {
    return search(session, query).getAsJsonArray("results");
  }

  private static List<String> postIds(String session, String query) throws IOException {
    return results(session, query).asList().stream()
        .map(r -> r.getAsJsonObject().get("postId").getAsString())
        .toList();
  }

  private static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String firstPost(String session, String thread) throws IOException {
    return hub.call(session, "GET", "/api/v1/threads/" + thread, null)
        .object()
        .getAsJsonArray("posts")
        .get(0)
        .getAsJsonObject()
        .get("id")
        .getAsString();
  }

  @Test
  void postsAreFoundOnlyWhereTheSearcherReadsTheDiscussions() throws Exception {
    String closed = community("Clube de astronomia", "request");
    String open = community("Laboratório aberto", "open");
    thread(filipe, closed, "Eclipses", "<p>Observámos a heliosfera com os alunos.</p>");
    String openThread =
        thread(filipe, open, "Células", "<p>A heliosfera e as células não se misturam.</p>");

    assertEquals(2, results(filipe, q("heliosfera")).size(), "a member finds both");
    assertEquals(2, results(rui, q("heliosfera")).size(), "an administrator finds both");
    // Gabriela reads the open community of her course, not the one she has not joined.
    JsonArray hers = results(gabriela, q("heliosfera"));
    assertEquals(1, hers.size(), String.valueOf(hers));
    JsonObject found = hers.get(0).getAsJsonObject();
    assertEquals(openThread, found.get("threadId").getAsString());
    assertEquals("Células", found.get("threadTitle").getAsString());
    assertEquals("Laboratório aberto", found.get("communityName").getAsString());
    assertEquals("Filipe Ramos", found.get("authorName").getAsString());
    assertEquals(0, found.get("threadPage").getAsInt());
    // Bruno teaches elsewhere: neither community is hers to see.
    assertEquals(0, results(bruno, q("heliosfera")).size());
    Answer refused =
        hub.call(gabriela, "GET", "/api/v1/discussions/search?q=x&community=" + closed, null);
    assertEquals(403, refused.status(), String.valueOf(refused.json()));
    assertEquals("members_only_read", refused.object().get("reason").getAsString());
    Answer unseen =
        hub.call(bruno, "GET", "/api/v1/discussions/search?q=x&community=" + closed, null);
    assertEquals(404, unseen.status(), String.valueOf(unseen.json()));

    // Asking to join a closed community is not joining it.
    Answer asked = hub.call(gabriela, "POST", "/api/v1/communities/" + closed + "/join", null);
    assertEquals(200, asked.status(), String.valueOf(asked.json()));
    assertEquals(1, results(gabriela, q("heliosfera")).size());
  }

  @Test
  void aHiddenPostIsFoundOnlyByItsAuthorAndTheFacilitators() throws Exception {
    String c = community("Oficina de química", "open");
    join(gabriela, c);
    join(ines, c);
    String t = thread(filipe, c, "Reações", "<p>Que reações mostram aos alunos?</p>");
    String hers = reply(gabriela, t, "<p>A efervescência do comprimido é um sucesso.</p>");
    Answer hidden =
        hub.call(filipe, "PUT", "/api/v1/posts/" + hers + "/hidden", "{\"value\":true}");
    assertEquals(200, hidden.status(), String.valueOf(hidden.json()));

    assertEquals(List.of(), postIds(ines, q("efervescência")), "members do not find it");
    assertEquals(List.of(hers), postIds(gabriela, q("efervescencia")), "its author does");
    assertEquals(List.of(hers), postIds(filipe, q("efervescencia")), "the facilitator does");
    assertTrue(
        results(filipe, q("efervescencia")).get(0).getAsJsonObject().get("hidden").getAsBoolean());
    assertEquals(List.of(hers), postIds(rui, q("efervescencia")), "an administrator does");

    hub.call(filipe, "PUT", "/api/v1/posts/" + hers + "/hidden", "{\"value\":false}");
    assertEquals(List.of(hers), postIds(ines, q("efervescência")), "shown again, found again");
  }

  @Test
  void accentsAndCaseAreIgnoredAndHighlightsCarryNoMarkupButTheirMarks() throws Exception {
    String c = community("Avaliação formativa", "open");
    String t =
        thread(
            filipe,
            c,
            "Rubricas <script>alert(1)</script> de avaliação",
            "<p>A <b>avaliação</b> formativa &lt;img src=x onerror=alert(1)&gt; ajuda.</p>"
                + "<script>alert(2)</script>");
    for (String asked : List.of("AVALIACAO", "avaliação", "Avaliacão")) {
      JsonArray found = results(gabriela, q(asked + " formativa"));
      assertEquals(1, found.size(), asked);
      JsonObject marks = found.get(0).getAsJsonObject().getAsJsonObject("highlights");
      String text = marks.get("text").getAsString();
      assertTrue(text.contains("<mark>avaliação</mark>"), text);
      assertTrue(text.contains("&lt;img src=x onerror=alert(1)&gt;"), text);
      assertFalse(text.contains("<img") || text.contains("<b>"), text);
      assertFalse(text.contains("alert(2)"), "the sanitised body has no script: " + text);
      String title = marks.get("title").getAsString();
      assertTrue(title.contains("<mark>avaliação</mark>"), title);
      assertTrue(title.contains("&lt;script&gt;"), title);
      assertFalse(title.contains("<script"), title);
    }
    // Markup in the words asked for is words, never markup.
    JsonArray none = results(gabriela, q("<script>avaliação</script>"));
    for (var r : none) {
      assertFalse(r.getAsJsonObject().getAsJsonObject("highlights").toString().contains("<script"));
    }
    assertEquals(
        t, results(gabriela, q("rubricas")).get(0).getAsJsonObject().get("threadId").getAsString());
  }

  @Test
  void filtersNarrowByCommunityAuthorAndDays() throws Exception {
    String one = community("Física no 9.º ano", "open");
    String two = community("Física no secundário", "open");
    join(gabriela, one);
    join(gabriela, two);
    String t1 = thread(filipe, one, "Circuitos", "<p>Um amperímetro em série.</p>");
    String byGabriela = reply(gabriela, t1, "<p>O amperímetro digital é mais fiável.</p>");
    thread(gabriela, two, "Forças", "<p>O dinamómetro e o amperímetro.</p>");

    assertEquals(3, results(ines, q("amperimetro")).size());
    assertEquals(2, results(ines, q("amperimetro") + "&community=" + one).size());
    assertEquals(2, results(ines, q("amperimetro") + "&author=gabriela").size());
    assertEquals(
        List.of(byGabriela),
        postIds(ines, q("amperimetro") + "&author=GABRIELA+lopes&community=" + one));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertEquals(
        3, results(ines, q("amperimetro") + "&from=" + today.minusDays(1) + "&to=" + today).size());
    assertEquals(0, results(ines, q("amperimetro") + "&from=" + today.plusDays(2)).size());
    assertEquals(0, results(ines, q("amperimetro") + "&to=" + today.minusDays(2)).size());
    // Without words, the filters alone list posts.
    assertEquals(List.of(byGabriela), postIds(ines, "author=Gabriela&community=" + one));
  }

  @Test
  void newPostsAndEditsAreFoundAtOnce() throws Exception {
    String c = community("Matemática e jogos", "open");
    join(gabriela, c);
    String t = thread(filipe, c, "Tangram", "<p>Frações com peças.</p>");
    String hers = reply(gabriela, t, "<p>Usei o pentaminó na aula.</p>");
    assertEquals(List.of(hers), postIds(ines, q("pentamino")), "found as soon as it is posted");
    Answer edited =
        hub.call(
            gabriela,
            "PUT",
            "/api/v1/posts/" + hers,
            json(Map.of("body", "<p>Usei o hexaminó.</p>")));
    assertEquals(200, edited.status(), String.valueOf(edited.json()));
    assertEquals(List.of(), postIds(ines, q("pentamino")), "the old words are gone");
    assertEquals(List.of(hers), postIds(ines, q("hexamino")), "the new ones are found");

    String first = firstPost(filipe, t);
    Answer retitled =
        hub.call(
            filipe,
            "PUT",
            "/api/v1/posts/" + first,
            json(Map.of("title", "Poliminós", "body", "<p>Frações com peças.</p>")));
    assertEquals(200, retitled.status(), String.valueOf(retitled.json()));
    JsonArray byTitle = results(ines, q("POLIMINOS"));
    assertEquals(1, byTitle.size());
    assertEquals("Poliminós", byTitle.get(0).getAsJsonObject().get("threadTitle").getAsString());
    assertEquals(List.of(), postIds(ines, q("tangram")));
  }

  @Test
  void boundsAreKeptAndEachRefusalNamesItsField() throws Exception {
    String big = "a".repeat(201);
    Map<String, List<String>> refusals =
        Map.of(
            "q=" + big,
            List.of("q", "search_length"),
            "author=" + big,
            List.of("author", "text_length"),
            "from=2026-13-01",
            List.of("from", "date_invalid"),
            "to=tomorrow",
            List.of("to", "date_invalid"),
            "from=1900-01-01",
            List.of("from", "date_range"),
            "from=2026-12-02&to=2026-12-01",
            List.of("to", "search_dates_order"),
            "q=x&page=50",
            List.of("page", "page_range"),
            "q=x&page=-1",
            List.of("page", "page_range"));
    for (Map.Entry<String, List<String>> refusal : refusals.entrySet()) {
      Answer answer =
          hub.call(gabriela, "GET", "/api/v1/discussions/search?" + refusal.getKey(), null);
      assertEquals(422, answer.status(), refusal.getKey() + ": " + answer.json());
      JsonObject error = answer.object();
      assertEquals(refusal.getValue().get(1), error.get("reason").getAsString(), refusal.getKey());
      assertEquals(
          refusal.getValue().get(0),
          error.getAsJsonObject("details").get("field").getAsString(),
          refusal.getKey());
    }
    JsonObject last = search(gabriela, "q=x&page=49");
    assertEquals(0, last.getAsJsonArray("results").size());
    assertEquals(20, last.get("pageSize").getAsInt());
  }
}
