package org.copconnector.plugin.web;

import java.util.Map;

/**
 * The one error shape every 4xx and 5xx answer carries: the coarse {@code error} code, the specific
 * {@code reason} the pages translate ({@link Reason#key()}), an English message to fall back on,
 * and details such as the offending {@code field} and the numbers a translation quotes.
 */
public record ApiError(String error, String reason, String message, Map<String, Object> details) {

  public ApiError {
    details = details == null ? Map.of() : details;
  }

  /** The error for a reason with its own status's code. */
  public static ApiError of(Reason reason, String message, Map<String, Object> details) {
    return new ApiError(reason.code(), reason.key(), message, details);
  }
}
