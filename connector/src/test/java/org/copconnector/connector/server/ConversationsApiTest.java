package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a conversation over HTTP (demo schools): replies nested under what they answer, read
 * marks and the first unread page, accepted answers and who may mark them, following and muting a
 * thread against the notifications queued, and the hub card's recent activity.
 */
class ConversationsApiTest {

  private static final String NETWORK = "demo-rede-ciencias";

  @TempDir static Path dataDir;
  private static DemoHub hub;
  private static String filipe; // facilitator of the network course and of the communities
  private static String gabriela; // teacher
  private static String ines; // teacher
  private static String rui; // administrator
  private static String course;

  @BeforeAll
  static void start() throws Exception {
    hub = DemoHub.start(dataDir, Map.of());
    filipe = hub.enter("d07", NETWORK);
    gabriela = hub.enter("d08", NETWORK);
    ines = hub.enter("d10", NETWORK);
    rui = hub.enter("d01", NETWORK);
    course = get(filipe, "/api/v1/hub").getAsJsonObject("course").get("id").getAsString();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void repliesNestTwoLevelsThenNameWhatTheyAnswer() throws Exception {
    String c = community("open", gabriela, ines);
    String t = thread(filipe, c, "Bilhetes de saída");
    String first = postIds(get(filipe, "/api/v1/threads/" + t)).get(0);
    String a = reply(gabriela, t, "A", first);
    String b = reply(ines, t, "B", a);
    String cc = reply(gabriela, t, "C", b);
    String d = reply(ines, t, "D", cc);
    String e = reply(filipe, t, "E", null);
    String f = reply(gabriela, t, "F", b);

    JsonArray tree = get(gabriela, "/api/v1/threads/" + t).getAsJsonArray("tree");
    assertEquals(List.of(first, a, b, cc, d, f, e), ids(tree), "each reply under what it answers");
    assertEquals(List.of(0, 0, 1, 2, 2, 2, 0), levels(tree));
    assertFalse(placement(tree, cc).has("inReplyTo"), "C sits right under B, which it answers");
    JsonObject deeper = placement(tree, d).getAsJsonObject("inReplyTo");
    assertEquals(cc, deeper.get("postId").getAsString(), "D is flat on the second level");
    assertEquals("Gabriela Lopes", deeper.get("authorName").getAsString());
    assertEquals(0, deeper.get("page").getAsInt());
    assertFalse(placement(tree, f).has("inReplyTo"), "F answers B, under which it sits");

    String other = thread(filipe, c, "Outro");
    Answer elsewhere =
        hub.call(
            gabriela,
            "POST",
            "/api/v1/threads/" + other + "/posts",
            "{\"body\":\"<p>x</p>\",\"parentId\":\"" + a + "\"}");
    assertEquals(422, elsewhere.status(), "a reply answers a post of its own thread");
  }

  @Test
  void pagesStayInWritingOrderAndTheFirstUnreadPageIsWhereReadingResumes() throws Exception {
    String c = community("open", gabriela, ines);
    String t = thread(filipe, c, "Uma conversa longa");
    String early = null;
    for (int i = 2; i <= 30; i++) {
      String id = reply(ines, t, "Mensagem " + i, null);
      if (i == 10) {
        early = id;
      }
    }
    assertEquals(30, unread(gabriela, c, t), "she never opened it");
    JsonObject firstRead = get(gabriela, "/api/v1/threads/" + t + "?unread=true");
    assertEquals(0, firstRead.get("seenBefore").getAsInt());
    assertEquals(0, firstRead.get("page").getAsInt());
    assertEquals(0, unread(gabriela, c, t), "reading the page marks it read");
    for (int i = 31; i <= 60; i++) {
      reply(ines, t, "Mensagem " + i, null);
    }
    String late = reply(filipe, t, "Resposta à décima", early);
    assertEquals(31, unread(gabriela, c, t));

    JsonObject resumed = get(gabriela, "/api/v1/threads/" + t + "?unread=true");
    assertEquals(30, resumed.get("seenBefore").getAsInt(), "posts after the 30th are new to her");
    assertEquals(0, resumed.get("page").getAsInt(), "the 31st is on the first page");
    assertEquals(50, resumed.get("postsPerPage").getAsInt());
    JsonObject lastPage = get(gabriela, "/api/v1/threads/" + t + "?unread=true");
    assertEquals(1, lastPage.get("page").getAsInt(), "the first unread is now on the second");
    assertEquals(50, lastPage.get("seenBefore").getAsInt());
    JsonObject answer = placement(lastPage.getAsJsonArray("tree"), late);
    assertEquals(0, answer.get("level").getAsInt(), "its conversation began on the first page");
    assertEquals(early, answer.getAsJsonObject("inReplyTo").get("postId").getAsString());
    assertEquals(0, answer.getAsJsonObject("inReplyTo").get("page").getAsInt());
    assertEquals(0, unread(gabriela, c, t));
    JsonObject allRead = get(gabriela, "/api/v1/threads/" + t + "?unread=true");
    assertEquals(1, allRead.get("page").getAsInt(), "all read: the last page");
    assertEquals(61, allRead.get("seenBefore").getAsInt());

    JsonObject byVisitor = get(rui, "/api/v1/threads/" + t + "?unread=true");
    assertEquals(61, byVisitor.get("seenBefore").getAsInt(), "no read marks for non-members");
    assertEquals(1, byVisitor.get("page").getAsInt());
  }

  @Test
  void onlyTheThreadsAuthorOrAFacilitatorMarksTheAcceptedAnswer() throws Exception {
    String c = community("open", gabriela, ines);
    String t = thread(gabriela, c, "Como corrigir depressa?");
    String first = postIds(get(gabriela, "/api/v1/threads/" + t)).get(0);
    String byInes = reply(ines, t, "Com uma grelha", null);
    String byFilipe = reply(filipe, t, "Com pares", null);

    assertRefused(ines, byInes, true, 403, "accept_author_or_facilitators");
    assertEquals(byInes, accept(gabriela, byInes, true), "the thread's author");
    assertTrue(listed(gabriela, c, t).get("answered").getAsBoolean());
    JsonObject page = get(ines, "/api/v1/threads/" + t);
    assertEquals(byInes, page.get("acceptedPostId").getAsString());
    assertFalse(page.get("canAccept").getAsBoolean());
    assertTrue(get(gabriela, "/api/v1/threads/" + t).get("canAccept").getAsBoolean());

    assertEquals(byFilipe, accept(filipe, byFilipe, true), "a facilitator; one answer a thread");
    assertEquals(byFilipe, get(ines, "/api/v1/threads/" + t).get("acceptedPostId").getAsString());
    assertRefused(gabriela, first, true, 422, "accepted_is_for_replies");
    assertRefused(ines, byFilipe, false, 403, "accept_author_or_facilitators");
    assertEquals(byFilipe, accept(gabriela, byInes, false), "unmarking another post changes none");
    assertEquals(null, accept(gabriela, byFilipe, false));
    assertFalse(listed(gabriela, c, t).get("answered").getAsBoolean());

    assertEquals(byInes, accept(rui, byInes, true), "an administrator moderates too");
    Answer hidden =
        hub.call(filipe, "PUT", "/api/v1/posts/" + byInes + "/hidden", "{\"value\":true}");
    assertEquals(200, hidden.status());
    assertFalse(
        get(gabriela, "/api/v1/threads/" + t).has("acceptedPostId"),
        "a hidden post is no longer the answer");
    assertRefused(gabriela, byInes, true, 422, "accepted_post_hidden");
  }

  @Test
  void followingBringsEachReplyAtOnceAndMutingSilencesEvenEveryPost() throws Exception {
    String c = community("open", gabriela, ines);
    String gabrielaId = me(gabriela);
    String inesId = me(ines);
    String filipeId = me(filipe);
    String t = thread(gabriela, c, "Projetos interdisciplinares");
    assertEquals("following", get(gabriela, "/api/v1/threads/" + t).get("follow").getAsString());
    assertEquals("normal", get(filipe, "/api/v1/threads/" + t).get("follow").getAsString());

    String r1 = reply(ines, t, "Eu começo", null);
    assertTrue(notified(r1, gabrielaId), "a thread's author follows it");
    assertFalse(notified(r1, filipeId), "Filipe hears once a day");
    assertEquals("following", follow(filipe, t, "following"));
    String r2 = reply(ines, t, "E continuo", null);
    assertTrue(notified(r2, filipeId), "he follows it now");
    assertTrue(notified(r2, gabrielaId));

    assertEquals(
        200,
        hub.call(ines, "PUT", "/api/v1/notifications/" + c, "{\"delivery\":\"every_post\"}")
            .status());
    assertEquals("following", get(ines, "/api/v1/threads/" + t).get("follow").getAsString());
    assertEquals("muted", follow(ines, t, "muted"));
    String r3 = reply(gabriela, t, "Obrigada", null);
    assertFalse(notified(r3, inesId), "muted, though she asked for every post");
    assertTrue(notified(r3, filipeId));
    String elsewhere = thread(filipe, c, "Outro assunto");
    String r4 = reply(gabriela, elsewhere, "Sim", null);
    assertTrue(notified(r4, inesId), "every post, in the threads she did not mute");

    assertEquals("normal", follow(gabriela, t, "normal"));
    String r5 = reply(filipe, t, "Mais uma", null);
    assertFalse(notified(r5, gabrielaId), "back to her daily digest");
    assertEquals("normal", get(gabriela, "/api/v1/threads/" + t).get("follow").getAsString());

    Answer visitor =
        hub.call(rui, "PUT", "/api/v1/threads/" + t + "/follow", "{\"state\":\"following\"}");
    assertEquals(403, visitor.status(), String.valueOf(visitor.json()));
    assertEquals("members_only_notifications", visitor.object().get("reason").getAsString());
    assertFalse(get(rui, "/api/v1/threads/" + t).has("follow"));
    Answer none = hub.call(ines, "PUT", "/api/v1/threads/" + t + "/follow", "{}");
    assertEquals(422, none.status());
    assertEquals("follow_invalid", none.object().get("reason").getAsString());
  }

  @Test
  void theHubCardShowsTheLastPostAndWhatIsNewSinceTheLastVisit() throws Exception {
    String c = community("open", gabriela, ines);
    String t = thread(filipe, c, "Calendário");
    reply(ines, t, "Eu trato disso", null);
    JsonObject activity = card(gabriela, c).getAsJsonObject("activity");
    assertEquals("Inês Carvalho", activity.get("lastAuthorName").getAsString());
    assertEquals(2, activity.get("newPosts").getAsInt(), "since she joined");

    get(gabriela, "/api/v1/threads?community=" + c); // she opens the community's discussions
    assertEquals(0, card(gabriela, c).getAsJsonObject("activity").get("newPosts").getAsInt());
    reply(gabriela, t, "Obrigada", null);
    String hidden = reply(ines, t, "Engano", null);
    hub.call(filipe, "PUT", "/api/v1/posts/" + hidden + "/hidden", "{\"value\":true}");
    activity = card(gabriela, c).getAsJsonObject("activity");
    assertEquals(0, activity.get("newPosts").getAsInt(), "her own post, and a hidden one");
    assertEquals("Gabriela Lopes", activity.get("lastAuthorName").getAsString());
    reply(filipe, t, "Combinado", null);
    reply(ines, t, "Até amanhã", null);
    activity = card(gabriela, c).getAsJsonObject("activity");
    assertEquals(2, activity.get("newPosts").getAsInt());
    assertEquals("Inês Carvalho", activity.get("lastAuthorName").getAsString());

    String closed = community("invitation");
    thread(filipe, closed, "Só para membros");
    assertFalse(card(gabriela, closed).has("activity"), "not hers to read");
    assertTrue(card(filipe, closed).getAsJsonObject("activity").has("lastPostAt"));
  }

  // What follows: the calls the pages make, and what the tests read from their answers.

  private static String community(String joining, String... joiners) throws IOException {
    Answer created =
        hub.call(
            filipe,
            "POST",
            "/api/v1/communities",
            "{\"name\":\"Conversas\",\"domain\":\"Escrita\",\"joining\":\""
                + joining
                + "\",\"courseIds\":[\""
                + course
                + "\"]}");
    assertEquals(201, created.status(), String.valueOf(created.json()));
    String id = created.object().get("id").getAsString();
    for (String joiner : joiners) {
      assertEquals(
          200, hub.call(joiner, "POST", "/api/v1/communities/" + id + "/join", null).status());
    }
    return id;
  }

  private static String thread(String session, String community, String title) throws IOException {
    JsonObject body = new JsonObject();
    body.addProperty("communityId", community);
    body.addProperty("title", title);
    body.addProperty("body", "<p>" + title + "</p>");
    Answer started = hub.call(session, "POST", "/api/v1/threads", body.toString());
    assertEquals(201, started.status(), String.valueOf(started.json()));
    return started.object().get("id").getAsString();
  }

  private static String reply(String session, String thread, String text, String parentId)
      throws IOException {
    JsonObject body = new JsonObject();
    body.addProperty("body", "<p>" + text + "</p>");
    if (parentId != null) {
      body.addProperty("parentId", parentId);
    }
    Answer replied =
        hub.call(session, "POST", "/api/v1/threads/" + thread + "/posts", body.toString());
    assertEquals(201, replied.status(), String.valueOf(replied.json()));
    return replied.object().get("id").getAsString();
  }

  private static JsonObject get(String session, String path) throws IOException {
    Answer answer = hub.call(session, "GET", path, null);
    assertEquals(200, answer.status(), path + ": " + answer.json());
    return answer.object();
  }

  private static String me(String session) throws IOException {
    return get(session, "/api/v1/hub").getAsJsonObject("me").get("lmsUserId").getAsString();
  }

  private static String follow(String session, String thread, String state) throws IOException {
    Answer answer =
        hub.call(
            session,
            "PUT",
            "/api/v1/threads/" + thread + "/follow",
            "{\"state\":\"" + state + "\"}");
    assertEquals(200, answer.status(), String.valueOf(answer.json()));
    return answer.object().get("state").getAsString();
  }

  /** Marks or unmarks the answer; the thread's answer afterwards (null when none). */
  private static String accept(String session, String post, boolean value) throws IOException {
    Answer answer =
        hub.call(
            session, "PUT", "/api/v1/posts/" + post + "/accepted", "{\"value\":" + value + "}");
    assertEquals(200, answer.status(), String.valueOf(answer.json()));
    JsonElement id = answer.object().get("postId");
    return id == null || id.isJsonNull() ? null : id.getAsString();
  }

  private static void assertRefused(
      String session, String post, boolean value, int status, String reason) throws IOException {
    Answer answer =
        hub.call(
            session, "PUT", "/api/v1/posts/" + post + "/accepted", "{\"value\":" + value + "}");
    assertEquals(status, answer.status(), String.valueOf(answer.json()));
    assertEquals(reason, answer.object().get("reason").getAsString());
  }

  private static JsonObject listed(String session, String community, String thread)
      throws IOException {
    for (JsonElement e :
        get(session, "/api/v1/threads?community=" + community).getAsJsonArray("threads")) {
      JsonObject listed = e.getAsJsonObject();
      if (listed.getAsJsonObject("thread").get("id").getAsString().equals(thread)) {
        return listed;
      }
    }
    throw new AssertionError("thread " + thread + " is not listed");
  }

  private static int unread(String session, String community, String thread) throws IOException {
    return listed(session, community, thread).get("unread").getAsInt();
  }

  private static JsonObject card(String session, String community) throws IOException {
    for (JsonElement e : get(session, "/api/v1/hub").getAsJsonArray("communities")) {
      if (e.getAsJsonObject().get("id").getAsString().equals(community)) {
        return e.getAsJsonObject();
      }
    }
    throw new AssertionError("no card for " + community);
  }

  private static List<String> postIds(JsonObject page) {
    List<String> ids = new ArrayList<>();
    page.getAsJsonArray("posts").forEach(p -> ids.add(p.getAsJsonObject().get("id").getAsString()));
    return ids;
  }

  private static List<String> ids(JsonArray tree) {
    List<String> ids = new ArrayList<>();
    tree.forEach(p -> ids.add(p.getAsJsonObject().get("postId").getAsString()));
    return ids;
  }

  private static List<Integer> levels(JsonArray tree) {
    List<Integer> levels = new ArrayList<>();
    tree.forEach(p -> levels.add(p.getAsJsonObject().get("level").getAsInt()));
    return levels;
  }

  private static JsonObject placement(JsonArray tree, String post) {
    for (JsonElement e : tree) {
      if (e.getAsJsonObject().get("postId").getAsString().equals(post)) {
        return e.getAsJsonObject();
      }
    }
    throw new AssertionError(post + " is not on the page");
  }

  /** Whether a notification of the post to the person was queued (or already delivered). */
  private static boolean notified(String post, String person) throws SQLException {
    try (Connection c = hub.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE idempotency_key = ?")) {
      ps.setString(1, "notify:" + post + ":" + person);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }
}
