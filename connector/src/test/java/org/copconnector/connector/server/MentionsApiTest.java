package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Mentions over HTTP (demo schools): the "@" suggestions list the community's members only, a
 * stored mention is a checked link to a member (anything else is plain text), and the mentioned are
 * told once per post, as their notification choice allows.
 */
class MentionsApiTest {

  private static final String NETWORK = "demo-rede-ciencias";

  @TempDir static Path dataDir;
  private static DemoHub hub;
  private static String filipe; // d07, facilitator: starts the community
  private static String gabriela; // d08, member with the daily digest (the default)
  private static String ines; // d10, member who chose no notifications
  private static String daniel; // d05, member who chose every post
  private static String ricardo; // d18, of the network course but not of the community
  private static String community;

  @BeforeAll
  static void start() throws Exception {
    hub = DemoHub.start(dataDir, Map.of());
    filipe = hub.enter("d07", NETWORK);
    gabriela = hub.enter("d08", NETWORK);
    ines = hub.enter("d10", NETWORK);
    daniel = hub.enter("d05", NETWORK);
    ricardo = hub.enter("d18", NETWORK);
    Answer created =
        hub.call(
            filipe,
            "POST",
            "/api/v1/communities",
            "{\"name\":\"Avaliação formativa\",\"domain\":\"Avaliação\",\"joining\":\"open\"}");
    assertEquals(201, created.status(), String.valueOf(created.json()));
    community = created.object().get("id").getAsString();
    for (String member : List.of(gabriela, ines, daniel)) {
      Answer joined = hub.call(member, "POST", "/api/v1/communities/" + community + "/join", null);
      assertEquals(200, joined.status(), String.valueOf(joined.json()));
    }
    choose(ines, "none");
    choose(daniel, "every_post");
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static void choose(String session, String delivery) throws IOException {
    Answer chosen =
        hub.call(
            session,
            "PUT",
            "/api/v1/notifications/" + community,
            "{\"delivery\":\"" + delivery + "\"}");
    assertEquals(200, chosen.status(), String.valueOf(chosen.json()));
  }

  private static Answer suggestions(String session, String text) throws IOException {
    return hub.call(
        session,
        "GET",
        "/api/v1/mentionable?community="
            + community
            + "&q="
            + URLEncoder.encode(text, StandardCharsets.UTF_8),
        null);
  }

  private static List<String> names(Answer found) {
    assertEquals(200, found.status(), String.valueOf(found.json()));
    List<String> names = new ArrayList<>();
    found.array().forEach(m -> names.add(m.getAsJsonObject().get("name").getAsString()));
    return names;
  }

  /** A mention as a page (or a forger) may send it. */
  private static String mention(String id, String rest) {
    return "<a data-mention=\"" + id + "\" " + rest + ">@Someone</a>";
  }

  private static String json(String field, String value) {
    JsonObject o = new JsonObject();
    o.addProperty(field, value);
    return o.toString();
  }

  private static String thread(String session, String body) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("communityId", community);
    o.addProperty("title", "Bilhetes de saída");
    o.addProperty("body", body);
    Answer started = hub.call(session, "POST", "/api/v1/threads", o.toString());
    assertEquals(201, started.status(), String.valueOf(started.json()));
    return started.object().get("id").getAsString();
  }

  private static JsonObject post(String session, String thread, String body) throws IOException {
    Answer replied =
        hub.call(session, "POST", "/api/v1/threads/" + thread + "/posts", json("body", body));
    assertEquals(201, replied.status(), String.valueOf(replied.json()));
    return replied.object();
  }

