package org.copconnector.connector.moodle;

/**
 * The call did not produce a Moodle answer: timeout, refused connection, HTTP error status, an HTML
 * page or a truncated body. Whether a write was applied is unknown.
 */
public final class MoodleTransportException extends MoodleClientException {

  /** What kind of transport problem, for messages and retry decisions. */
  public enum Kind {
    TIMEOUT,
    CONNECTION,
    HTTP_STATUS,
    NOT_JSON,
    TRUNCATED,
    /** A file address of another site: refused before any request is sent. */
    FOREIGN_FILE
  }

  private final Kind kind;
  private final String detail;
  private final int httpStatus;

  public MoodleTransportException(
      String function, Kind kind, int httpStatus, String message, Throwable cause) {
    super(function, function + ": " + message, cause);
    this.detail = message;
    this.kind = kind;
    this.httpStatus = httpStatus;
  }

  /** What went wrong, without the function's name (e.g. "timed out"). */
  public String detail() {
    return detail;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status when one was received, otherwise 0. */
  public int httpStatus() {
    return httpStatus;
  }
}
