package org.copconnector.plugin.outbox;

/**
 * Delivers one kind of outbox message. Delivery must be idempotent: after a crash or a lost answer
 * the same message is delivered again, and must not produce a second copy in the LMS.
 */
public interface OutboxHandler {

  /** The message kind this handler delivers, e.g. {@code group.add-member}. */
  String kind();

  void deliver(OutboxMessage message) throws DeliveryFailure;
}
