package org.copconnector.plugin.prompt;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a scheduled prompt opens: at a local time of the community's time zone, once or every week,
 * fortnight or month, until an optional last date. Daylight-saving changes move the instant, never
 * the local time.
 */
public record Occurrences(
    Repeat repeat, LocalDate first, LocalTime time, ZoneId zone, LocalDate until) {

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
    ZonedDateTime found = null;
    for (long n = 0; ; n++) {
      Optional<ZonedDateTime> next = nth(n);
      if (next.isEmpty() || next.get().toInstant().isAfter(now)) {
        return Optional.ofNullable(found);
      }
      found = next.get();
    }
  }

  /** The first occurrence after {@code now}, if any. */
  public Optional<ZonedDateTime> firstAfter(Instant now) {
    for (long n = 0; ; n++) {
      Optional<ZonedDateTime> next = nth(n);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      if (next.get().toInstant().isAfter(now)) {
        return next;
      }
    }
  }
}
