package org.copconnector.connector.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.copconnector.connector.admin.ChecksResource;
import org.copconnector.connector.admin.Checkup;
import org.copconnector.connector.admin.MoodleConnections;
import org.copconnector.connector.admin.StatusResource;
import org.copconnector.connector.config.ConfigException;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.config.ConnectorConfig.MoodleSettings;
import org.copconnector.connector.demo.DemoFiles;
import org.copconnector.connector.demo.DemoLms;
import org.copconnector.connector.demo.DemoMode;
import org.copconnector.connector.demo.DemoResource;
import org.copconnector.connector.demo.DemoSchools;
import org.copconnector.connector.demo.SampleContent;
import org.copconnector.connector.doctor.CheckResult;
import org.copconnector.connector.doctor.DatabaseCheck;
import org.copconnector.connector.doctor.Doctor;
import org.copconnector.connector.doctor.RequiredFunctions;
import org.copconnector.connector.lti.LtiTool;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleActivity;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.community.CommunityResource;
import org.copconnector.plugin.community.CourseSettings;
import org.copconnector.plugin.community.CourseSettingsResource;
import org.copconnector.plugin.discussion.DiscussionResource;
import org.copconnector.plugin.discussion.Discussions;
import org.copconnector.plugin.discussion.ForumImport;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.hub.HubResource;
import org.copconnector.plugin.hub.LanguageResource;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.LmsStatus;
import org.copconnector.plugin.lms.UnconfiguredLms;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxResource;
import org.copconnector.plugin.outbox.OutboxTargets;
import org.copconnector.plugin.outbox.OutboxWorker;
import org.copconnector.plugin.outbox.RetryPolicy;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.people.RosterOverviewResource;
import org.copconnector.plugin.people.RosterResource;
import org.copconnector.plugin.people.RosterSync;
import org.copconnector.plugin.prompt.PromptResource;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.copconnector.plugin.prompt.ReflectionResource;
import org.copconnector.plugin.resource.BankExport;
import org.copconnector.plugin.resource.BankResource;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.resource.ForumShare;
import org.copconnector.plugin.resource.ImportResource;
import org.copconnector.plugin.resource.MoodleImport;
import org.copconnector.plugin.resource.ResourceIndex;
import org.copconnector.plugin.resource.Resources;
import org.copconnector.plugin.resource.Uploads;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.session.SessionStore;
import org.copconnector.plugin.session.Tokens;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.survey.SurveyResource;
import org.copconnector.plugin.web.ApiApplication;
import org.copconnector.plugin.web.HealthResource;
import org.copconnector.plugin.web.StaticResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: configuration in, a running connector out (database, Moodle, HTTP,
 * background work).
 */
