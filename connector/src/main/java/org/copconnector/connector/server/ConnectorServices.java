package org.copconnector.connector.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.config.ConnectorConfig.MoodleSettings;
import org.copconnector.connector.demo.DemoLms;
import org.copconnector.connector.gradebook.ScoreDelivery;
import org.copconnector.connector.lti.LtiTool;
import org.copconnector.connector.metrics.ConnectorMetrics;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleActivity;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.plugin.discussion.PostIndex;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.LmsStatus;
import org.copconnector.plugin.lms.UnconfiguredLms;
import org.copconnector.plugin.outbox.OutboxWorker;
import org.copconnector.plugin.outbox.RetryPolicy;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.people.RosterSync;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.resource.ForumShare;
import org.copconnector.plugin.resource.ResourceIndex;
import org.copconnector.plugin.session.SessionStore;
import org.copconnector.plugin.session.Tokens;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.SharedRounds;
import org.copconnector.plugin.training.GradebookScores;

/**
 * The product's services and what a running connector adds to them: the LMS (Moodle, the demo
 * schools or none), sessions and LTI launches, roster syncs and the outbox's delivery.
 */
record ConnectorServices(
    Clock clock,
    Lms lms,
    MoodleActivity moodleActivity,
    ConnectorMetrics metrics,
    Supplier<OkHttpClient> client,
    BlobStore blobs,
    ResourceIndex resourceIndex,
    PostIndex postIndex,
    ProductServices features,
    RosterSync roster,
    ForumShare forumShare,
    OutboxWorker delivery,
    SessionStore sessions,
    LtiTool lti,
    SharedRounds rounds) {

  private static final Duration LMS_PROBE_EVERY = Duration.ofSeconds(30);

  /** Wires them over {@code database}; in a demo ({@code demo} not null), on its schools. */
  static ConnectorServices wire(
      ConnectorConfig config, Database database, DemoSetup demo, BackgroundWork background) {
    Supplier<OkHttpClient> client = memoized(OkHttpClient::new);
    Clock clock = Clock.systemUTC();
    ConnectorMetrics metrics = new ConnectorMetrics(clock);
    MoodleActivity moodleActivity = new MoodleActivity(clock, metrics.registry());
    Lms lms =
        demo != null
            ? new DemoLms(demo.schools())
            : lms(config, client, background.scheduled(), moodleActivity);
    // The demo keeps its files in a temporary folder and its search indexes in memory.
    Path files = demo != null ? demo.folder() : config.filesDir();
    BlobStore blobs = new BlobStore(files.resolve("blobs"));
    ResourceIndex resourceIndex =
        demo != null
            ? ResourceIndex.inMemory()
            : new ResourceIndex(config.dataDir().resolve("index").resolve("resources"));
    PostIndex postIndex =
        demo != null
            ? PostIndex.inMemory()
            : new PostIndex(config.dataDir().resolve("index").resolve("posts"));
    ProductServices features =
        ProductServices.wire(
            database.dataSource(), lms, config, blobs, resourceIndex, postIndex, clock);
    CommunityServices core = features.core();
    PeopleStore people = core.people();
    RosterSync roster =
        new RosterSync(lms, people, clock, config.syncInterval(), background.rosterSyncs());
    boolean moodleConfigured = config.moodle().isPresent();
    ForumShare forumShare = new ForumShare(database.dataSource(), blobs, core.outbox(), people);
    SessionStore sessions =
        new SessionStore(database.dataSource(), clock, config.lti().sessionLifetime());
    // Calls to LTI platforms (registration, key sets, grades): short, so none holds up its caller.
    Supplier<OkHttpClient> platformClient =
        memoized(() -> client.get().newBuilder().callTimeout(Duration.ofSeconds(10)).build());
    LtiTool lti =
        new LtiTool(
            database.dataSource(),
            config.lti(),
            config.moodle().map(m -> m.url().toString()).orElse(null),
            sessions,
            people,
            platformClient,
            clock,
            courseId -> {
              // A course opened for the first time: its people are read now, in the background,
              // not at the next scheduled round; the launch never waits for it.
              if (moodleConfigured && people.neverSynced(courseId)) {
                roster.start(courseId);
              }
            },
            () -> core.outbox().dueNow(GradebookScores.KIND));
    OutboxWorker delivery =
        new OutboxWorker(
            core.outbox(),
            Stream.concat(
                    core.handlers(lms).stream(),
                    Stream.of(
                        forumShare.handler(lms, core.mappings(), core.groups()),
                        TrainingServices.calendarHandler(database.dataSource(), core, lms),
                        new ScoreDelivery(
                            lti.gradeServices(),
                            lti.platforms(),
                            lti.keys(),
                            new GradebookScores(database.dataSource(), core.outbox()),
                            platformClient,
                            clock)))
                .toList(),
            RetryPolicy.standard(),
            clock,
            () ->
                (lms instanceof MoodleLms moodle ? moodle.refresh() : lms.status()) == LmsStatus.UP,
            instanceName(config));
    SharedRounds rounds = new SharedRounds(database.dataSource(), instanceName(config), clock);
    metrics.watchPool(database.dataSource());
    metrics.watchOutbox(core.outbox());
    metrics.watchSearchIndexes(features.bank(), features.discussionSearch());
    return new ConnectorServices(
        clock,
        lms,
        moodleActivity,
        metrics,
        client,
        blobs,
        resourceIndex,
        postIndex,
        features,
        roster,
        forumShare,
        delivery,
        sessions,
        lti,
        rounds);
  }

  /** Both search indexes, closed together when the connector stops. */
  java.io.Closeable searchIndexes() {
    return () -> {
      try (ResourceIndex resources = resourceIndex;
          PostIndex posts = postIndex) {
        // both closed, the second even when the first fails
      }
    };
  }

  private static Lms lms(
      ConnectorConfig config,
      Supplier<OkHttpClient> client,
      ScheduledExecutorService background,
      MoodleActivity activity) {
    if (config.moodle().isEmpty()) {
      return new UnconfiguredLms();
    }
    MoodleSettings settings = config.moodle().get();
    OkHttpClient http = client.get();
    // Health probes get a short timeout and no retries: a slow Moodle must not stall /health.
    MoodleSettings probeSettings =
        new MoodleSettings(
            settings.url(), settings.token(), Duration.ofSeconds(3), 0, settings.maxInputVars());
    MoodleLms lms =
        new MoodleLms(
            Moodle.connect(http, settings, activity),
            config.syncPageSize(),
            Moodle.connect(http, probeSettings, activity).site(),
            Clock.systemUTC(),
            LMS_PROBE_EVERY.multipliedBy(2));
    // Keep the status warm so health checks answer from memory and operators see changes in the
    // log.
    background.scheduleWithFixedDelay(
        lms::refresh, 0, LMS_PROBE_EVERY.toSeconds(), TimeUnit.SECONDS);
    return lms;
  }

  /**
   * The same for every run of one instance and different between instances: each instance has its
   * own data folder (its search index lives there), and they run on different hosts or folders.
   */
  private static String instanceName(ConnectorConfig config) {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    String place = host + ":" + config.dataDir().toAbsolutePath().normalize();
    // The lease column is short; the digest keeps the name to a fixed length.
    return "worker-" + Tokens.sha256(place).substring(0, 32);
  }

  /** A value made on first use, once. */
  private static <T> Supplier<T> memoized(Supplier<T> make) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = make.get();
        }
        return value;
      }
    };
  }
}
