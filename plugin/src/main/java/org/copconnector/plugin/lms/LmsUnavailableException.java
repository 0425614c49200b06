package org.copconnector.plugin.lms;

/** The LMS cannot do what was asked right now (not configured, unreachable, refused). */
public class LmsUnavailableException extends RuntimeException {

  public LmsUnavailableException(String message) {
    super(message);
  }

  public LmsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
