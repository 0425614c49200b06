package org.copconnector.plugin.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A trainee's portfolio in one action: per session, what they answered to its reflection prompt
 * (nothing yet, or not yet asked), their final reflection and, once graded, their grade. Others see
 * that a private journal entry exists, not its text.
 */
public record TraineePortfolio(
    String actionId,
    String actionTitle,
    String userId,
    String name,
    boolean own,
    List<SessionPart> sessions,
    FinalPart finalReflection,
    GradePart grade) {

  /**
   * A scheduled session, numbered as the pages number them; {@code threadId} is its prompt's once
   * opened.
   */
  public record SessionPart(
      TrainingSession session, int number, boolean ended, String threadId, List<Answer> answers) {}

  /** One answer; {@code body} is absent for a private entry seen by someone else. */
  public record Answer(String body, boolean shared, Instant writtenAt) {}

  /** The final reflection (its text as handed in), or that it is missing. */
  public record FinalPart(boolean submitted, String body, Instant submittedAt) {}

  /** The final grade with the policy's decimals (JSON numbers lose trailing zeros), its mention. */
  public record GradePart(BigDecimal grade, int decimals, String mention, Instant gradedAt) {}
}
