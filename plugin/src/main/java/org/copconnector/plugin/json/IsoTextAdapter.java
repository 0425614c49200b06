package org.copconnector.plugin.json;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** A java.time value as its ISO-8601 text, both ways; bad text names the field. */
final class IsoTextAdapter<T> extends TypeAdapter<T> {

  private final Function<String, T> parse;
  private final String expected;
  private final JsonFieldException.Kind refusal;
  private final Predicate<T> allowed;

  /**
   * @param expected what the text should look like, for the error message
   * @param refusal what a refused text is reported as
   */
  IsoTextAdapter(Function<String, T> parse, String expected, JsonFieldException.Kind refusal) {
    this(parse, expected, refusal, value -> true);
  }

  private IsoTextAdapter(
      Function<String, T> parse,
      String expected,
      JsonFieldException.Kind refusal,
      Predicate<T> allowed) {
    this.parse = parse;
    this.expected = expected;
    this.refusal = refusal;
    this.allowed = allowed;
  }

  /** The same, refusing values outside {@link DateWindow} as {@code DATE_OUT_OF_RANGE}. */
  IsoTextAdapter<T> within(Predicate<T> window) {
    return new IsoTextAdapter<>(parse, expected, refusal, window);
  }

  @Override
  public void write(JsonWriter out, T value) throws IOException {
    if (value == null) {
      out.nullValue();
    } else {
      out.value(value.toString());
    }
  }

  @Override
  public T read(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    String path = in.getPath();
    String text = in.nextString();
    T value;
    try {
      value = parse.apply(text);
    } catch (DateTimeParseException e) {
      throw new JsonFieldException(path, refusal, "not " + expected + ": " + text);
    }
    if (!allowed.test(value)) {
      throw new JsonFieldException(
          path,
          JsonFieldException.Kind.DATE_OUT_OF_RANGE,
          "a date from " + DateWindow.FIRST + " to " + DateWindow.LAST + ": " + text,
          Map.of("min", DateWindow.FIRST.toString(), "max", DateWindow.LAST.toString()));
    }
    return value;
  }
}
