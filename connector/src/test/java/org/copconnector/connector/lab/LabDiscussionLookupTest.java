package org.copconnector.connector.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.plugin.lms.Lms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a lost answer, the connector looks for the discussion it may have made among the forum's
 * newest: in a forum of more than 50 discussions, on the real Moodle, with Moodle 4.5's sort codes.
 */
@RealMoodle
class LabDiscussionLookupTest {

  private static final int BUSY = 55;

  private final MoodleLab lab = MoodleLab.get();
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  @TempDir Path dataDir;

  @Test
  void aDiscussionWhoseAnswerWasLostIsFoundInABusyForum() throws Exception {
    long course = lab.courseId("MAT-COP");
    long forum = lab.forumId("MAT-COP", 0);
    String teacher = lab.userToken("teacher3");
    long present = lab.count("SELECT COUNT(*) FROM mdl_forum_discussions WHERE forum = ?", forum);
    for (long i = present; i < BUSY; i++) {
      lab.call(
          teacher,
          "mod_forum_add_discussion",
          "forumid",
          Long.toString(forum),
          "subject",
          "Conversa " + i,
          "message",
          "<p>Uma conversa entre colegas.</p>");
    }
    try (LabConnector hub = LabConnector.start(lab, dataDir)) {
      MoodleLms lms = hub.lms();
      String group = lms.ensureGroup(Long.toString(course), "Busca " + run, "cop-anchor-" + run);
      String marker = "ref cop-lookup-" + run;
      Lms.PostedDiscussion made =
          lms.startDiscussion(
              new Lms.NewDiscussion(
                  Long.toString(course),
                  Long.toString(forum),
                  group,
                  "Planificação " + run,
                  "<p>Proposta</p><p><small>" + marker + "</small></p>",
                  null));
      // Older discussions get replies afterwards: "newest created" must not mean "latest post".
      lab.call(
          teacher,
          "mod_forum_add_discussion_post",
          "postid",
          lab.query("SELECT MIN(firstpost) AS p FROM mdl_forum_discussions WHERE forum = ?", forum)
              .get(0)
              .get("p")
              .toString(),
          "subject",
          "Re",
          "message",
          "<p>Resposta</p>");
      assertTrue(
          lab.count("SELECT COUNT(*) FROM mdl_forum_discussions WHERE forum = ?", forum) > 50,
          "more than a page of discussions");
      Optional<Lms.PostedDiscussion> found =
          lms.findDiscussion(Long.toString(forum), group, marker);
      assertEquals(Optional.of(made), found);
    }
  }
}
