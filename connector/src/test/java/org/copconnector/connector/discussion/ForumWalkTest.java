package org.copconnector.connector.discussion;

import static org.copconnector.connector.discussion.DiscussionWorld.ALICE;
import static org.copconnector.connector.discussion.DiscussionWorld.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.discussion.DiscussionViews;
import org.copconnector.plugin.discussion.NotificationChoice;
import org.copconnector.plugin.discussion.Post;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conversation against the Moodle stand-in: create, join, post, a reply written in
 * Moodle, imported once, a reply in the hub, mirrored once; Moodle's state checked at each step.
 */
class ForumWalkTest {

  private static final long GROUP_FORUM = 4;

  @TempDir Path dataDir;
  private FakeMoodle fake;
  private DiscussionWorld world;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeMoodle().start();
    world =
        new DiscussionWorld(dataDir, fake, new ManualClock(Instant.parse("2026-11-23T10:00:00Z")));
  }

  @AfterEach
  void stop() {
    world.close();
    fake.close();
  }

  private FakeMoodleState state() {
    return fake.state();
  }

  private FakeMoodleState.Group group(String communityId) {
    String anchorId = world.communities.get(ALICE, communityId).community().id();
    List<FakeMoodleState.Group> groups =
        state().groups.values().stream()
            .filter(g -> g.idnumber().startsWith("cop-anchor-"))
            .toList();
    assertEquals(1, groups.size(), "one group for the anchor: " + anchorId);
    return groups.get(0);
  }

  private List<FakeMoodleState.Post> postsInMoodle(long discussionId) {
    return state().postsOf(discussionId).stream()
        .sorted(java.util.Comparator.comparingLong(FakeMoodleState.Post::id))
        .toList();
  }

  @Test
  void aConversationCrossesBetweenTheHubAndMoodleOnceEachWay() {
    // Create: the facilitator's community gets its group, with her in it.
    Community community =
        world.communities.create(
            ALICE,
            new NewCommunity(
                "Fractions lesson study",
                "Teaching fractions in grade 5",
                null,
                null,
                List.of("2")));
    world.deliverUntilDone();
    FakeMoodleState.Group group = group(community.id());
    assertEquals(2, group.courseId());
    assertEquals(Set.of(4L), state().groupMembers.get(group.id()));
    world.communities.chooseForum(ALICE, community.id(), "2", Long.toString(GROUP_FORUM));

    // Join: Bob is added to the group.
    world.communities.join(BOB, community.id());
    world.deliverUntilDone();
    assertEquals(Set.of(4L, 5L), state().groupMembers.get(group.id()));
    world.discussions.setNotifications(ALICE, community.id(), NotificationChoice.EVERY_POST);

    // Post: a discussion in the community's group of the chosen forum, by the service account.
    DiscussionThread thread =
        world.discussions.start(
            ALICE,
            new DiscussionRequests.NewThread(
                community.id(),
                "Which models work for ½ + ⅓?",
                "<p>Bars or circles? <script>x()</script></p>"));
    world.deliverUntilDone();
    List<FakeMoodleState.Discussion> discussions = state().discussionsOf(GROUP_FORUM);
    assertEquals(1, discussions.size());
    FakeMoodleState.Discussion discussion = discussions.get(0);
    assertEquals(group.id(), discussion.groupId(), "in the community's group");
    assertEquals("Which models work for ½ + ⅓?", discussion.subject());
    FakeMoodleState.Post first = postsInMoodle(discussion.id()).get(0);
    assertEquals(state().serviceUserId, first.userId());
    assertTrue(first.message().contains("Bars or circles?"), first.message());
    assertTrue(
        first.message().contains("— Alice Anderson, in the community hub"),
        "the author's name is in the post, in her language: " + first.message());
    assertTrue(!first.message().contains("script"), first.message());

    // A reply written directly in Moodle, imported once however often the import runs.
    long moodleReply =
        fake.replyInMoodle(first.id(), 6, "Re: models", "<p>Bars, with <b>equal</b> parts.</p>");
    assertEquals(1, world.forumImport.importCourse("2").postsImported());
    assertEquals(0, world.forumImport.importCourse("2").postsImported());
    DiscussionViews.ThreadPage page = world.discussions.read(BOB, thread.id(), 0);
    assertEquals(2, page.posts().size());
    DiscussionViews.PostView imported = page.posts().get(1);
    assertEquals("Carol Clark", imported.authorName());
    assertEquals(Post.Origin.LMS, imported.origin());
    assertEquals("<p>Bars, with <b>equal</b> parts.</p>", imported.body());
    world.deliverUntilDone();
    assertEquals(2, postsInMoodle(discussion.id()).size(), "the imported reply is not sent back");

    // A reply in the hub, answering Carol: mirrored once, under her post, and signed in Bob's
    // language.
    world.people().languages().choose(null, BOB.lmsUserId(), "pt");
    world.discussions.reply(
        BOB,
        thread.id(),
        new DiscussionRequests.NewReply(
            "<p>Agreed — bars make the common denominator visible.</p>",
            imported.id(),
            new DiscussionRequests.Quote(imported.id(), "equal parts")));
    world.deliverUntilDone();
    world.deliverUntilDone();
    List<FakeMoodleState.Post> inMoodle = postsInMoodle(discussion.id());
    assertEquals(3, inMoodle.size());
    FakeMoodleState.Post mirrored = inMoodle.get(2);
    assertEquals(moodleReply, mirrored.parentId(), "answers Carol's post");
    assertTrue(
        mirrored.message().contains("— Bob Brown, no espaço da comunidade"), mirrored.message());
    assertTrue(mirrored.message().contains("<blockquote><p>equal parts</p></blockquote>"));

    // The import sees our own reply and does not bring it back.
    assertEquals(0, world.forumImport.importCourse("2").postsImported());
    assertEquals(3, world.discussions.read(BOB, thread.id(), 0).posts().size());

    // Alice asked for every post: told of Carol's and Bob's, not of her own.
    List<FakeMoodleState.Message> toAlice =
        state().messages.stream().filter(m -> m.toUserId() == 4).toList();
    assertEquals(2, toAlice.size(), String.valueOf(toAlice));
    assertTrue(state().messages.stream().noneMatch(m -> m.toUserId() == 5), "Bob chose nothing");
  }

  @Test
  void anUnchangedCourseCostsOneListingPerForum() {
    Community community =
        world.communities.create(
            ALICE, new NewCommunity("Quiet room", "Nothing new", null, null, List.of("2")));
    world.communities.chooseForum(ALICE, community.id(), "2", Long.toString(GROUP_FORUM));
    world.discussions.start(
        ALICE, new DiscussionRequests.NewThread(community.id(), "Hello", "<p>First</p>"));
    world.deliverUntilDone();
    world.forumImport.importCourse("2");
    int before = fake.requestCount();
    world.forumImport.importCourse("2");
    assertEquals(1, fake.requestCount() - before, fake.calls().toString());
  }

  @Test
  void aForumWithoutGroupsIsWhollyItsOneCommunitysAndAnnouncementsAreNotOffered() {
    Community community =
        world.communities.create(
            ALICE, new NewCommunity("Whole course", "Everyone", null, null, List.of("2")));
    List<String> offered =
        world.communities.forums(ALICE, community.id(), "2").stream()
            .map(Communities.ForumChoice::id)
            .toList();
    assertEquals(List.of("3", "4"), offered, "not the Announcements forum (1)");
    ApiException announcements =
        assertThrows(
            ApiException.class,
            () -> world.communities.chooseForum(ALICE, community.id(), "2", "1"));
    assertEquals(422, announcements.status());
    assertEquals(Reason.FORUM_CLOSED_TO_TEACHERS, announcements.reason());
    world.communities.chooseForum(ALICE, community.id(), "2", "3");
    Community other =
        world.communities.create(
            ALICE, new NewCommunity("Second room", "Also", null, null, List.of("2")));
    ApiException taken =
        assertThrows(
            ApiException.class, () -> world.communities.chooseForum(ALICE, other.id(), "2", "3"));
    assertEquals(409, taken.status());
    assertEquals(Reason.FORUM_TAKEN, taken.reason());
    assertEquals("3", taken.details().get("forumId"));
    world.deliverUntilDone();

    fake.discussionInMoodle(3, 0, 6, "Avaliação", "<p>Como avaliam o trabalho de grupo?</p>");
    assertEquals(1, world.forumImport.importCourse("2").postsImported());
    assertEquals(
        List.of("Avaliação"),
        world.discussions.threads(ALICE, community.id(), 0).threads().stream()
            .map(t -> t.thread().title())
            .toList());
  }
}
