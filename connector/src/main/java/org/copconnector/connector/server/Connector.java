package org.copconnector.connector.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.copconnector.connector.config.ConfigException;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.demo.DemoMode;
import org.copconnector.plugin.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: configuration in, a running connector out (database, Moodle, HTTP,
 * background work), started and stopped in order.
 */
public final class Connector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

  /** How old a file no upload or resource uses must be before it is deleted at start. */
  static final Duration UPLOAD_LEFTOVER_AGE = Duration.ofDays(1);

  /**
   * How old a picture or attachment sent for a post never written must be before it is forgotten (a
   * draft kept in the browser shows its pictures until then).
   */
  static final Duration POST_FILE_LEFTOVER_AGE = Duration.ofDays(7);

  private final Database database;
  private final HttpServer http;
  private final BackgroundWork background;
  private final Duration grace;
  private final java.io.Closeable searchIndex;
  private final String host;
  private final DemoSetup demo;
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
      BackgroundWork background,
      Duration grace,
      java.io.Closeable searchIndex,
      String host,
      DemoSetup demo) {
    this.database = database;
    this.http = http;
    this.background = background;
    this.grace = grace;
    this.searchIndex = searchIndex;
    this.host = host;
    this.demo = demo;
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
    DemoSetup demo = null;
    if (mode.demo()) {
      config = DemoMode.configure(config);
      demo = DemoSetup.create(mode == Mode.DEMO);
    } else {
      createDataDir(config);
    }
    long started = System.nanoTime();
    Database database = Database.openLazily(config.database());
    BackgroundWork background = BackgroundWork.create();
    // Migrations run while the HTTP side initialises; connections are accepted only after both.
    CompletableFuture<Integer> migration =
        CompletableFuture.supplyAsync(database::migrate, background.scheduled());
    HttpServer http = null;
    try {
      ConnectorServices services = ConnectorServices.wire(config, database, demo, background);
      http = ConnectorApi.server(config, database, services, demo, extraResources);
      services.metrics().watchThreads(http.threads());
      http.start();
      long handlersReady = System.nanoTime();
      int applied = awaitMigration(migration);
      long migrated = System.nanoTime();
      takeOverLeftovers(config, services);
      services.lti().registerConfiguredPlatform();
      if (demo != null) {
        demo.syncRosters(services.roster());
      }
      background.schedule(config, services);
      http.open();
      long now = System.nanoTime();
      background.makeSigningKeySoon(services.lti());
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
      if (demo != null) {
        demo.startSamples(database, config, services);
      }
      return new Connector(
          database,
          http,
          background,
          config.shutdownGrace(),
          services.searchIndexes(),
          config.httpHost(),
          demo);
    } catch (Exception e) {
      if (http != null) {
        http.stop();
      }
      background.stopNow();
      database.close();
      if (demo != null) {
        demo.close();
      }
      throw e;
    }
  }

  /** Clears what an earlier run left: files of unfinished uploads, outbox writes under way. */
  private static void takeOverLeftovers(ConnectorConfig config, ConnectorServices services) {
    // Before requests are taken, so no upload is under way while leftovers are judged. Files sent
    // for posts never written go first, so that their bytes go with the uploads' leftovers.
    services.features().core().postFiles().sweep(POST_FILE_LEFTOVER_AGE);
    int swept = services.features().uploads().sweep(UPLOAD_LEFTOVER_AGE);
    if (swept > 0) {
      LOG.info("deleted {} file(s) left by refused or abandoned uploads", swept);
    }
    // A run killed while delivering left its leases: this instance's next run takes them over
    // at once instead of when they run out (on the embedded database, which H2 locks to one
    // process, every lease in it is such a one).
    int released =
        config.database().isEmbeddedFile()
            ? services.features().core().outbox().releaseLeasesOf(null)
            : services.delivery().takeOverLeftLeases();
    if (released > 0) {
      LOG.info("took over {} outbox write(s) left by a stopped run", released);
    }
  }

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
    return java.util.Optional.ofNullable(demo).map(DemoSetup::folder);
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
    if (demo != null) {
      demo.stopSamples();
    }
    background.stop(deadline);
    try {
      searchIndex.close();
    } catch (java.io.IOException e) {
      LOG.warn("search index did not close cleanly: {}", e.toString());
    }
    database.close();
    if (demo != null) {
      demo.close();
    }
    LOG.info("stopped");
  }
}
