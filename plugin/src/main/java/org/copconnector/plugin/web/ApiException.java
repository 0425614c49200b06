package org.copconnector.plugin.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure that the API reports to its caller as-is: a status, a stable machine code, a human
 * message and optional details. Features throw it (or a subclass); one mapper writes it.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final Map<String, Object> details;

  public ApiException(int status, String code, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details == null ? Map.of() : new LinkedHashMap<>(details);
  }

  public ApiException(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  /** Well-formed input that breaks a rule: 422 with the offending field named. */
  public static ApiException invalid(String field, String message) {
    return new ApiException(422, "invalid_field", message, Map.of("field", field));
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what + " was not found");
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message);
  }

  public static ApiException payloadTooLarge(long limitBytes) {
    return new ApiException(
        413,
        "payload_too_large",
        "request body is larger than " + limitBytes + " bytes",
        Map.of("limitBytes", limitBytes));
  }
}
