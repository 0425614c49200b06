package org.copconnector.connector.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.copconnector.connector.moodle.Backoff;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleClient;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodle.Fault;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.community.GroupMirror;
import org.copconnector.plugin.outbox.LmsMappings;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.outbox.OutboxWorker;
import org.copconnector.plugin.outbox.RetryPolicy;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Community membership mirrored into Moodle groups through the durable outbox, faults and restarts
 * included.
 */
class GroupMirrorDeliveryTest {

  private static final String ANCHOR = "a1";

  @TempDir Path dataDir;
  private FakeMoodle fake;
  private Database database;
  private ManualClock clock;
  private Outbox outbox;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeMoodle().start();
    database = Database.open(DatabaseSettings.h2File(dataDir, 5));
    database.migrate();
    clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
    outbox = new Outbox(database.dataSource(), clock);
  }

  @AfterEach
  void stop() {
    database.close();
    fake.close();
  }

  /** A worker as one connector instance runs it; a new one stands for a restarted instance. */
  private OutboxWorker worker() {
    Moodle moodle =
        new Moodle(
            new MoodleClient(
                new OkHttpClient.Builder().callTimeout(Duration.ofMillis(800)).build(),
                fake.url(),
                FakeMoodle.TOKEN,
                0,
                1000,
                Backoff.none()));
    MoodleLms lms = new MoodleLms(moodle, 500, moodle.site(), clock, Duration.ofMinutes(1));
    GroupMirror mirror = new GroupMirror(lms, new LmsMappings(database.dataSource(), clock));
    RetryPolicy retry =
        new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 20, () -> 0.5);
    return new OutboxWorker(outbox, List.of(mirror.adding(), mirror.removing()), retry, clock);
  }

  private void enqueue(String key, String kind, String... users) {
    outbox.enqueue(
        kind,
        key,
        GroupMirror.payload(new GroupMirror.Change(ANCHOR, "2", "Lesson study", List.of(users))));
  }

  private List<FakeMoodleState.Group> anchorGroups() {
    return fake.state().groups.values().stream()
        .filter(g -> g.idnumber().equals(GroupMirror.groupIdnumber(ANCHOR)))
        .toList();
  }

  private Set<Long> members() {
    return fake.state().groupMembers.get(anchorGroups().get(0).id());
  }

  /** Runs delivery rounds, moving the clock past every back-off, until nothing is pending. */
  private void deliverUntilDone(OutboxWorker worker) {
    for (int round = 0; round < 30 && outbox.count(OutboxMessage.Status.PENDING) > 0; round++) {
      worker.deliverDue();
      clock.advance(Duration.ofMinutes(2));
    }
    assertEquals(0, outbox.count(OutboxMessage.Status.PENDING), "all delivered");
  }

  @Test
  void joinsAndLeavesReachTheGroupCreatedOnFirstNeed() {
    OutboxWorker worker = worker();
    enqueue("join-4", GroupMirror.ADD, "4", "6");
    assertEquals(1, worker.deliverDue());
    assertEquals(1, anchorGroups().size());
    assertEquals("Lesson study", anchorGroups().get(0).name());
    assertEquals(Set.of(4L, 6L), members());
    enqueue("leave-4", GroupMirror.REMOVE, "4");
    enqueue("join-5", GroupMirror.ADD, "5");
    assertEquals(2, worker.deliverDue());
    assertEquals(Set.of(5L, 6L), members());
    assertEquals(
        1,
        fake.calls("core_group_create_groups").size(),
        "the group id was kept, not looked up again");
  }

  @Test
  void enqueuingTheSameWriteTwiceKeepsOne() {
    enqueue("join-4", GroupMirror.ADD, "4");
    enqueue("join-4", GroupMirror.ADD, "4");
    assertEquals(1, outbox.count(OutboxMessage.Status.PENDING));
  }

  @Test
  void everyWriteMadeDuringAnOutageArrivesExactlyOnceAfterRecovery() {
    OutboxWorker worker = worker();
    enqueue("join-4", GroupMirror.ADD, "4");
    enqueue("join-5", GroupMirror.ADD, "5");
    enqueue("leave-4", GroupMirror.REMOVE, "4");
    enqueue("join-6", GroupMirror.ADD, "6");
    fake.failNext(Fault.HTTP_503, 3);
    fake.failNext(
        Fault.APPLY_THEN_DROP,
        2); // the group is created but the answer is lost, then a member added likewise
    fake.failNext(Fault.DROP_CONNECTION, 1);
    fake.failNext(Fault.HTML_PAGE, 1);
    deliverUntilDone(worker);
    fake.latency(Duration.ofSeconds(2)); // timeouts: nothing due, nothing sent
    worker.deliverDue();
    fake.latency(Duration.ZERO);
    assertEquals(1, anchorGroups().size(), "no duplicate group after a lost answer");
    assertEquals(Set.of(5L, 6L), members());
    assertEquals(4, outbox.count(OutboxMessage.Status.DELIVERED));
    assertTrue(
        outbox.list(OutboxMessage.Status.DELIVERED, 10).stream().anyMatch(m -> m.attempts() > 1),
        "some needed retries");
  }

  @Test
  void timeoutsAreRetriedAndAnAnswerLostAfterTheWriteIsNotDuplicated() {
    OutboxWorker worker = worker();
    enqueue("join-4", GroupMirror.ADD, "4");
    fake.latency(Duration.ofSeconds(2));
    worker.deliverDue();
    fake.latency(Duration.ZERO);
    assertEquals(1, outbox.count(OutboxMessage.Status.PENDING), "kept for a retry");
    deliverUntilDone(worker);
    assertEquals(1, anchorGroups().size());
    assertEquals(Set.of(4L), members());
  }

  @Test
  void aRestartInTheMiddleOfDeliveryLosesAndDuplicatesNothing() {
    enqueue("join-4", GroupMirror.ADD, "4");
    enqueue("join-5", GroupMirror.ADD, "5");
    // An instance claims both and dies before delivering them.
    assertEquals(2, outbox.claimDue("crashed-instance", 10, Duration.ofMinutes(2)).size());
    OutboxWorker restarted = worker();
    assertEquals(0, restarted.deliverDue(), "the lease of the dead instance still holds");
    clock.advance(Duration.ofMinutes(3));
    assertEquals(2, restarted.deliverDue());
    assertEquals(0, restarted.deliverDue());
    assertEquals(1, anchorGroups().size());
    assertEquals(Set.of(4L, 5L), members());
  }

  @Test
  void aRefusedWriteFailsWithItsReasonAndCanBeRetriedByAnAdministrator() {
    OutboxWorker worker = worker();
    enqueue("join-9", GroupMirror.ADD, "9"); // not enrolled in course 2: Moodle refuses
    worker.deliverDue();
    OutboxMessage failed = outbox.list(OutboxMessage.Status.FAILED, 10).get(0);
    assertTrue(failed.lastError().contains("invalidparameter"), failed.lastError());
    assertTrue(outbox.retryNow(failed.id()));
    assertEquals(1, outbox.count(OutboxMessage.Status.PENDING));
    fake.state().enrol(2, 9, "student");
    worker.deliverDue();
    assertEquals(0, outbox.count(OutboxMessage.Status.FAILED));
    assertTrue(members().contains(9L));
    assertFalse(outbox.retryNow(failed.id()), "a delivered message is not sent again");
  }

  @Test
  void aLeaveNeverOvertakesTheJoinBeforeIt() {
    OutboxWorker worker = worker();
    String sequence = "group:" + ANCHOR + ":4";
    String join =
        GroupMirror.payload(new GroupMirror.Change(ANCHOR, "2", "Lesson study", List.of("4")));
    outbox.enqueue(GroupMirror.ADD, "join-4", sequence, join);
    outbox.enqueue(GroupMirror.REMOVE, "leave-4", sequence, join);
    enqueue("join-6", GroupMirror.ADD, "6"); // another person, not held back
    fake.failNext(Fault.HTTP_503, 1); // the join's first attempt fails
    worker.deliverDue();
    assertEquals(
        1, outbox.count(OutboxMessage.Status.DELIVERED), "only the unrelated join went through");
    assertEquals(2, outbox.count(OutboxMessage.Status.PENDING), "the leave waits for the join");
    deliverUntilDone(worker);
    assertEquals(Set.of(6L), members(), "joined, then left, in that order");
  }
}
