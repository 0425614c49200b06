package org.copconnector.connector.server;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.copconnector.connector.admin.ChecksResource;
import org.copconnector.connector.admin.Checkup;
import org.copconnector.connector.admin.MoodleConnections;
import org.copconnector.connector.admin.StatusResource;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.config.ConnectorConfig.MoodleSettings;
import org.copconnector.connector.doctor.CheckResult;
import org.copconnector.connector.doctor.DatabaseCheck;
import org.copconnector.connector.doctor.Doctor;
import org.copconnector.connector.doctor.RequiredFunctions;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.store.Database;

/**
 * The administrators' status and checklist; the checks run against Moodle with a short timeout and
 * no retries, so that a Moodle that does not answer is reported in seconds.
 */
final class AdminResources {

  private static final Duration CHECKS_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CHECKS_FRESH_FOR = Duration.ofSeconds(60);

  private AdminResources() {}

  static List<Object> of(
      ConnectorConfig config, boolean demo, Database database, ConnectorServices services) {
    Lms lms = services.lms();
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
              ? MoodleConnections.of(
                  config.moodle().orElseThrow().url(), moodle, services.moodleActivity())
              : MoodleConnections.unconfigured();
      Doctor doctor =
          new Doctor(
              config
                  .moodle()
                  .map(
                      m ->
                          new MoodleSettings(
                              m.url(), m.token(), CHECKS_TIMEOUT, 0, m.maxInputVars())),
              settings -> Moodle.connect(services.client().get(), settings),
              RequiredFunctions.load(),
              DatabaseCheck.running(database));
      checklist = doctor::run;
    }
    return List.of(
        new StatusResource(
            mode,
            connection,
            services.features().core().outbox(),
            Version.current(),
            services.clock()),
        new ChecksResource(new Checkup(checklist, demo, services.clock(), CHECKS_FRESH_FOR)));
  }
}
