package org.copconnector.connector.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sites that may frame the pages: configured ones, then registered ones as they come. */
class PlatformOriginsTest {

  @TempDir Path dataDir;
  private Database database;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private PlatformStore platforms;

  @BeforeEach
  void open() {
    database = Database.open(DatabaseSettings.h2File(dataDir, 5));
    database.migrate();
    platforms = new PlatformStore(database.dataSource(), clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static void save(PlatformStore store, String issuer, String auth) {
    store.save(
        issuer,
        "client",
        URI.create(auth),
        URI.create(issuer + "/token"),
        URI.create(issuer + "/certs"),
        "dynamic");
  }

  @Test
  void configuredSitesFirstThenEachRegistrationAtOnce() {
    PlatformOrigins origins =
        new PlatformOrigins(
            platforms,
            List.of("https://Moodle.School.example/moodle", "javascript:alert(1)", "not a site"),
            clock);
    assertEquals(List.of("https://moodle.school.example"), origins.origins());
    save(platforms, "https://lms.example:8443", "https://sso.example/auth");
    assertEquals(
        List.of("https://moodle.school.example", "https://lms.example:8443", "https://sso.example"),
        origins.origins());
  }

  @Test
  void anotherInstancesRegistrationWithinAMinute() {
    PlatformOrigins origins = new PlatformOrigins(platforms, List.of(), clock);
    assertEquals(List.of(), origins.origins());
    save(
        new PlatformStore(database.dataSource(), Clock.systemUTC()),
        "https://other.example",
        "https://other.example/auth");
    assertEquals(List.of(), origins.origins(), "kept for a minute");
    clock.advance(PlatformOrigins.REFRESH);
    assertEquals(List.of("https://other.example"), origins.origins());
  }

  @Test
  void boundedWhateverIsRegistered() {
    for (int i = 0; i < PlatformOrigins.MAX_ORIGINS + 10; i++) {
      save(platforms, "https://lms" + i + ".example", "https://lms" + i + ".example/auth");
    }
    assertEquals(
        PlatformOrigins.MAX_ORIGINS,
        new PlatformOrigins(platforms, List.of(), clock).origins().size());
  }
}
