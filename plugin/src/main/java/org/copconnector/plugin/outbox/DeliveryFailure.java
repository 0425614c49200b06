package org.copconnector.plugin.outbox;

import java.util.Locale;
import org.copconnector.plugin.lms.LmsRefusedException;
import org.copconnector.plugin.lms.LmsUnavailableException;

/**
 * A delivery that did not succeed. Retryable failures (the LMS is down, slow, or its answer was
 * lost) are tried again later; the others (the LMS refused the write) need an administrator.
 */
public final class DeliveryFailure extends Exception {

  /**
   * Why a delivery did not succeed, as the administration page names it ({@code
   * delivery.failure.<code>}); the message stays as the technical detail.
   */
  public enum Kind {
    /** The LMS did not answer, or answered with a fault of its own. */
    LMS_UNAVAILABLE,
    /** The LMS answered and refused the write. */
    LMS_REFUSED,
    /** What the message is about no longer exists, here or in the LMS. */
    MISSING,
    /** No handler knows the message's kind. */
    NO_HANDLER,
    /** A fault of the connector itself. */
    UNEXPECTED,
    /**
     * The LMS has not yet said where the write goes (a course not opened from it since it allows
     * the write): it waits, without giving up, until it does.
     */
    WAITING;

    /** The code the pages translate. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final boolean retryable;
  private final Kind kind;

  private DeliveryFailure(String message, boolean retryable, Kind kind, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.kind = kind;
  }

  /** The LMS cannot take the write now; it is tried again later. */
  public static DeliveryFailure retryable(String message, Throwable cause) {
    return new DeliveryFailure(message, true, Kind.LMS_UNAVAILABLE, cause);
  }

  /** The LMS refused the write; sending it again unchanged will not help. */
  public static DeliveryFailure permanent(String message, Throwable cause) {
    return new DeliveryFailure(message, false, Kind.LMS_REFUSED, cause);
  }

  /** Something the write needs is gone; it can never be delivered. */
  public static DeliveryFailure missing(String message) {
    return new DeliveryFailure(message, false, Kind.MISSING, null);
  }

  /**
   * The write cannot go until the LMS tells where (e.g. at a launch); it waits for that, tried
   * again now and then, and is never given up.
   */
  public static DeliveryFailure waiting(String message) {
    return new DeliveryFailure(message, true, Kind.WAITING, null);
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

  public Kind kind() {
    return kind;
  }
}
