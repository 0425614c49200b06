package org.copconnector.connector.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.OkHttpClient;
import org.copconnector.connector.moodle.Backoff;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleClient;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.server.CommunityServices;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.discussion.DiscussionLimits;
import org.copconnector.plugin.discussion.Discussions;
import org.copconnector.plugin.discussion.ForumImport;
import org.copconnector.plugin.discussion.ForumMirror;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.discussion.PostFiles;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.outbox.OutboxWorker;
import org.copconnector.plugin.outbox.RetryPolicy;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;

/**
 * One connector instance wired as in production over a database folder and the Moodle stand-in,
 * with a manual clock; opening a second over the same folder stands for a restart.
 */
public final class DiscussionWorld implements AutoCloseable {

  public static final Session ALICE = session("4", "Alice Anderson", ProductRole.FACILITATOR);
  static final Session BOB = session("5", "Bob Brown", ProductRole.MEMBER);
  static final Session CAROL = session("6", "Carol Clark", ProductRole.MEMBER);

  final Database database;
  final PeopleStore people;
  final Outbox outbox;
  final MoodleLms lms;
  final ForumMirror forums;
  final Notifier notifier;
  final Communities communities;
  final Discussions discussions;
  final ForumImport forumImport;
  final PostFiles postFiles;
  final OutboxWorker worker;
  private final CommunityServices core;
  private final ManualClock clock;

  public DiscussionWorld(Path dataDir, FakeMoodle fake, ManualClock clock) {
    this.clock = clock;
    database = Database.open(DatabaseSettings.h2File(dataDir, 5));
    database.migrate();
    Moodle moodle =
        new Moodle(
            new MoodleClient(
                new OkHttpClient.Builder().callTimeout(Duration.ofMillis(800)).build(),
                fake.url(),
                FakeMoodle.TOKEN,
                0,
                1000,
                Backoff.none()));
    lms = new MoodleLms(moodle, 500, moodle.site(), clock, Duration.ofMinutes(1));
    // The server's own wiring, so these tests drive what production runs.
    core =
        CommunityServices.wire(
            database.dataSource(), lms, ZoneOffset.UTC, DiscussionLimits.defaults(), clock);
    people = core.people();
    outbox = core.outbox();
    forums = core.forums();
    notifier = core.notifier();
    communities = core.communities();
    discussions = core.discussions();
    forumImport = core.forumImport();
    postFiles = core.postFiles();
    worker =
        new OutboxWorker(
            outbox,
            core.handlers(lms),
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 30, () -> 0.5),
            clock);
    for (Session s : List.of(ALICE, BOB, CAROL)) {
      people.recordLaunch(
          "2",
          "Science Department CoP",
          new Participant(
              s.lmsUserId(), s.displayName(), null, List.of("editingteacher"), List.of()));
    }
  }

  /** A worker like the server's: it asks Moodle whether it answers again after a failure. */
  OutboxWorker workerWatchingMoodle() {
    return new OutboxWorker(
        outbox,
        core.handlers(lms),
        new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(30), 50, () -> 0.5),
        clock,
        () -> lms.refresh() == org.copconnector.plugin.lms.LmsStatus.UP,
        "worker-test");
  }

  static Session session(String id, String name, ProductRole role) {
    return new Session(
        null, id, name, null, "en", "2", "Science Department CoP", role, false, null);
  }

  /** Runs delivery rounds, moving the clock past every back-off, until nothing is pending. */
  void deliverUntilDone() {
    for (int round = 0; round < 40 && outbox.count(OutboxMessage.Status.PENDING) > 0; round++) {
      worker.deliverDue();
      clock.advance(Duration.ofMinutes(2));
    }
    assertEquals(0, outbox.count(OutboxMessage.Status.PENDING), "all delivered");
    assertEquals(0, outbox.count(OutboxMessage.Status.FAILED), "none failed");
  }

  public Communities communities() {
    return communities;
  }

  public javax.sql.DataSource dataSource() {
    return database.dataSource();
  }

  public PeopleStore people() {
    return people;
  }

  public Outbox outbox() {
    return outbox;
  }

  public MoodleLms lms() {
    return lms;
  }

  public ForumImport forumImport() {
    return forumImport;
  }

  @Override
  public void close() {
    database.close();
  }
}
