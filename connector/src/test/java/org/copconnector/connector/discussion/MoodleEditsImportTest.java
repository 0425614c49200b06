package org.copconnector.connector.discussion;

import static org.copconnector.connector.discussion.DiscussionWorld.ALICE;
import static org.copconnector.connector.discussion.DiscussionWorld.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests;
import org.copconnector.plugin.discussion.DiscussionSearch;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.discussion.DiscussionViews;
import org.copconnector.plugin.discussion.PostIndex;
import org.copconnector.plugin.discussion.Revision;
import org.copconnector.plugin.testing.Photos;
import org.junit.jupiter.api.Test;

/**
 * A post written in Moodle and edited there afterwards, against the stand-in (which edits as Moodle
 * 4.5 does: the post's modified time moves, its discussion's stays): the import brings the edit
 * into the hub's copy, sanitised, with its pictures and attachments as on the first import, kept in
 * the search index and marked edited, and sends nothing back to Moodle.
 */
class MoodleEditsImportTest extends OnDiscussionWorld {

  private static final long GROUP_FORUM = 4;
  private static final long CAROL_IN_MOODLE = 6;

  MoodleEditsImportTest() {
    super("2026-11-23T10:00:00Z");
  }

  private static List<DiscussionSearch.Found> found(DiscussionSearch search, String words) {
    return search
        .search(BOB, new DiscussionSearch.Request(words, null, null, null, null, 0))
        .results();
  }

  @Test
  void anEditMadeInMoodleReachesTheHubsCopyAndIsNotSentBack() throws Exception {
    Community community =
        world.communities.create(
            ALICE, new NewCommunity("Exit tickets", "Formative checks", null, null, List.of("2")));
    world.deliverUntilDone();
    world.communities.chooseForum(ALICE, community.id(), "2", Long.toString(GROUP_FORUM));
    world.communities.join(BOB, community.id());
    DiscussionThread thread =
        world.discussions.start(
            ALICE,
            new DiscussionRequests.NewThread(community.id(), "Tickets", "<p>Which ones?</p>"));
    world.deliverUntilDone();
    FakeMoodleState.Discussion discussion = fake.state().discussionsOf(GROUP_FORUM).get(0);
    long carols =
        fake.replyInMoodle(
            discussion.firstPostId(),
            CAROL_IN_MOODLE,
            "Re: Tickets",
            "<p>Three questions, with dominoes.</p>");

    try (PostIndex index = new PostIndex(dataDir.resolve("index"))) {
      DiscussionSearch search =
          new DiscussionSearch(world.dataSource(), index, world.people(), ZoneOffset.UTC, clock);
      assertEquals(1, world.forumImport.importCourse("2").postsImported());
      assertEquals(1, found(search, "dominoes").size());
      long modifiedBefore = fake.state().discussions.get(discussion.id()).modified();

      // Carol edits her reply in Moodle: formatting, a photo in the text, a worksheet attached.
      byte[] photo = Photos.phonePhoto(1800, 1200, 4);
      long inline = fake.draftInMoodle(0, "quadro.jpg", photo);
      fake.editInMoodle(
          carols,
          CAROL_IN_MOODLE,
          "<p><strong>Two</strong> questions, with cards <img src=\""
              + fake.draftFileUrl(CAROL_IN_MOODLE, inline, "quadro.jpg")
              + "\" alt=\"the cards\"></p><p onclick=\"x()\">Ok<script>alert(1)</script></p>",
          inline);
      assertEquals(
          modifiedBefore,
          fake.state().discussions.get(discussion.id()).modified(),
          "Moodle keeps the discussion's time");

      var outcome = world.forumImport.importCourse("2");
      assertEquals(0, outcome.postsImported());
      assertEquals(1, outcome.postsEdited());
      DiscussionViews.PostView edited = world.discussions.read(BOB, thread.id(), 0).posts().get(1);
      String body = edited.body();
      assertTrue(
          body.startsWith(
              "<p><strong>Two</strong> questions, with cards <img src=\"/api/v1/post-files/"),
          body);
      assertTrue(body.contains("alt=\"the cards\""), body);
      assertFalse(body.contains("pluginfile") || body.contains("draftfile"), body);
      assertFalse(body.contains("script") || body.contains("onclick"), body);
      assertNotNull(edited.editedAt(), "marked edited");
      List<Revision> earlier = world.discussions.history(BOB, edited.id()).earlier();
      assertEquals(1, earlier.size());
      assertTrue(earlier.get(0).body().contains("Three questions, with dominoes."));
      assertEquals(List.of(), found(search, "dominoes"), "the search follows the edit");
      assertEquals(1, found(search, "cards").size());

      // Not sent back to Moodle, and taken once.
      world.deliverUntilDone();
      assertEquals(0, fake.calls("mod_forum_update_discussion_post").size());
      assertEquals(2, fake.state().postsOf(discussion.id()).size());
      assertEquals(0, world.forumImport.importCourse("2").postsEdited(), "once");

      // A later edit attaches a worksheet: the attachments follow, the picture stays.
      long sheet =
          fake.draftInMoodle(0, "ficha.txt", "Duas perguntas.".getBytes(StandardCharsets.UTF_8));
      String message = fake.state().posts.get(carols).message();
      fake.editInMoodle(carols, CAROL_IN_MOODLE, message + "<p>See the sheet.</p>", 0, sheet);
      assertEquals(1, world.forumImport.importCourse("2").postsEdited());
      DiscussionViews.PostView again = world.discussions.read(BOB, thread.id(), 0).posts().get(1);
      assertTrue(again.body().contains("<img src=\"/api/v1/post-files/"), again.body());
      assertTrue(again.body().endsWith("<p>See the sheet.</p>"), again.body());
      assertEquals(
          List.of("ficha.txt"),
          again.attachments().stream().map(DiscussionViews.Attachment::fileName).toList());
      assertEquals(2, world.discussions.history(BOB, again.id()).earlier().size());
    }
  }
}
