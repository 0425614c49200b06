package org.copconnector.connector.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.lti.LtiTool;
import org.copconnector.connector.metrics.ConnectorMetrics;
import org.copconnector.plugin.discussion.ForumImport;
import org.copconnector.plugin.people.RosterSync;
import org.copconnector.plugin.resource.Resources;
import org.copconnector.plugin.session.SessionStore;
import org.copconnector.plugin.store.SharedRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connector's own threads: the periodic work, and the on-demand roster syncs beside it. */
final class BackgroundWork {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);
  private static final Duration HOUSEKEEPING_EVERY = Duration.ofMinutes(10);
  private static final Duration OUTBOX_POLL = Duration.ofSeconds(5);

  private final ScheduledExecutorService scheduled;
  private final ExecutorService rosterSyncs;

  private BackgroundWork(ScheduledExecutorService scheduled, ExecutorService rosterSyncs) {
    this.scheduled = scheduled;
    this.rosterSyncs = rosterSyncs;
  }

  /** Both threads, daemons, idle until given work. */
  static BackgroundWork create() {
    ScheduledThreadPoolExecutor scheduled =
        new ScheduledThreadPoolExecutor(1, daemon("background"));
    // A stop does not wait for one-off work still to come (the signing key is made on first use
    // anyway): a connector stopped within seconds of its start stops at once.
    scheduled.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return new BackgroundWork(
        scheduled,
        // On-demand roster syncs wait for Moodle for seconds: their own thread, so they hold up
        // neither a request nor the other background work.
        Executors.newSingleThreadExecutor(daemon("roster-sync")));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  ScheduledExecutorService scheduled() {
    return scheduled;
  }

  ExecutorService rosterSyncs() {
    return rosterSyncs;
  }

  /** The periodic work, scheduled once everything it touches is ready. */
  void schedule(ConnectorConfig config, ConnectorServices services) {
    SessionStore sessions = services.sessions();
    LtiTool lti = services.lti();
    ProductServices features = services.features();
    Resources bank = features.bank();
    scheduled.scheduleWithFixedDelay(
        () -> housekeeping(sessions, lti), 10, HOUSEKEEPING_EVERY.toMinutes(), TimeUnit.MINUTES);
    ConnectorMetrics metrics = services.metrics();
    scheduled.scheduleWithFixedDelay(
        metrics.timed(
            "cop.outbox.delivery", "Rounds of delivering the outbox", services.delivery()::run),
        1,
        OUTBOX_POLL.toSeconds(),
        TimeUnit.SECONDS);
    // Yesterday's digests are queued soon after a start (a restart after midnight does not wait an
    // hour), then hourly; every instance may ask, each digest is queued once.
    scheduled.scheduleWithFixedDelay(
        features.core().notifier()::run, 30, TimeUnit.HOURS.toSeconds(1), TimeUnit.SECONDS);
    scheduled.scheduleWithFixedDelay(features.prompts()::run, 20, 60, TimeUnit.SECONDS);
    scheduled.scheduleWithFixedDelay(
        features.training().sessionPrompts()::run, 30, 60, TimeUnit.SECONDS);
    scheduled.scheduleWithFixedDelay(features.training().reminders()::run, 3, 60, TimeUnit.MINUTES);
    // The bank's search index follows the database's change log (other instances' changes too).
    scheduled.scheduleWithFixedDelay(bank::run, 5, 5, TimeUnit.SECONDS);
    // So does the discussions' (a search also takes in what was just written before it looks).
    scheduled.scheduleWithFixedDelay(features.discussionSearch()::run, 3, 5, TimeUnit.SECONDS);
    if (config.moodle().isPresent()) {
      RosterSync roster = services.roster();
      ForumImport forumImport = features.core().forumImport();
      Duration importInterval = config.discussions().importInterval();
      // With several instances on one database, one of them reads Moodle for each of these rounds.
      SharedRounds rounds = services.rounds();
      Duration syncInterval = config.syncInterval();
      scheduled.scheduleWithFixedDelay(
          rounds.guard(
              "roster-sync",
              syncInterval,
              metrics.timed(
                  "cop.roster.sync",
                  "Rounds of roster syncs of the courses due",
                  roster::syncDueCourses)),
          1,
          syncInterval.toMinutes(),
          TimeUnit.MINUTES);
      scheduled.scheduleWithFixedDelay(
          rounds.guard(
              "forum-import",
              importInterval,
              metrics.timed(
                  "cop.forum.import", "Rounds of reading Moodle forums", forumImport::run)),
          importInterval.toSeconds(),
          importInterval.toSeconds(),
          TimeUnit.SECONDS);
    }
  }

  /**
   * The tool's signing key exists from the first start, made once start-up is over (RSA key
   * generation is CPU-heavy and would slow the first requests).
   */
  void makeSigningKeySoon(LtiTool lti) {
    scheduled.schedule(() -> lti.keys().current(), 5, TimeUnit.SECONDS);
  }

  /** Lets running work finish until {@code deadline} ({@link System#nanoTime()}), then stops it. */
  void stop(long deadline) {
    scheduled.shutdown();
    rosterSyncs.shutdown();
    for (ExecutorService work : List.of(scheduled, rosterSyncs)) {
      try {
        if (!work.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          work.shutdownNow();
        }
      } catch (InterruptedException e) {
        work.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops at once, for a start that failed. */
  void stopNow() {
    scheduled.shutdownNow();
    rosterSyncs.shutdownNow();
  }

  /** Forgets expired sessions, login states and nonces; a failure waits for the next round. */
  private static void housekeeping(SessionStore sessions, LtiTool lti) {
    try {
      sessions.purgeExpired();
      lti.purgeExpired();
    } catch (RuntimeException e) {
      LOG.warn("housekeeping failed: {}", e.toString());
    }
  }
}
