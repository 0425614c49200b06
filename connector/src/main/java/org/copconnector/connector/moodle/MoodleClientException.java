package org.copconnector.connector.moodle;

/** Any failure talking to Moodle; see the two subtypes for what happened. */
public abstract sealed class MoodleClientException extends RuntimeException
    permits MoodleException, MoodleTransportException {

  private final String function;

  MoodleClientException(String function, String message, Throwable cause) {
    super(message, cause);
    this.function = function;
  }

  /** The web-service function that was called. */
  public String function() {
    return function;
  }
}
