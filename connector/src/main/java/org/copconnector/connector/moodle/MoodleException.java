package org.copconnector.connector.moodle;

/**
 * Moodle answered, and the answer is an error ({@code {"exception","errorcode","message"}}): the
 * request reached the site and was refused. Retrying the same call will not help.
 */
public final class MoodleException extends MoodleClientException {

  private final String errorcode;
  private final String exceptionClass;
  private final String moodleMessage;

  public MoodleException(
      String function, String exceptionClass, String errorcode, String moodleMessage) {
    super(
        function,
        function
            + " failed: "
            + (errorcode == null ? "server fault" : errorcode)
            + " ("
            + moodleMessage
            + ")",
        null);
    this.exceptionClass = exceptionClass;
    this.errorcode = errorcode;
    this.moodleMessage = moodleMessage;
  }

  /**
   * Moodle's error code ({@code invalidtoken}, {@code accessexception}, …); null for a PHP fault
   * without one.
   */
  public String errorcode() {
    return errorcode;
  }

  /** Moodle's exception class, sometimes namespaced ({@code core\exception\moodle_exception}). */
  public String exceptionClass() {
    return exceptionClass;
  }

  public String moodleMessage() {
    return moodleMessage;
  }

  /**
   * A PHP error inside the function (no errorcode): a fault on the site, not a refusal of our
   * request.
   */
  public boolean isServerFault() {
    return errorcode == null;
  }

  public boolean is(String code) {
    return code.equals(errorcode);
  }
}
