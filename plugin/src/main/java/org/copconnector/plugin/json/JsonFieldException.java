package org.copconnector.plugin.json;

import com.google.gson.JsonParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Well-formed JSON whose field has a value the target type cannot take. */
public final class JsonFieldException extends JsonParseException {

  /** What is wrong with the value. */
  public enum Kind {
    UNKNOWN_FIELD,
    UNKNOWN_VALUE,
    EXPECTED_OBJECT,
    EXPECTED_NUMBER,
    EXPECTED_INTEGER,
    OUT_OF_RANGE,
    EXPECTED_BOOLEAN,
    WRONG_TYPE,
    NOT_A_DATE,
    NOT_AN_INSTANT,
    DATE_OUT_OF_RANGE,
    EXPECTED_STRING,
    CONTROL_CHARACTER,
    TEXT_LENGTH,
    LIST_LENGTH
  }

  /** The parameter naming a more specific reason for the refusal than its kind. */
  public static final String REASON = "reason";

  private final String jsonPath;
  private final Kind kind;
  private final Map<String, Object> parameters;

  public JsonFieldException(String jsonPath, Kind kind, String message, Map<String, ?> parameters) {
    super(message);
    this.jsonPath = jsonPath == null || !jsonPath.startsWith("$") ? "$" : jsonPath;
    this.kind = kind;
    this.parameters = new LinkedHashMap<>(parameters);
  }

  public JsonFieldException(String jsonPath, Kind kind, String message) {
    this(jsonPath, kind, message, Map.of());
  }

  /** The same refusal for a value found at {@code jsonPath}. */
  public JsonFieldException at(String jsonPath) {
    return new JsonFieldException(jsonPath, kind, getMessage(), parameters);
  }

  /** Where the value is, as a JSON path ({@code $.profile.cycle}). */
  public String jsonPath() {
    return jsonPath;
  }

  /** The offending field as a dotted path, e.g. {@code profile.cycle}. */
  public String field() {
    return jsonPath.replaceFirst("^\\$\\.?", "");
  }

  public Kind kind() {
    return kind;
  }

  /** What a message about it may quote, e.g. the allowed values. */
  public Map<String, Object> parameters() {
    return parameters;
  }
}
