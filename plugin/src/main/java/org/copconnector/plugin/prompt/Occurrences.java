package org.copconnector.plugin.prompt;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a scheduled prompt opens: at a local time of the community's time zone, once or every week,
 * fortnight or month, until an optional last date. Daylight-saving changes move the instant, never
 * the local time.
 */
public record Occurrences(
    Repeat repeat, LocalDate first, LocalTime time, ZoneId zone, LocalDate until) {

  /** How far around the estimated occurrence {@link #stepsBefore} is searched. */
  private static final long WINDOW = 2;

  /** How often. */
  public enum Repeat {
    @SerializedName("once")
    ONCE,
    @SerializedName("weekly")
    WEEKLY,
    @SerializedName("fortnightly")
    FORTNIGHTLY,
    @SerializedName("monthly")
    MONTHLY
  }

  /** The instant of the n-th occurrence (0 = the first), if it is not past the last date. */
  Optional<ZonedDateTime> nth(long n) {
    LocalDate date =
        switch (repeat) {
          case ONCE -> n == 0 ? first : null;
          case WEEKLY -> first.plusWeeks(n);
          case FORTNIGHTLY -> first.plusWeeks(2 * n);
          case MONTHLY -> first.plusMonths(n);
        };
    if (date == null || (until != null && date.isAfter(until))) {
      return Optional.empty();
    }
    return Optional.of(ZonedDateTime.of(date, time, zone));
  }

  /** The latest occurrence at or before {@code now}, if any. */
  public Optional<ZonedDateTime> latestAtOrBefore(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate reference = until != null && until.isBefore(today) ? until : today;
    long near = stepsBefore(reference);
    for (long n = near + WINDOW; n >= Math.max(0, near - WINDOW); n--) {
      Optional<ZonedDateTime> candidate = nth(n);
      if (candidate.isPresent() && !candidate.get().toInstant().isAfter(now)) {
        return candidate;
      }
    }
    return Optional.empty();
  }

  /** The first occurrence after {@code now}, if any. */
  public Optional<ZonedDateTime> firstAfter(Instant now) {
    long near = stepsBefore(now.atZone(zone).toLocalDate());
    for (long n = Math.max(0, near - WINDOW); n <= near + WINDOW; n++) {
      Optional<ZonedDateTime> candidate = nth(n);
      if (candidate.isEmpty()) {
        return Optional.empty();
      }
      if (candidate.get().toInstant().isAfter(now)) {
        return candidate;
      }
    }
    return Optional.empty();
  }

  /**
   * How many repeats fit between the first date and {@code date}, within a step or two: the answer
   * is searched only around it, so a first date long ago costs no more than a recent one. A
   * daylight-saving shift or a month's clamped last day moves an occurrence by less than a step.
   */
  private long stepsBefore(LocalDate date) {
    if (!date.isAfter(first)) {
      return 0;
    }
    return switch (repeat) {
      case ONCE -> 0;
      case WEEKLY -> ChronoUnit.DAYS.between(first, date) / 7;
      case FORTNIGHTLY -> ChronoUnit.DAYS.between(first, date) / 14;
      case MONTHLY -> ChronoUnit.MONTHS.between(first, date);
    };
  }
}
