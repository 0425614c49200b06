package org.copconnector.plugin.lms;

/** The LMS answered and refused the request; sending it again unchanged will not help. */
public class LmsRefusedException extends RuntimeException {

  public LmsRefusedException(String message) {
    super(message);
  }

  public LmsRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
