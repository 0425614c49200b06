package org.copconnector.plugin.outbox;

import org.copconnector.plugin.lms.LmsRefusedException;
import org.copconnector.plugin.lms.LmsUnavailableException;

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

  /** Work that writes to the LMS. */
  @FunctionalInterface
  public interface LmsWrite {
    void run() throws DeliveryFailure;
  }

  /**
   * Runs an LMS write, its failures as delivery failures: an unavailable LMS is retried later, a
   * refusal is not.
   */
  public static void translating(LmsWrite write) throws DeliveryFailure {
    try {
      write.run();
    } catch (LmsUnavailableException e) {
      throw retryable(e.getMessage(), e);
    } catch (LmsRefusedException e) {
      throw permanent(e.getMessage(), e);
    }
  }

  public boolean retryable() {
    return retryable;
  }
}
