package org.copconnector.plugin.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OccurrencesTest {

  private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
  private static final Instant NOW = Instant.parse("2025-03-30T00:30:00Z");

  @Test
  void aFirstDateLongAgoIsAnsweredAtOnce() {
    Occurrences weekly =
        new Occurrences(
            Occurrences.Repeat.WEEKLY,
            LocalDate.of(-999_999_999, 1, 1),
            LocalTime.of(18, 0),
            LISBON,
            null);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          ZonedDateTime next = weekly.firstAfter(NOW).orElseThrow();
          ZonedDateTime latest = weekly.latestAtOrBefore(NOW).orElseThrow();
          assertEquals(Duration.ofDays(7), Duration.between(latest, next).plusHours(1));
          assertEquals(LocalTime.of(18, 0), next.toLocalTime());
        });
  }

  @Test
  void agreesWithCountingOneByOne() {
    Random random = new Random(42);
    for (int i = 0; i < 3000; i++) {
      Occurrences.Repeat repeat =
          Occurrences.Repeat.values()[random.nextInt(Occurrences.Repeat.values().length)];
      LocalDate first = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900));
      LocalDate until = random.nextBoolean() ? null : first.plusDays(random.nextInt(400));
      LocalTime time = LocalTime.of(random.nextInt(24), random.nextInt(4) * 15);
      ZoneId zone = random.nextBoolean() ? LISBON : ZoneId.of("America/Sao_Paulo");
      Occurrences occurrences = new Occurrences(repeat, first, time, zone, until);
      Instant now =
          Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextLong(86_400L * 1200));
      String what = occurrences + " at " + now;
      assertEquals(countedLatest(occurrences, now), occurrences.latestAtOrBefore(now), what);
      assertEquals(countedFirstAfter(occurrences, now), occurrences.firstAfter(now), what);
    }
  }

  @Test
  void monthEndsAndDaylightSavingKeepTheLocalTime() {
    Occurrences monthly =
        new Occurrences(
            Occurrences.Repeat.MONTHLY,
            LocalDate.of(2025, 1, 31),
            LocalTime.of(1, 30),
            LISBON,
            null);
    assertEquals(
        ZonedDateTime.of(LocalDate.of(2025, 3, 31), LocalTime.of(1, 30), LISBON),
        monthly.firstAfter(NOW).orElseThrow());
    assertEquals(
        ZonedDateTime.of(LocalDate.of(2025, 2, 28), LocalTime.of(1, 30), LISBON),
        monthly.latestAtOrBefore(NOW).orElseThrow());
  }

  private static Optional<ZonedDateTime> countedLatest(Occurrences o, Instant now) {
    ZonedDateTime found = null;
    for (long n = 0; ; n++) {
      Optional<ZonedDateTime> next = o.nth(n);
      if (next.isEmpty() || next.get().toInstant().isAfter(now)) {
        return Optional.ofNullable(found);
      }
      found = next.get();
    }
  }

  private static Optional<ZonedDateTime> countedFirstAfter(Occurrences o, Instant now) {
    for (long n = 0; ; n++) {
      Optional<ZonedDateTime> next = o.nth(n);
      if (next.isEmpty() || next.get().toInstant().isAfter(now)) {
        return next;
      }
    }
  }
}
