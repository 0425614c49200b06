package org.copconnector.plugin.outbox;

import java.time.Instant;

/** One write waiting for (or done by) delivery to the LMS. */
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
    Instant deliveredAt) {

  /** Where a message is in its life. */
  public enum Status {
    PENDING,
    DELIVERED,
    FAILED
  }
}
