package org.copconnector.plugin.training;

import java.time.Instant;
import java.util.List;

/**
 * A trainee's final critical reflection (sanitised HTML), whether it is in, and whether it may
 * still be replaced: until the action's last day, while it is open and not yet graded.
 */
public record FinalReflection(
    String userId,
    String name,
    boolean submitted,
    String body,
    Instant submittedAt,
    boolean editable) {

  /** Every trainee's reflection, for the trainers: how many are in and how many missing. */
  public record All(int submitted, int missing, List<FinalReflection> rows) {}
}
