package org.copconnector.plugin.outbox;

import java.time.Instant;

/**
 * One write waiting for (or done by) delivery to the LMS. {@code triedBefore} says an earlier
 * delivery was attempted (it failed, or the process stopped during it): it may have reached the
 * LMS, so a handler whose write cannot be repeated safely looks for it first.
 */
public record OutboxMessage(
    long id,
    String kind,
    String idempotencyKey,
    String payload,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant deliveredAt,
    boolean triedBefore) {

  /** Where a message is in its life. */
  public enum Status {
    PENDING,
    DELIVERED,
    FAILED
  }
}
