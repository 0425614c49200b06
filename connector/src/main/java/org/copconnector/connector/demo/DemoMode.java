package org.copconnector.connector.demo;

import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.plugin.people.RosterSync;
import org.copconnector.plugin.store.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve --demo} changes: an in-memory database and LMS, nothing persisted, no Moodle.
 */
public final class DemoMode {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);

  private DemoMode() {}

  /**
   * The configuration with the database replaced by a fresh in-memory one and Moodle switched off.
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
        new DatabaseSettings(
            "jdbc:h2:mem:cop-demo-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 5),
        java.util.Optional.empty(),
        config.lti(),
        config.syncInterval(),
        config.syncPageSize(),
        config.discussions(),
        config.uploadMaxBytes());
  }

  /** Fills the participant lists of the demo courses. */
  public static void syncRosters(DemoSchools schools, RosterSync roster) {
    schools.courses().forEach(course -> roster.syncCourse(course.id()));
  }
}
