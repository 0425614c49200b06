package org.copconnector.connector.discussion;

import static org.copconnector.connector.discussion.DiscussionWorld.ALICE;
import static org.copconnector.connector.discussion.DiscussionWorld.BOB;
import static org.copconnector.connector.discussion.DiscussionWorld.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodle.Fault;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.OutboxHandler;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.outbox.OutboxWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes made while Moodle fails (503s, timeouts, an answer lost after the write was applied) and
 * across a restart in the middle of delivery reach Moodle exactly once.
 */
class ForumFaultsTest {

  private static final long GROUP_FORUM = 4;

  @TempDir Path dataDir;
  private FakeMoodle fake;
  private ManualClock clock;
  private DiscussionWorld world;
  private Community community;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeMoodle().start();
    clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
    world = new DiscussionWorld(dataDir, fake, clock);
    community =
        world.communities.create(
            ALICE, new NewCommunity("Assessment circle", "Rubrics", null, null, List.of("2")));
    world.communities.chooseForum(ALICE, community.id(), "2", Long.toString(GROUP_FORUM));
    world.deliverUntilDone();
  }

  @AfterEach
  void stop() {
    world.close();
    fake.close();
  }

  private DiscussionThread thread(String title) {
    return world.discussions.start(
        ALICE, new DiscussionRequests.NewThread(community.id(), title, "<p>" + title + "</p>"));
  }

  private void reply(DiscussionWorld in, DiscussionThread thread, String text) {
    in.discussions.reply(
        ALICE, thread.id(), new DiscussionRequests.NewReply("<p>" + text + "</p>", null, null));
  }

  /** Every message of the group forum, counted: each text must be there once. */
  private java.util.Map<String, Long> messagesInMoodle() {
    return fake.state().posts.values().stream()
        .filter(p -> fake.state().discussions.get(p.discussionId()).forumId() == GROUP_FORUM)
        .map(p -> p.message().replaceAll("<p><small>.*", ""))
        .collect(Collectors.groupingBy(m -> m, Collectors.counting()));
  }

  private Set<Long> groupMembers() {
    FakeMoodleState.Group group =
        fake.state().groups.values().stream()
            .filter(g -> g.idnumber().startsWith("cop-anchor-"))
            .findFirst()
            .orElseThrow();
    return fake.state().groupMembers.get(group.id());
  }

  @Test
  void thirtyRepliesOfOneThreadGoOutInOneRoundOnceMoodleAnswersAgain() {
    DiscussionThread thread = thread("Lesson study");
    world.deliverUntilDone();
    OutboxWorker worker = world.workerWatchingMoodle();
    fake.failNext(Fault.HTTP_503, 1000); // Moodle is down
    for (int i = 1; i <= 30; i++) {
      reply(world, thread, "Observation " + i);
    }
    assertEquals(0, worker.deliverDue(), "the first reply fails: Moodle is down");
    clock.advance(Duration.ofSeconds(5));
    assertEquals(0, worker.deliverDue(), "still down: nothing is sent");
    fake.clearFaults();
    clock.advance(Duration.ofSeconds(5)); // far less than the first reply's back-off (a minute)
    assertEquals(30, worker.deliverDue(), "all thirty in the round after Moodle answers");
    java.util.Map<String, Long> messages = messagesInMoodle();
    for (int i = 1; i <= 30; i++) {
      assertEquals(1L, messages.get("<p>Observation " + i + "</p>"), "once: Observation " + i);
    }
  }

  @Test
  void writesMadeDuringAnOutageArriveExactlyOnceAfterRecovery() {
    DiscussionThread first = thread("Rubric for lab reports");
    reply(world, first, "First draft attached in the next post");
    world.communities.join(BOB, community.id());
    DiscussionThread second = thread("Peer assessment");
    reply(world, second, "Who has tried it with grade 7?");
    reply(world, first, "Second draft");

    fake.failNext(Fault.HTTP_503, 3);
    world.worker.deliverDue();
    clock.advance(Duration.ofMinutes(2));
    fake.failNext(Fault.APPLY_THEN_DROP, 2); // a discussion and a post made, answers lost
    world.worker.deliverDue();
    clock.advance(Duration.ofMinutes(2));
    fake.latency(Duration.ofSeconds(2)); // timeouts: Moodle too slow to answer
    world.worker.deliverDue();
    fake.latency(Duration.ZERO);
    clock.advance(Duration.ofMinutes(2));
    fake.failNext(Fault.DROP_CONNECTION, 1);
    fake.failNext(Fault.TRUNCATED_BODY, 1);
    world.deliverUntilDone();

    java.util.Map<String, Long> messages = messagesInMoodle();
    assertEquals(5, messages.size(), messages.toString());
    messages.forEach((text, count) -> assertEquals(1L, count, "exactly once: " + text));
    assertEquals(2, fake.state().discussionsOf(GROUP_FORUM).size());
    assertEquals(Set.of(4L, 5L), groupMembers());
    assertTrue(
        world.outbox.list(OutboxMessage.Status.DELIVERED, 100).stream()
            .anyMatch(m -> m.attempts() > 0),
        "some deliveries needed retries");
  }

  @Test
  void aRestartInTheMiddleOfDeliveryLosesAndDuplicatesNothing() throws Exception {
    DiscussionThread thread = thread("Exit tickets");
    world.deliverUntilDone();
    reply(world, thread, "Applied before the crash");
    reply(world, thread, "Claimed but never sent");
    world.communities.join(CAROL, community.id());

    // An instance takes what is due, and dies while writing the first reply: Moodle applied it, the
    // instance never learnt so (nor recorded anything).
    List<OutboxMessage> claimed =
        world.outbox.claimDue("dying-instance", 10, Duration.ofMinutes(2));
    assertEquals(2, claimed.size(), "the second reply waits behind the first of its thread");
    assertEquals(org.copconnector.plugin.discussion.ForumMirror.REPLY, claimed.get(0).kind());
    OutboxHandler replies = world.forums.replies();
    fake.failNext(Fault.APPLY_THEN_DROP, 1);
    assertThrows(DeliveryFailure.class, () -> replies.deliver(claimed.get(0)));
    world.close();

    // The restarted instance waits for the dead one's lease, then finishes the work.
    world = new DiscussionWorld(dataDir, fake, clock);
    assertEquals(0, world.worker.deliverDue(), "the dead instance's lease still holds");
    clock.advance(Duration.ofMinutes(3));
    world.deliverUntilDone();

    java.util.Map<String, Long> messages = messagesInMoodle();
    assertEquals(3, messages.size(), messages.toString());
    messages.forEach((text, count) -> assertEquals(1L, count, "exactly once: " + text));
    assertEquals(Set.of(4L, 6L), groupMembers());
    assertEquals(3, world.discussions.read(ALICE, thread.id(), 0).posts().size());
  }
}
