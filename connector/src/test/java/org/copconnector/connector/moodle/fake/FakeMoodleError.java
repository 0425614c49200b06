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

  /** Moodle's answer for an id that is not in the given table. */
  static FakeMoodleError missingRecord(String table) {
    return of(
        "dml_missing_record_exception",
        "invalidrecord",
        "Can't find data record in database table " + table + ".");
  }
}