  /** The notifications queued for a post, as "kind of key:recipient". */
  private static List<String> notifications(String postId) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = hub.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT idempotency_key FROM outbox WHERE kind = 'notify.message'"
                    + " AND idempotency_key LIKE ? ORDER BY idempotency_key")) {
      ps.setString(1, "%:" + postId + ":%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1);
          found.add(
              key.substring(0, key.indexOf(':')) + ":" + key.substring(key.lastIndexOf(':') + 1));
        }
      }
    }
    return found;
  }

  private static String payload(String postId, String recipient) throws SQLException {
    try (Connection c = hub.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT payload FROM outbox WHERE idempotency_key = ?")) {
      ps.setString(1, "mention:" + postId + ":" + recipient);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Test
  void suggestionsAreTheCommunitysMembersFoundWithoutAccents() throws Exception {
    assertEquals(List.of("Inês Carvalho"), names(suggestions(gabriela, "ines")));
    assertEquals(List.of("Inês Carvalho"), names(suggestions(gabriela, "CARVA")));
    assertEquals(List.of("Filipe Ramos"), names(suggestions(gabriela, "ramos")));
    assertEquals(
        List.of("Daniel Sousa", "Filipe Ramos", "Inês Carvalho"),
        names(suggestions(gabriela, "")),
        "every member but the writer, by name");
    assertEquals(List.of(), names(suggestions(gabriela, "Ricardo")), "not a member");
    assertEquals(List.of(), names(suggestions(gabriela, "<script>")));
    assertEquals(403, suggestions(ricardo, "ines").status(), "members only");
    Answer tooLong = suggestions(gabriela, "x".repeat(101));
    assertEquals(422, tooLong.status());
    assertEquals("search_length", tooLong.object().get("reason").getAsString());
    assertEquals(
        422, hub.call(gabriela, "GET", "/api/v1/mentionable?q=ines", null).status(), "whose?");
  }

  @Test
  void aMentionIsStoredAsALinkToTheMemberAndAnyOtherAsPlainText() throws Exception {
    String body =
        "<p>Olá "
            + mention("d08", "href=\"javascript:alert(1)\" onclick=\"steal()\" class=\"x\"")
            + ", "
            + mention("d18", "href=\"https://evil.example/\"")
            + ", "
            + mention("nobody", "")
            + " e "
            + "<a data-mention='d10\" onmouseover=\"x()' href=\"https://escola.example/\">@Inês</a>"
            + "</p>";
    String t = thread(filipe, body);
    JsonObject page = hub.call(filipe, "GET", "/api/v1/threads/" + t, null).object();
    JsonObject first = page.getAsJsonArray("posts").get(0).getAsJsonObject();
    String stored = first.get("body").getAsString();
    assertTrue(
        stored.contains(
            "<a data-mention=\"d08\" href=\"/community?id="
                + community
                + "#member-d08\" rel=\"nofollow\">@Gabriela Lopes</a>"),
        "the member, by her own name, linked in the community: " + stored);
    assertFalse(stored.contains("\"d18"), "not a member: no mention " + stored);
    assertFalse(stored.contains("evil.example"), stored);
    assertFalse(stored.contains("nobody"), stored);
    assertFalse(stored.contains("javascript:"), stored);
    assertFalse(stored.contains("onclick"), stored);
    assertFalse(stored.contains("onmouseover"), stored);
    assertFalse(stored.contains("class="), stored);
    assertEquals(1, stored.split("data-mention", -1).length - 1, "one mention kept: " + stored);
    assertTrue(stored.contains("@Someone"), "the others' words stay, as text: " + stored);
    assertTrue(stored.contains("href=\"https://escola.example/\""), "a link not a mention");
  }

  @Test
  void theMentionedAreToldOnceAsTheirChoiceAllowsAndTheAuthorNever() throws Exception {
    String t = thread(filipe, "<p>Como fazem?</p>");
    // Gabriela (digest), Inês (none), Daniel (every post) and Filipe himself.
    JsonObject reply =
        post(
            filipe,
            t,
            "<p>"
                + mention("d08", "")
                + " "
                + mention("d10", "")
                + " "
                + mention("d05", "")
                + " "
                + mention("d07", "")
                + "</p>");
    String id = reply.get("id").getAsString();
    assertEquals(
        List.of("mention:d05", "mention:d08"),
        notifications(id),
        "a mention comes through the digest at once, not for 'none', never to the author, and"
            + " replaces the every-post notification");
    String toGabriela = payload(id, "d08");
    assertTrue(
        toGabriela.contains("Filipe Ramos mencionou o seu nome em «Bilhetes de saída»"),
        toGabriela);
    assertTrue(toGabriela.contains("@Gabriela Lopes"), "the excerpt names her " + toGabriela);
    assertFalse(toGabriela.contains("data-mention"), "the message has text, no link");

    // Edited (twice), the post mentions them again: nobody hears of it twice; the newly mentioned
    // Inês chose none, and still hears nothing.
    for (int i = 0; i < 2; i++) {
      Answer edited =
          hub.call(
              filipe,
              "PUT",
              "/api/v1/posts/" + id,
              json("body", "<p>" + mention("d08", "") + " " + mention("d05", "") + " de novo</p>"));
      assertEquals(200, edited.status(), String.valueOf(edited.json()));
      assertTrue(edited.object().get("body").getAsString().contains("@Daniel Sousa"));
    }
    assertEquals(List.of("mention:d05", "mention:d08"), notifications(id));

    // A post without mentions: Daniel hears of it as of every post, the others in their digest.
    String plain = post(gabriela, t, "<p>Eu também.</p>").get("id").getAsString();
    assertEquals(List.of("notify:d05"), notifications(plain));
    // An edit that mentions someone new tells them, once.
    Answer edited =
        hub.call(
            gabriela,
            "PUT",
            "/api/v1/posts/" + plain,
            json("body", "<p>Eu também, " + mention("d07", "") + ".</p>"));
    assertEquals(200, edited.status(), String.valueOf(edited.json()));
    assertEquals(List.of("mention:d07", "notify:d05"), notifications(plain));
  }

  @Test
  void hostileMentionsLeaveNothingActive() throws Exception {
    String t = thread(filipe, "<p>Início</p>");
    for (String hostile :
        List.of(
            "<a data-mention=\"d08\" href=\"javascript:alert(1)\"><img src=x onerror=alert(1)>@G</a>",
            "<a data-mention=\"d08\"><script>alert(1)</script></a>",
            "<a data-mention=\"d08\" href=\"/community\" style=\"x\" onfocus=\"y()\">@<b>G</b></a>",
            "<span data-mention=\"d08\" onclick=\"x()\">@G</span>",
            "<a data-mention=\"&#100;08\" href=\"https://x.example\">@G</a>",
            "<a data-mention=\"d08\">@G<a href=\"javascript:alert(1)\">x</a></a>")) {
      String stored = post(gabriela, t, "<p>" + hostile + " fim</p>").get("body").getAsString();
      String lower = stored.toLowerCase(java.util.Locale.ROOT);
      for (String active :
          List.of("<script", "onerror", "onclick", "onfocus", "javascript:", "style=", "<img")) {
        assertFalse(lower.contains(active), hostile + " → " + stored);
      }
      assertTrue(stored.contains("fim"), stored);
    }
  }
}
