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

  /**
   * Why the last attempt failed, as the pages translate it ({@code delivery.failure.<code>}); null
   * when none failed.
   */
  public String failure() {
    LastError error = LastError.parse(lastError);
    return error == null ? null : error.failure();
  }

  /** The last failure's detail fit to show (first line, short); null for a connector fault. */
  public String failureDetail() {
    LastError error = LastError.parse(lastError);
    return error == null || error.connectorFault() ? null : OutboxResource.reason(error.detail());
  }

  /** Where a message is in its life. */
  public enum Status {
    PENDING,
    DELIVERED,
    FAILED
  }
}
