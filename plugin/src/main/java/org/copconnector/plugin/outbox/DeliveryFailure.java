package org.copconnector.plugin.outbox;

/**
 * A delivery that did not succeed. Retryable failures (the LMS is down, slow, or its answer was
 * lost) are tried again later; the others (the LMS refused the write) need an administrator.
 */
public final class DeliveryFailure extends Exception {

  private final boolean retryable;

  private DeliveryFailure(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public static DeliveryFailure retryable(String message, Throwable cause) {
    return new DeliveryFailure(message, true, cause);
  }

  public static DeliveryFailure permanent(String message, Throwable cause) {
    return new DeliveryFailure(message, false, cause);
  }

  public boolean retryable() {
    return retryable;
  }
}
