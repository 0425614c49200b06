package org.copconnector.connector.gradebook;

/**
 * A call to the platform's token endpoint or grade service that did not succeed: {@code status} is
 * the HTTP status, 0 when no answer came.
 */
final class GradeServiceException extends Exception {

  private final int status;

  GradeServiceException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  int status() {
    return status;
  }

  /** No answer, a fault of the platform's own, or too many calls: it may pass. */
  boolean mayPass() {
    return status == 0 || status >= 500 || status == 429;
  }
}
