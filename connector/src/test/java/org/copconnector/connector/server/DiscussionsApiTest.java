package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discussions over HTTP (demo schools): what is stored from a post, the configured limits, and each
 * role's rights, with the other roles getting 403.
 */
class DiscussionsApiTest {

  private static final String NETWORK = "demo-rede-ciencias";

  @TempDir static Path dataDir;
  private static DemoHub hub;
  private static String filipe; // facilitator of the network course and of the communities
  private static String gabriela; // teacher
  private static String ines; // teacher
  private static String rui; // administrator

  @BeforeAll
  static void start() throws Exception {
    hub =
        DemoHub.start(
            dataDir, Map.of("COP_DISCUSSION_TITLE_MAX", "40", "COP_DISCUSSION_BODY_MAX", "500"));
    filipe = hub.enter("d07", NETWORK);
    gabriela = hub.enter("d08", NETWORK);
    ines = hub.enter("d10", NETWORK);
    rui = hub.enter("d01", NETWORK);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static Answer call(String session, String method, String path, String body)
      throws IOException {
    return hub.call(session, method, path, body);
  }

  private static String community(String joining) throws IOException {
    Answer created =
        call(
            filipe,
            "POST",
            "/api/v1/communities",
            "{\"name\":\"Oficina de escrita\",\"domain\":\"Escrita\",\"joining\":\""
                + joining
                + "\"}");
    assertEquals(201, created.status(), String.valueOf(created.json()));
    return created.object().get("id").getAsString();
  }

  private static String thread(String session, String community, String title, String body)
      throws IOException {
    Answer started =
        call(
            session,
            "POST",
            "/api/v1/threads",
            json(Map.of("communityId", community, "title", title, "body", body)));
    assertEquals(201, started.status(), String.valueOf(started.json()));
    return started.object().get("id").getAsString();
  }

  private static String reply(String session, String thread, String body) throws IOException {
    Answer replied =
        call(session, "POST", "/api/v1/threads/" + thread + "/posts", json(Map.of("body", body)));
    assertEquals(201, replied.status(), String.valueOf(replied.json()));
    return replied.object().get("id").getAsString();
  }

  private static String json(Map<String, String> fields) {
    JsonObject o = new JsonObject();
    fields.forEach(o::addProperty);
    return o.toString();
  }

  private static JsonObject page(String session, String thread) throws IOException {
    Answer page = call(session, "GET", "/api/v1/threads/" + thread, null);
    assertEquals(200, page.status(), String.valueOf(page.json()));
    return page.object();
  }

  @Test
  void aQuoteKeepsWhoIsQuotedAndItsParagraphs() throws Exception {
    String c = community("open");
    call(gabriela, "POST", "/api/v1/communities/" + c + "/join", null);
    String t =
        thread(
            filipe,
            c,
            "Bilhetes de saída",
            "<p>Usei três perguntas.</p><p>O que funcionou<br>convosco?</p>");
    String first =
        page(filipe, t).getAsJsonArray("posts").get(0).getAsJsonObject().get("id").getAsString();
    // What the page sends: the words as the browser shows them, one paragraph per line.
    Answer quoted =
        call(
            gabriela,
            "POST",
            "/api/v1/threads/" + t + "/posts",
            "{\"body\":\"<p>Uma só.</p>\",\"parentId\":\""
                + first
                + "\",\"quote\":{\"postId\":\""
                + first
                + "\",\"text\":\"Usei três perguntas.\\n\\nO que funcionou\\nconvosco?\"}}");
    assertEquals(201, quoted.status(), String.valueOf(quoted.json()));
    JsonObject quote = quoted.object().getAsJsonObject("quote");
    assertEquals("Filipe Ramos", quote.get("authorName").getAsString());
    assertEquals(
        "Usei três perguntas.\nO que funcionou\nconvosco?", quote.get("text").getAsString());
    // Without chosen words, the start of the post, with its lines too.
    call(
        gabriela,
        "POST",
        "/api/v1/threads/" + t + "/posts",
        "{\"body\":\"<p>E outra.</p>\",\"quote\":{\"postId\":\"" + first + "\"}}");
    JsonObject read = page(gabriela, t);
    JsonObject second =
        read.getAsJsonArray("posts").get(2).getAsJsonObject().getAsJsonObject("quote");
    assertEquals("Filipe Ramos", second.get("authorName").getAsString());
    assertEquals(
        "Usei três perguntas.\nO que funcionou\nconvosco?", second.get("text").getAsString());
    assertFalse(read.get("prompt").getAsBoolean(), "a plain thread is not a prompt's");
  }

  @Test
  void scriptsHandlersAndJavascriptLinksAreRemovedFromStoredPosts() throws Exception {
    String c = community("open");
    String t =
        thread(
            filipe,
            c,
            "Feedback",
            "<script>alert(1)</script><p onclick=\"steal()\">Olá <a href=\"javascript:alert(2)\">aqui</a>"
                + " e <a href=\"https://escola.example/guia\">guia</a></p><img src=x onerror=\"y()\">"
                + "<iframe src=\"https://evil.example\"></iframe><style>p{}</style>");
    String body =
        page(filipe, t).getAsJsonArray("posts").get(0).getAsJsonObject().get("body").getAsString();
    assertFalse(body.contains("script"), body);
    assertFalse(body.contains("onclick"), body);
    assertFalse(body.contains("onerror"), body);
    assertFalse(body.contains("javascript:"), body);
    assertFalse(body.contains("iframe"), body);
    assertFalse(body.contains("style"), body);
    assertTrue(body.contains("Olá"), body);
    assertTrue(body.contains("href=\"https://escola.example/guia\""), body);
    assertTrue(body.contains("rel=\"nofollow\""), body);
  }

  @Test
  void whatTheEditorMakesIsKeptAndItsDangerousPartsAreNot() throws Exception {
    String c = community("open");
    // As the editor writes it: a heading, a list, a table, a link, a quote and code; then what a
    // pasted or forged post may add.
    String made =
        "<h3>Plano</h3><p><strong>Forte</strong> e <em>leve</em> com <code>x1</code></p>"
            + "<ul><li>um</li><li>dois</li></ul><ol><li>primeiro</li></ol>"
            + "<blockquote><p>citado</p></blockquote><pre>linha 1\nlinha 2</pre>"
            + "<table><thead><tr><th>Turma</th><th>Nota</th></tr></thead>"
            + "<tbody><tr><td>7A</td><td>4</td></tr></tbody></table>"
            + "<p><a href=\"https://escola.example/guia\">guia</a></p>";
    String hostile =
        "<table style=\"width:100%\" onmouseover=\"x()\" class=\"MsoTable\"><tbody><tr>"
            + "<td onclick=\"y()\">c</td></tr></tbody></table>"
            + "<p><a href=\"javascript:alert(1)\">mau</a></p><script>alert(2)</script>"
            + "<h1>grande</h1><img src=x onerror=\"z()\">";
    String t = thread(filipe, c, "Formatado", made);
    Answer reply =
        call(filipe, "POST", "/api/v1/threads/" + t + "/posts", json(Map.of("body", hostile)));
    assertEquals(201, reply.status(), String.valueOf(reply.json()));
    var posts = page(filipe, t).getAsJsonArray("posts");
    String body = posts.get(0).getAsJsonObject().get("body").getAsString();
    String forged = posts.get(1).getAsJsonObject().get("body").getAsString();
    for (String kept :
        List.of(
            "<h3>Plano</h3>",
            "<strong>Forte</strong>",
            "<em>leve</em>",
            "<code>x1</code>",
            "<ul><li>um</li><li>dois</li></ul>",
            "<ol><li>primeiro</li></ol>",
            "<blockquote><p>citado</p></blockquote>",
            "<pre>",
            "<table><thead><tr><th>Turma</th><th>Nota</th></tr></thead>",
            "<tbody><tr><td>7A</td><td>4</td></tr></tbody></table>",
            "href=\"https://escola.example/guia\"")) {
      assertTrue(body.contains(kept), kept + " in " + body);
    }
    for (String dropped :
        List.of(
            "script",
            "onclick",
            "onmouseover",
            "onerror",
            "javascript:",
            "style",
            "class",
            "<h1",
            "<img")) {
      assertFalse(forged.contains(dropped), dropped + " in " + forged);
    }
    assertTrue(forged.contains("<td>c</td>"), forged);
    assertTrue(forged.contains("grande"), "the words of an unknown element stay: " + forged);
  }

  @Test
  void emojiRightToLeftAndPortugueseRoundTrip() throws Exception {
    String c = community("open");
    String title = "Avaliação 📚 مرحبا — ç";
    String text = "Coração ❤️ שלום עולם, ação e à-vontade 👩🏽‍🏫";
    String t = thread(filipe, c, title, "<p dir=\"rtl\">" + text + "</p>");
    JsonObject page = page(filipe, t);
    assertEquals(title, page.getAsJsonObject("thread").get("title").getAsString());
    assertEquals(
        "<p dir=\"rtl\">" + text + "</p>",
        page.getAsJsonArray("posts").get(0).getAsJsonObject().get("body").getAsString());
  }

  @Test
  void overLongTitlesAndBodiesAndUnknownFieldsAreRefusedAndNothingIsStored() throws Exception {
    String c = community("open");
    String path = "/api/v1/threads";
    Answer longTitle =
        call(
            filipe,
            "POST",
            path,
            json(Map.of("communityId", c, "title", "x".repeat(41), "body", "ok")));
    assertEquals(422, longTitle.status());
    assertEquals("invalid_field", longTitle.object().get("error").getAsString());
    assertEquals("title_length", longTitle.object().get("reason").getAsString());
    JsonObject titleDetails = longTitle.object().getAsJsonObject("details");
    assertEquals("title", titleDetails.get("field").getAsString());
    assertEquals(1, titleDetails.get("min").getAsInt());
    assertEquals(40, titleDetails.get("max").getAsInt(), "the configured limit, for the message");
    Answer longBody =
        call(
            filipe,
            "POST",
            path,
            json(Map.of("communityId", c, "title", "ok", "body", "y".repeat(501))));
    assertEquals(422, longBody.status());
    assertEquals("body_length", longBody.object().get("reason").getAsString());
    JsonObject bodyDetails = longBody.object().getAsJsonObject("details");
    assertEquals("body", bodyDetails.get("field").getAsString());
    assertEquals(500, bodyDetails.get("max").getAsInt());
    assertEquals(
        422,
        call(
                filipe,
                "POST",
                path,
                "{\"communityId\":\""
                    + c
                    + "\",\"title\":\"ok\",\"body\":\"ok\",\"colour\":\"red\"}")
            .status());
    assertEquals(400, call(filipe, "POST", path, "{\"title\":\"ok\",").status());
    assertEquals(
        422,
        call(
                filipe,
                "POST",
                path,
                json(Map.of("communityId", c, "title", "ok", "body", "<script>x</script>")))
            .status());
    assertEquals(
        0, call(filipe, "GET", path + "?community=" + c, null).object().get("total").getAsInt());
  }

  @Test
  void onlyMembersReadTheThreadsOfACommunityThatIsNotOpen() throws Exception {
    String c = community("request");
    String t = thread(filipe, c, "Plano", "<p>Plano do período</p>");
    String threads = "/api/v1/threads?community=" + c;
    assertEquals(403, call(gabriela, "GET", threads, null).status());
    assertEquals(403, call(gabriela, "GET", "/api/v1/threads/" + t, null).status());
    assertEquals(200, call(filipe, "GET", threads, null).status());
    assertEquals(200, call(rui, "GET", threads, null).status());
  }

  @Test
  void onlyMembersWriteAndOnlyAuthorsEdit() throws Exception {
    String c = community("open");
    String t = thread(filipe, c, "Rubricas", "<p>Partilhem rubricas</p>");
    String posts = "/api/v1/threads/" + t + "/posts";
    assertEquals(
        200, call(gabriela, "GET", "/api/v1/threads/" + t, null).status(), "open: readable");
    assertEquals(403, call(gabriela, "POST", posts, json(Map.of("body", "eu"))).status());
    assertEquals(200, call(gabriela, "POST", "/api/v1/communities/" + c + "/join", null).status());
    String mine = reply(gabriela, t, "<p>A minha rubrica</p>");
    Answer othersEdit =
        call(ines, "PUT", "/api/v1/posts/" + mine, json(Map.of("body", "<p>não</p>")));
    assertEquals(403, othersEdit.status());
    assertEquals(
        403,
        call(filipe, "PUT", "/api/v1/posts/" + mine, json(Map.of("body", "<p>x</p>"))).status());
    Answer edited =
        call(
            gabriela,
            "PUT",
            "/api/v1/posts/" + mine,
            json(Map.of("body", "<p>A minha rubrica, v2</p>")));
    assertEquals(200, edited.status(), String.valueOf(edited.json()));
    JsonObject history = call(gabriela, "GET", "/api/v1/posts/" + mine + "/history", null).object();
    assertEquals(
        "<p>A minha rubrica, v2</p>", history.getAsJsonObject("current").get("body").getAsString());
    assertEquals(
        "<p>A minha rubrica</p>",
        history.getAsJsonArray("earlier").get(0).getAsJsonObject().get("body").getAsString());
    assertEquals(
        403,
        call(ines, "PUT", "/api/v1/notifications/" + c, "{\"delivery\":\"none\"}").status(),
        "only members choose notifications");
    assertEquals(
        200,
        call(gabriela, "PUT", "/api/v1/notifications/" + c, "{\"delivery\":\"every_post\"}")
            .status());
    assertEquals(
        422,
        call(gabriela, "PUT", "/api/v1/notifications/" + c, "{\"delivery\":\"hourly\"}").status());
  }

  @Test
  void onlyFacilitatorsPinAndHideAndHelpedIsForOthersReplies() throws Exception {
    String c = community("open");
    assertEquals(200, call(gabriela, "POST", "/api/v1/communities/" + c + "/join", null).status());
    assertEquals(200, call(ines, "POST", "/api/v1/communities/" + c + "/join", null).status());
    String t = thread(gabriela, c, "Avaliação por pares", "<p>Quem já experimentou?</p>");
    String r = reply(ines, t, "<p>Eu, no 7.º ano.</p>");
    assertEquals(
        403,
        call(gabriela, "PUT", "/api/v1/threads/" + t + "/pinned", "{\"value\":true}").status());
    assertEquals(
        200, call(filipe, "PUT", "/api/v1/threads/" + t + "/pinned", "{\"value\":true}").status());
    assertTrue(
        call(ines, "GET", "/api/v1/threads?community=" + c, null)
            .object()
            .getAsJsonArray("threads")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("thread")
            .get("pinned")
            .getAsBoolean());

    Answer helped = call(gabriela, "PUT", "/api/v1/posts/" + r + "/helped", "{\"value\":true}");
    assertEquals(200, helped.status());
    assertEquals(1, helped.object().get("helped").getAsInt());
    assertEquals(
        1,
        call(gabriela, "PUT", "/api/v1/posts/" + r + "/helped", "{\"value\":true}")
            .object()
            .get("helped")
            .getAsInt(),
        "once per person");
    assertEquals(
        422,
        call(ines, "PUT", "/api/v1/posts/" + r + "/helped", "{\"value\":true}").status(),
        "not your own");

    assertEquals(
        403, call(gabriela, "PUT", "/api/v1/posts/" + r + "/hidden", "{\"value\":true}").status());
    assertEquals(
        200, call(filipe, "PUT", "/api/v1/posts/" + r + "/hidden", "{\"value\":true}").status());
    JsonObject seenByMember = page(gabriela, t).getAsJsonArray("posts").get(1).getAsJsonObject();
    assertTrue(seenByMember.get("hidden").getAsBoolean());
    assertTrue(seenByMember.get("body") == null, "a hidden post's text is not shown to members");
    assertTrue(
        page(ines, t).getAsJsonArray("posts").get(1).getAsJsonObject().has("body"),
        "its author still sees it");
  }

  @Test
  void unreadCountsFollowEachMembersReading() throws Exception {
    String c = community("open");
    assertEquals(200, call(gabriela, "POST", "/api/v1/communities/" + c + "/join", null).status());
    assertEquals(200, call(ines, "POST", "/api/v1/communities/" + c + "/join", null).status());
    String t = thread(gabriela, c, "Leituras", "<p>Sugestões?</p>");
    String list = "/api/v1/threads?community=" + c;
    assertEquals(1, unread(ines, list));
    assertEquals(0, unread(gabriela, list), "your own post is read");
    page(ines, t);
    assertEquals(0, unread(ines, list));
    reply(gabriela, t, "<p>Wenger, 1998.</p>");
    assertEquals(1, unread(ines, list));
  }

  private static int unread(String session, String list) throws IOException {
    return call(session, "GET", list, null)
        .object()
        .getAsJsonArray("threads")
        .get(0)
        .getAsJsonObject()
        .get("unread")
        .getAsInt();
  }
}
