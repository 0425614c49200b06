package org.copconnector.plugin.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates a request may carry: far-past or far-future ones are typing slips or probes, and some
 * databases would store them wrapped.
 */
public final class DateWindow {

  public static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
  public static final LocalDate LAST = LocalDate.of(2200, 12, 31);
  private static final Instant START = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant END = LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

  private DateWindow() {}

  public static boolean contains(LocalDate date) {
    return !date.isBefore(FIRST) && !date.isAfter(LAST);
  }

  public static boolean contains(Instant instant) {
    return !instant.isBefore(START) && instant.isBefore(END);
  }
}
