package org.copconnector.plugin.json;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Calendar dates as ISO-8601 text ({@code 2026-11-23}), both ways. */
final class LocalDateAdapter extends TypeAdapter<LocalDate> {

  @Override
  public void write(JsonWriter out, LocalDate value) throws IOException {
    if (value == null) {
      out.nullValue();
    } else {
      out.value(value.toString());
    }
  }

  @Override
  public LocalDate read(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    String path = in.getPath();
    String text = in.nextString();
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new JsonFieldException(path, "not an ISO-8601 date (YYYY-MM-DD): " + text);
    }
  }
}
