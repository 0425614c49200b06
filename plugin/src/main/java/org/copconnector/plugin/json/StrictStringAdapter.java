package org.copconnector.plugin.json;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Map;

/**
 * Text must be sent as a JSON string (Gson alone stores {@code 12345} or {@code true} as their
 * words), and must be text: control characters other than tab and line breaks, and halves of
 * surrogate pairs, are refused rather than stripped, so nothing is stored other than what was sent.
 * PostgreSQL refuses NUL in text; refusing here keeps both databases alike.
 */
final class StrictStringAdapter extends TypeAdapter<String> {

  @Override
  public void write(JsonWriter out, String value) throws IOException {
    out.value(value);
  }

  @Override
  public String read(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (token != JsonToken.STRING) {
      throw new JsonFieldException(
          in.getPath(), JsonFieldException.Kind.EXPECTED_STRING, "expected a string");
    }
    String path = in.getPath();
    String text = in.nextString();
    int at = TextCharacters.firstNonText(text);
    if (at >= 0) {
      throw new JsonFieldException(
          path,
          JsonFieldException.Kind.CONTROL_CHARACTER,
          "a character that is not text at position " + at,
          Map.of("position", at));
    }
    return text;
  }
}
