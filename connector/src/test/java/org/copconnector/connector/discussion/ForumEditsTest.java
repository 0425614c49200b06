package org.copconnector.connector.discussion;

import static org.copconnector.connector.discussion.DiscussionWorld.ALICE;
import static org.copconnector.connector.discussion.DiscussionWorld.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.discussion.DiscussionViews;
import org.copconnector.plugin.discussion.SafeHtml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits of hub posts reach their copies in Moodle's forum through the outbox, once, against the
 * stand-in (which allows them as Moodle 4.5 does: the service user's own posts within Moodle's
 * editing time, with the README's capabilities); past that time a marked correction is posted.
 */
class ForumEditsTest {

  private static final long GROUP_FORUM = 4;
  private static final String UPDATE = "mod_forum_update_discussion_post";

  @TempDir Path dataDir;
  private FakeMoodle fake;
  private ManualClock clock;
  private DiscussionWorld world;
  private DiscussionThread thread;
  private String replyId;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeMoodle().start();
    clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
    world = new DiscussionWorld(dataDir, fake, clock);
    Community community =
        world.communities.create(
            ALICE, new NewCommunity("Algebra circle", "Equations", null, null, List.of("2")));
    world.communities.chooseForum(ALICE, community.id(), "2", Long.toString(GROUP_FORUM));
    world.communities.join(BOB, community.id());
    thread =
        world.discussions.start(
            ALICE,
            new DiscussionRequests.NewThread(
                community.id(), "Solving x² = 2", "<p>Where do we start?</p>"));
    replyId =
        world
            .discussions
            .reply(
                BOB,
                thread.id(),
                new DiscussionRequests.NewReply("<p>With a square.</p>", null, null))
            .id();
  }

  @AfterEach
  void stop() {
    world.close();
    fake.close();
  }

  private List<FakeMoodleState.Post> inMoodle() {
    FakeMoodleState.Discussion d = fake.state().discussionsOf(GROUP_FORUM).get(0);
    return fake.state().postsOf(d.id()).stream()
        .sorted(Comparator.comparingLong(FakeMoodleState.Post::id))
        .toList();
  }

  private void edit(String postId, String title, String body) {
    clock.advance(Duration.ofMinutes(1));
    world.discussions.edit(
        postId.equals(replyId) ? BOB : ALICE, postId, new DiscussionRequests.Edit(title, body));
  }

  private String firstPostId() {
    return world.discussions.read(ALICE, thread.id(), 0).posts().get(0).id();
  }

  @Test
  void anEditReplacesTheMoodleCopyOnceWithItsFormattingAndTex() {
    world.deliverUntilDone();
    String edited = "<p><strong>With a square</strong> of side \\( \\sqrt{2} &lt; 3 \\):</p>";
    edit(replyId, null, edited + "<ul><li>draw it</li></ul>");
    world.deliverUntilDone();
    world.deliverUntilDone();
    List<FakeMoodleState.Post> posts = inMoodle();
    assertEquals(2, posts.size(), "an edit, not a new post");
    String message = posts.get(1).message();
    assertTrue(message.startsWith(edited + "<ul><li>draw it</li></ul>"), message);
    assertTrue(message.contains("— Bob Brown, in the community hub · ref cop-"), message);
    assertEquals("Re: Solving x² = 2", posts.get(1).subject(), "a reply keeps its subject");
    assertEquals(1, fake.calls(UPDATE).size());
    assertEquals("", fake.calls(UPDATE).get(0).params().get("subject"));

    // A thread's first post: its new title is the discussion's name.
    edit(firstPostId(), "Solving x² = 2, by hand", "<p>Where do we start, \\(x\\)?</p>");
    world.deliverUntilDone();
    assertEquals(2, fake.calls(UPDATE).size());
    FakeMoodleState.Post first = inMoodle().get(0);
    assertTrue(first.message().startsWith("<p>Where do we start, \\(x\\)?</p>"), first.message());
    assertEquals(
        "Solving x² = 2, by hand", fake.state().discussionsOf(GROUP_FORUM).get(0).subject());
    assertEquals(0, world.forumImport.importCourse("2").postsImported(), "no echo of edits");
  }

  @Test
  void ofSeveralEditsBeforeDeliveryOnlyTheLastGoesOut() {
    world.deliverUntilDone();
    edit(replyId, null, "<p>Second</p>");
    edit(replyId, null, "<p>Third</p>");
    edit(replyId, null, "<p>Fourth</p>");
    world.deliverUntilDone();
    assertEquals(1, fake.calls(UPDATE).size(), "the last edit, once");
    assertTrue(inMoodle().get(1).message().startsWith("<p>Fourth</p>"));
  }

  @Test
  void anEditMadeBeforeTheCopyExistsIsInTheCopy() {
    edit(replyId, null, "<p>Edited before delivery</p>");
    world.deliverUntilDone();
    assertEquals(0, fake.calls(UPDATE).size(), "the copy was made with the edited text");
    assertTrue(inMoodle().get(1).message().startsWith("<p>Edited before delivery</p>"));
  }

  @Test
  void anEditWhoseAnswerWasLostIsHarmlessWhenSentAgain() {
    world.deliverUntilDone();
    fake.failNextCallOf(UPDATE, FakeMoodle.Fault.APPLY_THEN_DROP);
    edit(replyId, null, "<p>Once more</p>");
    world.deliverUntilDone();
    assertEquals(2, fake.calls(UPDATE).size(), "sent again after the lost answer");
    assertEquals(2, inMoodle().size());
    assertTrue(inMoodle().get(1).message().startsWith("<p>Once more</p>"));
  }

  @Test
  void pastMoodlesEditingTimeAMarkedCorrectionIsPostedOnce() {
    world.deliverUntilDone();
    // The edit is delivered after Moodle's 30 minutes (the connector was down, say).
    fake.state().advanceClock(3600);
    fake.failNextCallOf("mod_forum_add_discussion_post", FakeMoodle.Fault.APPLY_THEN_DROP);
    edit(replyId, null, "<p>Better: \\( x = \\sqrt{2} \\)</p>");
    world.deliverUntilDone();
    List<FakeMoodleState.Post> posts = inMoodle();
    assertEquals(3, posts.size(), "the copy and one correction: " + posts);
    FakeMoodleState.Post copy = posts.get(1);
    FakeMoodleState.Post correction = posts.get(2);
    assertTrue(copy.message().startsWith("<p>With a square.</p>"), "Moodle kept the copy");
    assertEquals(copy.id(), correction.parentId(), "under the edited copy");
    assertEquals("Correction: Solving x² = 2", correction.subject());
    // The sanitiser writes "=" as "&#61;": Moodle's maths filters read the TeX as typed (MathJax
    // reads the page's text, the TeX filter decodes entities).
    assertTrue(
        SafeHtml.text(correction.message())
            .startsWith(
                "Correction by Bob Brown: the post this answers was edited in the community hub"
                    + " and now reads:\nBetter: \\( x = \\sqrt{2} \\)"),
        correction.message());
    assertTrue(correction.message().startsWith("<p><strong>Correction by"), correction.message());
    assertTrue(correction.message().contains("ref cop-"), correction.message());

    // The import knows the correction as ours; a reply to it answers the edited post.
    assertEquals(0, world.forumImport.importCourse("2").postsImported());
    fake.replyInMoodle(correction.id(), 6, "Re: Correction", "<p>Thanks, clearer.</p>");
    assertEquals(1, world.forumImport.importCourse("2").postsImported());
    List<DiscussionViews.PostView> hub = world.discussions.read(ALICE, thread.id(), 0).posts();
    assertEquals(3, hub.size(), "no correction in the hub: the post itself was edited");
    assertEquals(replyId, hub.get(2).parentId());
    assertFalse(hub.get(1).body().contains("Correction"));
  }
}
