package org.copconnector.connector.discussion;

import static org.copconnector.connector.discussion.DiscussionWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Formatting and maths cross between the hub and Moodle's forum intact, against the stand-in: a
 * reply formatted in Moodle's editor arrives with its formatting (sanitised), and TeX goes to
 * Moodle as TeX for its own maths filter.
 */
class ForumFormattingTest {

  private static final long GROUP_FORUM = 4;

  @TempDir Path dataDir;
  private FakeMoodle fake;
  private DiscussionWorld world;
  private Community community;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeMoodle().start();
    world =
        new DiscussionWorld(dataDir, fake, new ManualClock(Instant.parse("2026-11-23T10:00:00Z")));
    community =
        world.communities.create(
            ALICE, new NewCommunity("Maths department", "Algebra", null, null, List.of("2")));
    world.communities.chooseForum(ALICE, community.id(), "2", Long.toString(GROUP_FORUM));
  }

  @AfterEach
  void stop() {
    world.close();
    fake.close();
  }

  private FakeMoodleState.Post firstPostInMoodle() {
    FakeMoodleState.Discussion d = fake.state().discussionsOf(GROUP_FORUM).get(0);
    return fake.state().posts.get(d.firstPostId());
  }

  @Test
  void aReplyFormattedInMoodlesEditorArrivesFormatted() {
    DiscussionThread thread =
        world.discussions.start(
            ALICE, new DiscussionRequests.NewThread(community.id(), "Plans", "<p>Ideas?</p>"));
    world.deliverUntilDone();
    // As Moodle 4.5's editor writes it (its headings are levels 3 to 6), with its equation editor's
    // TeX; and a plain-text post as Moodle's web services give it (format_text's wrapper).
    String moodle =
        "<h5>Plano</h5><p dir=\"ltr\" style=\"text-align: left;\"><strong>Forte</strong> e"
            + " <em>leve</em>, <code>x1</code></p><ul><li>um</li><li>dois</li></ul>"
            + "<ol><li>primeiro</li></ol><p><a href=\"https://escola.example/guia\""
            + " target=\"_blank\" rel=\"noopener\">guia</a></p>"
            + "<table class=\"table\" style=\"border-collapse: collapse; width: 100%;\" border=\"1\">"
            + "<tbody><tr><th>Turma</th><td>7A</td></tr></tbody></table>"
            + "<blockquote><p>citado</p></blockquote><pre>linha 1\nlinha 2</pre>"
            + "<h3>Passo</h3><p>\\( \\frac{1}{2} \\)</p>";
    fake.replyInMoodle(firstPostInMoodle().id(), 6, "Re: Plans", moodle);
    fake.replyInMoodle(
        firstPostInMoodle().id(),
        5,
        "Re: Plans",
        "<div class=\"text_to_html\">line one<br />\nline two</div>");
    assertEquals(2, world.forumImport.importCourse("2").postsImported());
    var posts = world.discussions.read(ALICE, thread.id(), 0).posts();
    String body = posts.get(1).body();
    for (String kept :
        List.of(
            "<h4>Plano</h4>",
            "<p dir=\"ltr\"><strong>Forte</strong> e <em>leve</em>, <code>x1</code></p>",
            "<ul><li>um</li><li>dois</li></ul>",
            "<ol><li>primeiro</li></ol>",
            "<a href=\"https://escola.example/guia\"",
            "<table><tbody><tr><th>Turma</th><td>7A</td></tr></tbody></table>",
            "<blockquote><p>citado</p></blockquote>",
            "<pre>linha 1\nlinha 2</pre>",
            "<h3>Passo</h3>",
            "<p>\\( \\frac{1}{2} \\)</p>")) {
      assertTrue(body.contains(kept), kept + " in " + body);
    }
    for (String dropped : List.of("style", "class", "target", "border", "<h5")) {
      assertFalse(body.contains(dropped), dropped + " in " + body);
    }
    assertEquals("line one<br />\nline two", posts.get(2).body());
  }

  @Test
  void texGoesToMoodleAsTexForItsMathsFilter() {
    String tex =
        "<p>Compare \\( a &lt; b \\) and \\(a&amp;b\\):</p><p>$$\\frac{1}{2}$$</p>"
            + "<p>\\[ x^2 \\]</p><pre>\\(not maths\\)</pre>";
    world.discussions.start(
        ALICE, new DiscussionRequests.NewThread(community.id(), "Inequalities", tex));
    world.deliverUntilDone();
    String message = firstPostInMoodle().message();
    assertTrue(message.startsWith(tex), message);
    // What Moodle's MathJax filter looks for before it wraps the maths (filter_mathjaxloader).
    assertTrue(message.matches("(?s).*\\\\[\\[(].*") && message.contains("$$"), message);
  }
}
