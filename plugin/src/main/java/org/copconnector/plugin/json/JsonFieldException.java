package org.copconnector.plugin.json;

import com.google.gson.JsonParseException;

/** Well-formed JSON whose field has a value the target type cannot take. */
public final class JsonFieldException extends JsonParseException {

  private final String jsonPath;

  public JsonFieldException(String jsonPath, String message) {
    super(message);
    this.jsonPath = jsonPath == null || !jsonPath.startsWith("$") ? "$" : jsonPath;
  }

  /** Where the value is, as a JSON path ({@code $.profile.cycle}). */
  public String jsonPath() {
    return jsonPath;
  }

  /** The offending field as a dotted path, e.g. {@code profile.cycle}. */
  public String field() {
    return jsonPath.replaceFirst("^\\$\\.?", "");
  }
}
