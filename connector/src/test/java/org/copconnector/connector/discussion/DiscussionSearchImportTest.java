package org.copconnector.connector.discussion;

import static org.copconnector.connector.discussion.DiscussionWorld.ALICE;
import static org.copconnector.connector.discussion.DiscussionWorld.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests;
import org.copconnector.plugin.discussion.DiscussionSearch;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.discussion.PostIndex;
import org.copconnector.plugin.session.Session;
import org.junit.jupiter.api.Test;

/**
 * The discussion search against the Moodle stand-in, wired as the server wires it: a reply written
 * in Moodle is found once imported, and an index that is lost (a new instance) is built again from
 * the database.
 */
class DiscussionSearchImportTest extends OnDiscussionWorld {

  private static final long GROUP_FORUM = 4;

  DiscussionSearchImportTest() {
    super("2026-11-23T10:00:00Z");
  }

  private DiscussionSearch search(PostIndex index) {
    return new DiscussionSearch(world.dataSource(), index, world.people(), ZoneOffset.UTC, clock);
  }

  private static List<DiscussionSearch.Found> found(
      DiscussionSearch search, Session session, String words) {
    return search
        .search(session, new DiscussionSearch.Request(words, null, null, null, null, 0))
        .results();
  }

  @Test
  void aReplyWrittenInMoodleIsFoundOnceImportedAndALostIndexIsBuiltAgain() throws Exception {
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
    world.communities.chooseForum(ALICE, community.id(), "2", Long.toString(GROUP_FORUM));
    world.communities.join(BOB, community.id());
    world.deliverUntilDone();
    DiscussionThread thread =
        world.discussions.start(
            ALICE,
            new DiscussionRequests.NewThread(
                community.id(), "Models for fractions", "<p>Bars or circles?</p>"));
    world.deliverUntilDone();
    FakeMoodleState.Discussion discussion = fake.state().discussionsOf(GROUP_FORUM).get(0);
    FakeMoodleState.Post first =
        fake.state().postsOf(discussion.id()).stream()
            .min(Comparator.comparingLong(FakeMoodleState.Post::id))
            .orElseThrow();
    fake.replyInMoodle(
        first.id(), 6, "Re: models", "<p>Cuisenaire rods, with <b>equal</b> parts.</p>");

    Path folder = dataDir.resolve("index").resolve("posts");
    try (PostIndex index = new PostIndex(folder)) {
      DiscussionSearch search = search(index);
      assertEquals(List.of(), found(search, BOB, "cuisenaire"), "not imported yet");
      assertEquals(1, world.forumImport.importCourse("2").postsImported());
      List<DiscussionSearch.Found> imported = found(search, BOB, "CUISENAIRE rods");
      assertEquals(1, imported.size());
      assertEquals("Carol Clark", imported.get(0).authorName());
      assertEquals(thread.id(), imported.get(0).threadId());
      assertEquals(
          "<mark>Cuisenaire</mark> <mark>rods</mark>, with equal parts.",
          imported.get(0).highlights().get("text"));
      search.run();
    }

    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
    try (PostIndex rebuilt = new PostIndex(folder)) {
      DiscussionSearch search = search(rebuilt);
      search.refresh();
      assertEquals(1, found(search, BOB, "cuisenaire").size(), "built again from the database");
      assertEquals(1, found(search, BOB, "circles").size());
      assertEquals(1, found(search, BOB, "fractions").size(), "the thread's title");
    }
  }
}
