package org.copconnector.plugin.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers due outbox messages with their handlers; one round at a time, called on a schedule. */
public final class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final int BATCH = 50;
  // One round keeps going while messages move (each delivery may free the next of its sequence),
  // but hands the schedule back after this long.
  private static final Duration ROUND_BUDGET = Duration.ofSeconds(30);

  private final Outbox outbox;
  private final Map<String, OutboxHandler> handlers;
  private final RetryPolicy retry;
  private final Clock clock;
  private final BooleanSupplier lmsAnswers;
  private final String owner;
  private volatile boolean lmsWasUnreachable;

  /** A worker that leaves failed deliveries to their back-off alone. */
  public OutboxWorker(Outbox outbox, List<OutboxHandler> handlers, RetryPolicy retry, Clock clock) {
    this(outbox, handlers, retry, clock, null, "worker-" + UUID.randomUUID());
  }

  /**
   * @param lmsAnswers asks the LMS whether it answers (a cheap call); after a delivery failed for a
   *     reason that may pass, each round asks it, and once it answers again every waiting message
   *     is due at once instead of at the end of its back-off
   * @param owner who holds this worker's leases: the same for every run of one connector instance,
   *     so that a run can take over the leases its killed predecessor left
   */
  public OutboxWorker(
      Outbox outbox,
      List<OutboxHandler> handlers,
      RetryPolicy retry,
      Clock clock,
      BooleanSupplier lmsAnswers,
      String owner) {
    this.outbox = outbox;
    this.handlers =
        handlers.stream().collect(Collectors.toMap(OutboxHandler::kind, Function.identity()));
    this.retry = retry;
    this.clock = clock;
    this.lmsAnswers = lmsAnswers;
    this.owner = owner;
  }

  /**
   * Ends the leases an earlier run of this instance held (it was killed while delivering: no run of
   * it is delivering now); they keep their holder, so each delivery first looks for what may have
   * been sent. Returns how many.
   */
  public int takeOverLeftLeases() {
    return outbox.releaseLeasesOf(owner);
  }

  /**
   * Delivers what is due now, and what becomes due by it (the next message of a sequence once the
   * one before it is delivered); returns how many messages were delivered.
   */
  public int deliverDue() {
    if (lmsWasUnreachable && lmsAnswers != null && lmsAnswers.getAsBoolean()) {
      int rescheduled = outbox.retryWaitingNow();
      lmsWasUnreachable = false;
      if (rescheduled > 0) {
        LOG.info("the LMS answers again: {} waiting message(s) are due now", rescheduled);
      }
    }
    Instant deadline = Instant.now(clock).plus(ROUND_BUDGET);
    int delivered = 0;
    while (true) {
      int before = delivered;
      for (OutboxMessage message : outbox.claimDue(owner, BATCH, LEASE)) {
        if (deliver(message)) {
          delivered++;
        }
      }
      if (delivered == before || Instant.now(clock).isAfter(deadline)) {
        return delivered;
      }
    }
  }

  /** A scheduled round: never throws, so the schedule keeps running. */
  public void run() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      LOG.warn("outbox round failed, next round will retry: {}", e.toString());
    }
  }

  private boolean deliver(OutboxMessage message) {
    OutboxHandler handler = handlers.get(message.kind());
    if (handler == null) {
      outbox.markFailed(
          message.id(), DeliveryFailure.Kind.NO_HANDLER, "no handler for kind " + message.kind());
      return false;
    }
    try {
      handler.deliver(message);
      outbox.markDelivered(message.id());
      return true;
    } catch (DeliveryFailure failure) {
      if (failure.kind() == DeliveryFailure.Kind.WAITING) {
        // Not a fault: it waits for the LMS to say where it goes (whoever learns that makes it due
        // at once, see Outbox#dueNow); asked again at the back-off's ceiling meanwhile.
        Instant next = Instant.now(clock).plus(retry.ceiling());
        LOG.info(
            "outbox message {} ({}) waits: {}", message.id(), message.kind(), failure.getMessage());
        outbox.markRetry(message.id(), failure.kind(), failure.getMessage(), next);
        return false;
      }
      int attempts = message.attempts() + 1;
      if (!failure.retryable() || retry.exhausted(attempts)) {
        LOG.warn(
            "outbox message {} ({}) failed for good after {} attempt(s): {}",
            message.id(),
            message.kind(),
            attempts,
            failure.getMessage());
        outbox.markFailed(message.id(), failure.kind(), failure.getMessage());
      } else {
        lmsWasUnreachable = true;
        Instant next = Instant.now(clock).plus(retry.delayAfter(attempts));
        LOG.info(
            "outbox message {} ({}) will be retried at {}: {}",
            message.id(),
            message.kind(),
            next,
            failure.getMessage());
        outbox.markRetry(message.id(), failure.kind(), failure.getMessage(), next);
      }
      return false;
    } catch (RuntimeException e) {
      // A bug or a database hiccup: keep the message, try again later.
      outbox.markRetry(
          message.id(),
          DeliveryFailure.Kind.UNEXPECTED,
          e.toString(),
          Instant.now(clock).plus(retry.delayAfter(message.attempts() + 1)));
      LOG.warn("outbox message {} ({}) hit an unexpected error", message.id(), message.kind(), e);
      return false;
    }
  }
}
