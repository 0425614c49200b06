package org.copconnector.plugin.json;

import com.google.gson.JsonParseException;

/** Well-formed JSON whose field has a value the target type cannot take. */
public final class JsonFieldException extends JsonParseException {

  private final String field;

  public JsonFieldException(String jsonPath, String message) {
    super(message);
    this.field = jsonPath == null ? "" : jsonPath.replaceFirst("^\\$\\.?", "");
  }

  /** The offending field as a dotted path, e.g. {@code profile.cycle}. */
  public String field() {
    return field;
  }
}
