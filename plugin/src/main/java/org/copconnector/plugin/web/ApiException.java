package org.copconnector.plugin.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure that the API reports to its caller as-is: a specific {@link Reason} (which fixes the
 * status and the coarse code), an English message and the details a translation may quote. Features
 * throw it; one mapper writes it.
 */
public class ApiException extends RuntimeException {

  private final Reason reason;
  private final Map<String, Object> details;

  public ApiException(Reason reason, String message, Map<String, ?> details) {
    super(message);
    this.reason = reason;
    this.details = details == null ? Map.of() : new LinkedHashMap<>(details);
    assert this.details.keySet().containsAll(reason.parameters())
        : reason + " needs details " + reason.parameters() + ", got " + this.details.keySet();
  }

  public ApiException(Reason reason, String message) {
    this(reason, message, Map.of());
  }

  public Reason reason() {
    return reason;
  }

  public int status() {
    return reason.status();
  }

  public String code() {
    return reason.code();
  }

  public Map<String, Object> details() {
    return details;
  }

  /** Well-formed input that breaks a rule, with the offending field named. */
  public static ApiException invalid(Reason reason, String field, String message) {
    return invalid(reason, field, message, Map.of());
  }

  /** As {@link #invalid(Reason, String, String)}, with the numbers the rule quotes. */
  public static ApiException invalid(
      Reason reason, String field, String message, Map<String, ?> parameters) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("field", field);
    details.putAll(parameters);
    return new ApiException(reason, message, details);
  }

  /** Something that does not exist, or that the caller may not know exists. */
  public static ApiException notFound(Reason reason, String what) {
    return new ApiException(reason, what + " was not found");
  }

  public static ApiException payloadTooLarge(long limitBytes) {
    return new ApiException(
        Reason.PAYLOAD_TOO_LARGE,
        "request body is larger than " + limitBytes + " bytes",
        Map.of("limitBytes", limitBytes, "limitKiB", Math.max(1, limitBytes / 1024)));
  }
}
