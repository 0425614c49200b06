package org.copconnector.connector.moodle.fake;

import com.google.gson.JsonObject;

/**
 * An error the stand-in answers in Moodle's shape: HTTP 200 with exception, errorcode and message.
 */
final class FakeMoodleError extends RuntimeException {

  private final JsonObject body;

  private FakeMoodleError(JsonObject body) {
    super(body.toString());
    this.body = body;
  }

  JsonObject body() {
    return body;
  }

  /** An error with the exact body of a captured sample. */
  static FakeMoodleError sample(String name) {
    return new FakeMoodleError(Samples.json(name).getAsJsonObject());
  }

  static FakeMoodleError of(String exception, String errorcode, String message) {
    JsonObject body = new JsonObject();
    body.addProperty("exception", exception);
    if (errorcode != null) {
      body.addProperty("errorcode", errorcode);
    }
    body.addProperty("message", message);
    return new FakeMoodleError(body);
  }

  static FakeMoodleError invalidParameter() {
    return sample("error_missing_parameter");
  }

  static FakeMoodleError invalidToken() {
    return sample("error_invalid_token");
  }

  static FakeMoodleError accessException() {
    return sample("error_function_not_in_service");
  }

  /**
   * A capability the service user's role lacks, as Moodle 4.5 answers it; {@code name} is the
   * capability's name in English ("View participants").
   */
  static FakeMoodleError noPermission(String name) {
    return of(
        "core\\exception\\required_capability_exception",
        "nopermissions",
        "Sorry, but you do not currently have permissions to do that (" + name + ").");
  }

  /** A course the service user may not enter (no moodle/course:view), as Moodle 4.5 answers it. */
  static FakeMoodleError courseNotAccessible(long courseId) {
    return of(
        "core\\exception\\moodle_exception",
        "errorcoursecontextnotvalid",
        "You cannot execute functions in the course context (course id:"
            + courseId
            + "). The context error message was: Course or activity not accessible.");
  }

  /** Moodle's answer for an id that is not in the given table. */
  static FakeMoodleError missingRecord(String table) {
    return of(
        "dml_missing_record_exception",
        "invalidrecord",
        "Can't find data record in database table " + table + ".");
  }
}
