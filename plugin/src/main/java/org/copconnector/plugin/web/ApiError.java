package org.copconnector.plugin.web;

import java.util.Map;

/** The one error shape every 4xx and 5xx answer carries. */
public record ApiError(String error, String message, Map<String, Object> details) {

  public ApiError {
    details = details == null ? Map.of() : details;
  }
}
