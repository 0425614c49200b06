package org.copconnector.connector.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.session.ProductRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moodle parity on the real Moodle 4.5, with the service user holding exactly the README's
 * capabilities: edits of hub posts (formatting and TeX) replace their copies in the forum, and a
 * reply formatted in Moodle's editor arrives in the hub formatted.
 */
@RealMoodle
class LabForumEditTest {

  private static final Duration DELIVERY = Duration.ofSeconds(60);

  private final MoodleLab lab = MoodleLab.get();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final long course = lab.courseId("SCI-COP");

  @TempDir Path dataDir;

  @Test
  void editsReachTheForumAndMoodlesFormattingComesBack() throws Exception {
    long forum = lab.forumId("SCI-COP", 1);
    lab.useRoleWith(MoodleLab.projectFile("config/moodle-capabilities.txt"));
    try (LabConnector hub = LabConnector.start(lab, dataDir)) {
      hub.syncRoster(course);
      String alice = hub.signIn("teacher1", course, ProductRole.FACILITATOR);
      String bruno = hub.signIn("teacher2", course, ProductRole.MEMBER);
      String community = hub.createCommunity(alice, "Álgebra " + run, "open", course);
      hub.post("/api/v1/communities/" + community + "/join", bruno, null, 200);
      hub.chooseForum(alice, community, course, forum);
      String thread = hub.startThread(alice, community, "Frações " + run, "Por onde começar?");
      hub.reply(bruno, thread, "Pelas barras " + run);
      hub.awaitDelivered(DELIVERY);
      long discussion = discussionId(forum, "Frações " + run);

      JsonArray posts = posts(hub, alice, thread);
      String edited =
          "<p><strong>Pelas barras, corrigido "
              + run
              + "</strong>: \\( \\frac{1}{2} &lt; x \\) e $$x^2 = 2$$</p><ul><li>um</li></ul>";
      edit(hub, bruno, posts.get(1), null, edited);
      edit(hub, alice, posts.get(0), "Frações revistas " + run, "<h3>Plano</h3><p>\\[ a+b \\]</p>");
      hub.awaitDelivered(DELIVERY);

      List<Map<String, Object>> inMoodle =
          lab.query(
              "SELECT id, subject, message FROM mdl_forum_posts WHERE discussion = ? ORDER BY id",
              discussion);
      assertEquals(2, inMoodle.size(), "edited in place, no new post: " + inMoodle);
      String first = (String) inMoodle.get(0).get("message");
      String reply = (String) inMoodle.get(1).get("message");
      // Moodle cleans an edited message (HTML Purifier): "&#43;" is stored as "+".
      assertTrue(first.startsWith("<h3>Plano</h3><p>\\[ a+b \\]</p>"), first);
      assertTrue(reply.contains("<strong>Pelas barras, corrigido " + run + "</strong>"), reply);
      assertTrue(reply.contains("<ul><li>um</li></ul>"), reply);
      // The TeX as the writer typed it, for Moodle's maths filters.
      assertTrue(reply.contains("\\( \\frac{1}{2} &lt; x \\) e $$x^2 = 2$$"), "TeX in " + reply);
      assertTrue(reply.contains("ref cop-"), "still known as ours: " + reply);
      assertEquals("Frações revistas " + run, inMoodle.get(0).get("subject"));
      assertEquals(
          "Frações revistas " + run,
          lab.query("SELECT name FROM mdl_forum_discussions WHERE id = ?", discussion)
              .get(0)
              .get("name"));

      // Bruno answers in Moodle's editor, with its headings, table, list, link, quote and code.
      long firstPost = ((Number) inMoodle.get(0).get("id")).longValue();
      lab.call(
          lab.userToken("teacher2"),
          "mod_forum_add_discussion_post",
          "postid",
          Long.toString(firstPost),
          "subject",
          "Re: Frações",
          "message",
          "<h5>Resumo "
              + run
              + "</h5><p dir=\"ltr\" style=\"text-align: left;\"><strong>Forte</strong> e"
              + " <em>leve</em></p><ol><li>barras</li><li>círculos</li></ol>"
              + "<p><a href=\"https://escola.example/frações\">guia</a></p>"
              + "<table class=\"table\" border=\"1\"><tbody><tr><th>Turma</th><td>5A</td></tr>"
              + "</tbody></table><blockquote><p>citado</p></blockquote><pre>x = 1</pre>"
              + "<p>\\( \\tfrac{3}{4} \\)</p>");
      hub.importForums(course);
      hub.awaitDelivered(DELIVERY);
      JsonArray after = posts(hub, alice, thread);
      assertEquals(3, after.size());
      String imported = after.get(2).getAsJsonObject().get("body").getAsString();
      for (String kept :
          List.of(
              "<h4>Resumo " + run + "</h4>",
              "<strong>Forte</strong>",
              "<em>leve</em>",
              "<ol><li>barras</li><li>círculos</li></ol>",
              "<a href=\"https://escola.example/",
              "<th>Turma</th><td>5A</td>",
              "<blockquote><p>citado</p></blockquote>",
              "<pre>x &#61; 1</pre>",
              "\\( \\tfrac{3}{4} \\)")) {
        assertTrue(imported.contains(kept), kept + " in " + imported);
      }
      assertFalse(imported.contains("style"), imported);
    } finally {
      lab.useManagerRole();
    }
  }

  private static JsonArray posts(LabConnector hub, String session, String thread) {
    return hub.send("GET", "/api/v1/threads/" + thread, session, null, 200)
        .getAsJsonObject()
        .getAsJsonArray("posts");
  }

  private static void edit(
      LabConnector hub,
      String session,
      com.google.gson.JsonElement post,
      String title,
      String body) {
    JsonObject edit = new JsonObject();
    edit.add("body", new JsonPrimitive(body));
    if (title != null) {
      edit.add("title", new JsonPrimitive(title));
    }
    hub.send(
        "PUT",
        "/api/v1/posts/" + post.getAsJsonObject().get("id").getAsString(),
        session,
        edit.toString(),
        200);
  }

  private long discussionId(long forum, String name) {
    List<Map<String, Object>> rows =
        lab.query("SELECT id FROM mdl_forum_discussions WHERE forum = ? AND name = ?", forum, name);
    assertEquals(1, rows.size(), "one discussion " + name);
    return ((Number) rows.get(0).get("id")).longValue();
  }
}
