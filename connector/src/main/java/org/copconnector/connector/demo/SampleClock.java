package org.copconnector.connector.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time the sample content is written at: moved back to each sample's moment, so the demo shows
 * weeks of activity rather than everything written a second ago. Never later than the start.
 */
final class SampleClock extends Clock {

  /** A reply written within a few minutes of the start still reads as written before it. */
  private static final Duration LATEST = Duration.ofMinutes(15);

  private final Instant start;
  private volatile Instant now;

  SampleClock(Instant start) {
    this.start = start.truncatedTo(ChronoUnit.SECONDS);
    this.now = this.start;
  }

  /** Moves to {@code days} (fractions too) before the start. */
  void daysAgo(double days) {
    Duration before = Duration.ofMinutes(Math.round(days * 24 * 60));
    now = start.minus(before.compareTo(LATEST) < 0 ? LATEST : before);
  }

  /** {@code days} after the start (a round closing in the future). */
  Instant daysAhead(int days) {
    return start.plus(Duration.ofDays(days));
  }

  /** {@code days} before the start. */
  Instant daysBefore(int days) {
    return start.minus(Duration.ofDays(days));
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }
}
