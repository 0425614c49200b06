package org.copconnector.plugin.outbox;

/**
 * Delivers one kind of outbox message. Delivery must be idempotent: after a crash or a lost answer
 * the same message is delivered again, and must not produce a second copy in the LMS.
 */
public interface OutboxHandler {

  /** The message kind this handler delivers, e.g. {@code group.add-member}. */
  String kind();

  void deliver(OutboxMessage message) throws DeliveryFailure;

  /** Delivery of one message. */
  @FunctionalInterface
  interface Delivery {
    void deliver(OutboxMessage message) throws DeliveryFailure;
  }

  /** A handler of {@code kind} made of a delivery function. */
  static OutboxHandler of(String kind, Delivery delivery) {
    return new OutboxHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void deliver(OutboxMessage message) throws DeliveryFailure {
        delivery.deliver(message);
      }
    };
  }
}
