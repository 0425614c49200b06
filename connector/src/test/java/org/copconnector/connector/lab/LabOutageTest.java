package org.copconnector.connector.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.copconnector.plugin.session.ProductRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moodle's web server stopped for 30 s while teachers write: every write is taken, kept, and
 * reaches Moodle exactly once, the thirty replies of one thread within 15 s of Moodle answering.
 */
@RealMoodle
class LabOutageTest {

  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final Duration AFTER_RETURN = Duration.ofSeconds(15);

  private final MoodleLab lab = MoodleLab.get();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final long course = lab.courseId("SCI-COP");

  @TempDir Path dataDir;

  @Test
  void writesDuringAnOutageArriveOnceAndThirtyRepliesWithinFifteenSecondsOfMoodlesReturn()
      throws Exception {
    long forum = lab.forumId("SCI-COP", 1);
    try (LabConnector hub = LabConnector.start(lab, dataDir)) {
      hub.syncRoster(course);
      String alice = hub.signIn("teacher1", course, ProductRole.FACILITATOR);
      String bruno = hub.signIn("teacher2", course, ProductRole.MEMBER);
      String community = hub.createCommunity(alice, "Falhas " + run, "open", course);
      hub.post("/api/v1/communities/" + community + "/join", bruno, null, 200);
      hub.chooseForum(alice, community, course, forum);
      String thread = hub.startThread(alice, community, "Registo " + run, "Antes da falha " + run);
      hub.awaitDelivered(Duration.ofSeconds(60));

      lab.stopWebServer();
      Instant stopped = Instant.now();
      try {
        for (int i = 1; i <= 30; i++) {
          hub.reply(i % 2 == 0 ? alice : bruno, thread, "Durante a falha " + run + " #" + i);
        }
        hub.post(
            "/api/v1/communities/" + community + "/join",
            hub.signIn("teacher3", course, ProductRole.MEMBER),
            null,
            200);
        long left = OUTAGE.minus(Duration.between(stopped, Instant.now())).toMillis();
        if (left > 0) {
          Thread.sleep(left);
        }
      } finally {
        Instant answered = lab.startWebServer();
        hub.awaitDelivered(Duration.ofSeconds(90));
        Duration took = Duration.between(answered, Instant.now());
        System.out.printf(
            "outage of %d s: 30 replies and a join reached Moodle %d ms after it answered again%n",
            Duration.between(stopped, answered).toSeconds(), took.toMillis());
        assertTrue(
            took.compareTo(AFTER_RETURN) <= 0,
            "delivered " + took.toMillis() + " ms after Moodle answered; at most " + AFTER_RETURN);
      }
      for (int i = 1; i <= 30; i++) {
        assertEquals(
            1,
            lab.count(
                "SELECT COUNT(*) FROM mdl_forum_posts p JOIN mdl_forum_discussions d"
                    + " ON d.id = p.discussion WHERE d.forum = ? AND p.message LIKE ?",
                forum,
                "%Durante a falha " + run + " #" + i + "<%"),
            "reply " + i + " exactly once");
      }
      assertEquals(
          1,
          lab.count(
              "SELECT COUNT(*) FROM mdl_groups_members gm JOIN mdl_groups g ON g.id = gm.groupid"
                  + " WHERE g.name = ? AND gm.userid = ?",
              "Falhas " + run,
              lab.userId("teacher3")),
          "the join made during the outage reached the group");
    }
  }
}
