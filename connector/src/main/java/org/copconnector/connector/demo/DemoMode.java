package org.copconnector.connector.demo;

import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.plugin.people.RosterSync;
import org.copconnector.plugin.store.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve --demo} changes: an in-memory database, search index and LMS, files in a
 * temporary folder deleted on stop, no Moodle; the demo schools filled with sample content.
 */
public final class DemoMode {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);

  private DemoMode() {}

  /**
   * The configuration with the database replaced by a fresh in-memory one and Moodle switched off.
   * The data folder is never created or written.
   */
  public static ConnectorConfig configure(ConnectorConfig config) {
    LOG.warn(
        "DEMO MODE: sample schools in memory, nothing is stored and no Moodle is contacted; start page /demo");
    return new ConnectorConfig(
        config.httpHost(),
        config.httpPort(),
        config.maxJsonBytes(),
        config.shutdownGrace(),
        config.dataDir(),
        config.filesDir(),
        new DatabaseSettings(
            "jdbc:h2:mem:cop-demo-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 5),
        java.util.Optional.empty(),
        config.lti(),
        config.syncInterval(),
        config.syncPageSize(),
        config.discussions(),
        config.uploadMaxBytes(),
        config.metricsToken(),
        config.logFormat());
  }

  /** Fills the participant lists of the demo courses. */
  public static void syncRosters(DemoSchools schools, RosterSync roster) {
    schools.courses().forEach(course -> roster.syncCourse(course.id()));
  }

  /**
   * Starts writing the sample content in the background (see {@link SampleContent}); how it went is
   * logged. A failure leaves the demo running with what was written.
   */
  public static SampleContent startSamples(
      DemoSchools schools, Function<Clock, SampleContent.Services> wiredOn) {
    long started = System.nanoTime();
    SampleContent samples = SampleContent.start(schools, DemoSamples.load(), wiredOn);
    samples
        .written()
        .whenComplete(
            (written, failure) -> {
              if (failure == null) {
                LOG.info(
                    "demo sample content written in {} ms: {} communities, {} posts, {} prompt answers, {} bank files",
                    (System.nanoTime() - started) / 1_000_000,
                    written.communities(),
                    written.posts(),
                    written.answers(),
                    written.files());
              } else if (!(rootCause(failure) instanceof CancellationException)) {
                LOG.error("the demo's sample content could not be written in full", failure);
              }
            });
    return samples;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