public final class Connector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Connector.class);
  private static final Duration LMS_PROBE_EVERY = Duration.ofSeconds(30);
  private static final Duration HOUSEKEEPING_EVERY = Duration.ofMinutes(10);
  private static final Duration OUTBOX_POLL = Duration.ofSeconds(5);
  private static final Duration CHECKS_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CHECKS_FRESH_FOR = Duration.ofSeconds(60);

  private final Database database;
  private final HttpServer http;
  private final ScheduledExecutorService background;
  private final ExecutorService rosterSyncs;
  private final Duration grace;
  private final java.io.Closeable searchIndex;
  private final String host;
  private final DemoFiles demoFiles;
  private final SampleContent samples;
  private boolean closed;

  /** How a connector runs. */
  public enum Mode {
    /** Against the configured Moodle (or none), storing in the data folder. */
    NORMAL,
    /** The demo schools in memory, with their sample content; nothing stored, no Moodle. */
    DEMO,
    /** The demo schools without sample content, for tests that write their own. */
    EMPTY_DEMO;

    boolean demo() {
      return this != NORMAL;
    }
  }

  private Connector(
      Database database,
      HttpServer http,
      ScheduledExecutorService background,
      ExecutorService rosterSyncs,
      Duration grace,
      java.io.Closeable searchIndex,
      String host,
      DemoFiles demoFiles,
      SampleContent samples) {
    this.searchIndex = searchIndex;
    this.host = host;
    this.demoFiles = demoFiles;
    this.samples = samples;
    this.database = database;
    this.http = http;
    this.background = background;
    this.rosterSyncs = rosterSyncs;
    this.grace = grace;
  }

  /** Starts everything; {@code extraResources} lets tests mount resources beside the product's. */
  public static Connector start(ConnectorConfig config, List<Object> extraResources)
      throws Exception {
    return start(config, extraResources, false);
  }

  /**
   * Starts everything; with {@code demo}, against the in-memory demo schools and their sample
   * content instead of Moodle (see {@link Mode#DEMO}).
   */
  public static Connector start(ConnectorConfig config, List<Object> extraResources, boolean demo)
      throws Exception {
    return start(config, extraResources, demo ? Mode.DEMO : Mode.NORMAL);
  }

  /**
   * Starts everything; in a demo mode, against the in-memory demo schools and an in-memory database
   * instead of Moodle, files in a temporary folder, with the demo start page mounted.
   */
  public static Connector start(ConnectorConfig config, List<Object> extraResources, Mode mode)
      throws Exception {
    boolean demo = mode.demo();
    DemoFiles demoFiles = null;
    if (demo) {
      config = DemoMode.configure(config);
      demoFiles = DemoFiles.create();
    } else {
      createDataDir(config);
    }
    long started = System.nanoTime();
    Database database = Database.openLazily(config.database());
    ScheduledExecutorService background =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "background");
              t.setDaemon(true);
              return t;
            });
    // On-demand roster syncs wait for Moodle for seconds: their own thread, so they hold up
    // neither a request nor the other background work.
    ExecutorService rosterSyncs =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "roster-sync");
              t.setDaemon(true);
              return t;
            });
    // Migrations run while the HTTP side initialises; connections are accepted only after both.
    CompletableFuture<Integer> migration =
        CompletableFuture.supplyAsync(database::migrate, background);
    HttpServer http = null;
    try {
      Supplier<OkHttpClient> client = memoized(OkHttpClient::new);
      DemoSchools schools = demo ? DemoSchools.load() : null;
      Clock clock = Clock.systemUTC();
      MoodleActivity moodleActivity = new MoodleActivity(clock);
      Lms lms = demo ? new DemoLms(schools) : lms(config, client, background, moodleActivity);
      ConnectorConfig.DiscussionSettings discussionSettings = config.discussions();
      // The demo keeps its files in a temporary folder and its search index in memory.
      Path files = demo ? demoFiles.folder() : config.dataDir().resolve("files");
      BlobStore blobs = new BlobStore(files.resolve("blobs"));
      ResourceIndex resourceIndex =
          demo
              ? ResourceIndex.inMemory()
              : new ResourceIndex(config.dataDir().resolve("index").resolve("resources"));
      ProductServices features =
          ProductServices.wire(database.dataSource(), lms, config, blobs, resourceIndex, clock);
      CommunityServices core = features.core();
      PeopleStore people = core.people();
      Outbox outbox = core.outbox();
      Notifier notifier = core.notifier();
      Discussions discussions = core.discussions();
      RosterSync roster = new RosterSync(lms, people, clock, config.syncInterval(), rosterSyncs);
      boolean moodleConfigured = config.moodle().isPresent();
      ForumShare forumShare = new ForumShare(database.dataSource(), blobs, outbox, people);
      OutboxWorker delivery =
          new OutboxWorker(
              outbox,
              Stream.concat(
                      core.handlers(lms).stream(),
                      Stream.of(forumShare.handler(lms, core.mappings(), core.groups())))
                  .toList(),
              RetryPolicy.standard(),
              clock,
              () ->
                  (lms instanceof MoodleLms moodle ? moodle.refresh() : lms.status())
                      == LmsStatus.UP,
              instanceName(config));
      SessionStore sessions =
          new SessionStore(database.dataSource(), clock, config.lti().sessionLifetime());
      LtiTool lti =
          new LtiTool(
              database.dataSource(),
              config.lti(),
              config.moodle().map(m -> m.url().toString()).orElse(null),
              sessions,
              people,
              memoized(() -> client.get().newBuilder().callTimeout(Duration.ofSeconds(10)).build()),
              clock,
              courseId -> {
                // A course opened for the first time: its people are read now, in the background,
                // not at the next scheduled round; the launch never waits for it.
                if (moodleConfigured && people.neverSynced(courseId)) {
                  roster.start(courseId);
                }
              });
      List<Object> resources = new ArrayList<>();
      resources.add(new HealthResource(database, lms, Version.current()));
      resources.add(new SessionFilter(sessions));
      resources.add(lti.resource());
      resources.add(lti.errorPages());
      StaticResource assets = new StaticResource(demo ? "demo" : "hub");
      resources.add(assets);
      CompletableFuture<Void> samplesWritten = new CompletableFuture<>();
      if (demo) {
        resources.add(new DemoResource(schools, sessions, people, assets, samplesWritten));
      }
      CourseSettings courseSettings = core.courseSettings();
      Communities communities = core.communities();
      resources.add(new HubResource(people, communities, people.languages()));
      resources.add(new LanguageResource(people.languages()));
      resources.add(new RosterResource(roster));
      resources.add(new OutboxResource(outbox, new OutboxTargets(database.dataSource()), clock));
      resources.addAll(
          adminResources(config, demo, lms, moodleActivity, client, database, outbox, clock));
      resources.add(new RosterOverviewResource(people, roster));
      resources.add(new CommunityResource(communities));
      resources.add(new CourseSettingsResource(courseSettings));
      resources.add(new DiscussionResource(discussions));
      resources.add(new SurveyResource(features.surveys(), people.languages()));
      PromptSchedules prompts = features.prompts();
      Resources bank = features.bank();
      resources.add(
          new PromptResource(
              prompts, features.ownPrompts(), features.dialogue(), people.languages()));
      resources.add(new ReflectionResource(features.reflections()));
      resources.addAll(TrainingServices.wire(database.dataSource(), core, clock).resources());
      Uploads uploads = features.uploads();
      resources.add(
          new BankResource(
              uploads, bank, new BankExport(database.dataSource(), blobs, people), forumShare));
      resources.add(
          new ImportResource(new MoodleImport(database.dataSource(), lms, uploads, bank, people)));
      ForumImport forumImport = core.forumImport();
      resources.addAll(extraResources);
      http =
          new HttpServer(
              config.httpHost(),
              config.httpPort(),
              config.shutdownGrace(),
              config.maxJsonBytes(),
              new ApiApplication(
                  Json.strict(), config.maxJsonBytes(), lti.frameAncestors(), resources));
      http.start();
      long handlersReady = System.nanoTime();
      int applied = awaitMigration(migration);
      long migrated = System.nanoTime();
      // Before requests are taken, so no upload is under way while leftovers are judged.
      int swept = uploads.sweep(UPLOAD_LEFTOVER_AGE);
      if (swept > 0) {
        LOG.info("deleted {} file(s) left by refused or abandoned uploads", swept);
      }
      // A run killed while delivering left its leases: this instance's next run takes them over
      // at once instead of when they run out (on the embedded database, which H2 locks to one
      // process, every lease in it is such a one).
      int released =
          config.database().isEmbeddedFile()
              ? outbox.releaseLeasesOf(null)
              : delivery.takeOverLeftLeases();
      if (released > 0) {
        LOG.info("took over {} outbox write(s) left by a stopped run", released);
      }
      lti.registerConfiguredPlatform();
      if (demo) {
        DemoMode.syncRosters(schools, roster);
      }
      background.scheduleWithFixedDelay(
          () -> housekeeping(sessions, lti), 10, HOUSEKEEPING_EVERY.toMinutes(), TimeUnit.MINUTES);
      background.scheduleWithFixedDelay(
          delivery::run, 1, OUTBOX_POLL.toSeconds(), TimeUnit.SECONDS);
      background.scheduleWithFixedDelay(notifier::run, 2, 60, TimeUnit.MINUTES);
      background.scheduleWithFixedDelay(prompts::run, 20, 60, TimeUnit.SECONDS);
      // The bank's search index follows the database's change log (other instances' changes too).
      background.scheduleWithFixedDelay(bank::run, 5, 5, TimeUnit.SECONDS);
      if (config.moodle().isPresent()) {
        background.scheduleWithFixedDelay(
            roster::syncDueCourses, 1, config.syncInterval().toMinutes(), TimeUnit.MINUTES);
        background.scheduleWithFixedDelay(
            forumImport::run,
            discussionSettings.importInterval().toSeconds(),
            discussionSettings.importInterval().toSeconds(),
            TimeUnit.SECONDS);
      }
      http.open();
      long now = System.nanoTime();
      // The tool's signing key exists from the first start, made once start-up is over (RSA key
      // generation is CPU-heavy and would slow the first requests).
      background.schedule(() -> lti.keys().current(), 5, TimeUnit.SECONDS);
      LOG.info(
          "CoP Connector {} listening on http://{}:{} (ready in {} ms: HTTP handlers {} ms, database and {} new migration(s) {} ms, waited {} ms; JVM up {} ms; LMS {})",
          Version.current(),
          config.httpHost(),
          http.port(),
          millis(started, now),
          millis(started, handlersReady),
          applied,
          millis(started, migrated),
          millis(handlersReady, migrated),
          java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(),
          config.moodle().map(m -> m.url().toString()).orElse("not configured"));
      SampleContent samples = null;
      if (mode == Mode.DEMO) {
        samples = startSamples(schools, database, lms, config, blobs, resourceIndex);
        samples.written().whenComplete((written, failure) -> samplesWritten.complete(null));
      } else {
        samplesWritten.complete(null);
      }
      return new Connector(
          database,
          http,
          background,
          rosterSyncs,
          config.shutdownGrace(),
          resourceIndex,
          config.httpHost(),
          demoFiles,
          samples);
    } catch (Exception e) {
      if (http != null) {
        http.stop();
      }
      background.shutdownNow();
      rosterSyncs.shutdownNow();
      database.close();
      if (demoFiles != null) {
        demoFiles.close();
      }
      throw e;
    }
  }

  /**
   * Starts writing the demo's sample content through the product's services, wired as the server's
   * but on the samples' clock.
   */
  private static SampleContent startSamples(
      DemoSchools schools,
      Database database,
      Lms lms,
      ConnectorConfig config,
      BlobStore blobs,
      ResourceIndex index) {
    return DemoMode.startSamples(
        schools,
        clock ->
            ProductServices.wire(database.dataSource(), lms, config, blobs, index, clock)
                .forSamples());
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

  /** Forgets expired sessions, login states and nonces; a failure waits for the next round. */
  private static void housekeeping(SessionStore sessions, LtiTool lti) {
    try {
      sessions.purgeExpired();
      lti.purgeExpired();
    } catch (RuntimeException e) {
      LOG.warn("housekeeping failed: {}", e.toString());
    }
  }

  /** How old a file no upload or resource uses must be before it is deleted at start. */
  static final Duration UPLOAD_LEFTOVER_AGE = Duration.ofDays(1);

  private static int awaitMigration(CompletableFuture<Integer> migration) {
    try {
      return migration.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
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

  private static long millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }

  private static void createDataDir(ConnectorConfig config) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new ConfigException(
          "data.dir " + config.dataDir() + " cannot be created: " + e.getMessage());
    }
  }

  /**
   * The administrators' status and checklist; the checks run against Moodle with a short timeout
   * and no retries, so that a Moodle that does not answer is reported in seconds.
   */
  private static List<Object> adminResources(
      ConnectorConfig config,
      boolean demo,
      Lms lms,
      MoodleActivity activity,
      Supplier<OkHttpClient> client,
      Database database,
      Outbox outbox,
      Clock clock) {
    StatusResource.Mode mode;
    Supplier<StatusResource.Connection> connection;
    Supplier<List<CheckResult>> checklist;
    if (demo) {
      mode = StatusResource.Mode.DEMO;
      connection = MoodleConnections.demo();
      checklist = Checkup.demoChecklist();
    } else {
      mode =
          lms instanceof MoodleLms ? StatusResource.Mode.MOODLE : StatusResource.Mode.UNCONFIGURED;
      connection =
          lms instanceof MoodleLms moodle
              ? MoodleConnections.of(config.moodle().orElseThrow().url(), moodle, activity)
              : MoodleConnections.unconfigured();
      Doctor doctor =
          new Doctor(
              config
                  .moodle()
                  .map(
                      m ->
                          new MoodleSettings(
                              m.url(), m.token(), CHECKS_TIMEOUT, 0, m.maxInputVars())),
              settings -> Moodle.connect(client.get(), settings),
              RequiredFunctions.load(),
              DatabaseCheck.running(database));
      checklist = doctor::run;
    }
    return List.of(
        new StatusResource(mode, connection, outbox, Version.current(), clock),
        new ChecksResource(new Checkup(checklist, demo, clock, CHECKS_FRESH_FOR)));
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

  public int port() {
    return http.port();
  }

  /**
   * Where a browser on this machine reaches the connector: the bound port, and the configured host
   * unless it listens on every address (then {@code localhost}).
   */
  public java.net.URI address() {
    String shown =
        host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")
            ? "localhost"
            : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return java.net.URI.create("http://" + shown + ":" + port());
  }

  public Database database() {
    return database;
  }

  /** Where a demo keeps its files while it runs (deleted when it stops); empty outside a demo. */
  public java.util.Optional<Path> demoFolder() {
    return java.util.Optional.ofNullable(demoFiles).map(DemoFiles::folder);
  }

  /**
   * Graceful stop: no new requests, in-flight ones finish (up to the grace period), background work
   * ends, then the database closes.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("stopping: finishing in-flight requests (up to {} s)", grace.toSeconds());
    try {
      http.stop();
    } catch (Exception e) {
      LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
    }
    long deadline = System.nanoTime() + grace.toNanos();
    if (samples != null) {
      samples.close();
    }
    background.shutdown();
    rosterSyncs.shutdown();
    for (ExecutorService work : List.of(background, rosterSyncs)) {
      try {
        if (!work.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          work.shutdownNow();
        }
      } catch (InterruptedException e) {
        work.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    try {
      searchIndex.close();
    } catch (java.io.IOException e) {
      LOG.warn("search index did not close cleanly: {}", e.toString());
    }
    database.close();
    if (demoFiles != null) {
      demoFiles.close();
    }
    LOG.info("stopped");
  }
}
