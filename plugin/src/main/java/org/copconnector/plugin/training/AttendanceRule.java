package org.copconnector.plugin.training;

import org.copconnector.plugin.json.Range;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * The least share of an action's joint hours a trainee must attend, as an exact fraction (two
 * thirds by default, as accredited training in Portugal asks), compared without rounding.
 */
public record AttendanceRule(
    @Range(min = 0, max = 100) Integer numerator, @Range(min = 1, max = 100) Integer denominator) {

  public AttendanceRule {
    numerator = numerator == null ? 2 : numerator;
    denominator = denominator == null ? 3 : denominator;
    // Read from JSON, the declared ranges are checked after this constructor: a denominator out of
    // its range is named as such here, not as a numerator above it.
    if (denominator < 1 || denominator > 100) {
      throw ApiException.invalid(
          Reason.NUMBER_RANGE,
          "minimumAttendance.denominator",
          "a number from 1 to 100",
          java.util.Map.of("min", 1, "max", 100));
    }
    if (numerator > denominator) {
      throw ApiException.invalid(
          Reason.ATTENDANCE_RULE,
          "minimumAttendance.numerator",
          "a share of the joint hours: the numerator is at most the denominator");
    }
  }

  public static AttendanceRule twoThirds() {
    return new AttendanceRule(2, 3);
  }

  /** Whether {@code attended} minutes of {@code joint} reach the minimum. */
  public boolean met(long attended, long joint) {
    return attended * denominator >= joint * (long) numerator;
  }

  /** The fewest minutes of {@code joint} that reach the minimum. */
  public long minimumMinutes(long joint) {
    return Math.floorDiv(joint * numerator + denominator - 1, denominator);
  }
}
