package org.copconnector.plugin.json;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Instants as ISO-8601 text ({@code 2026-11-23T10:15:30Z}), both ways. */
final class InstantAdapter extends TypeAdapter<Instant> {

  @Override
  public void write(JsonWriter out, Instant value) throws IOException {
    if (value == null) {
      out.nullValue();
    } else {
      out.value(value.toString());
    }
  }

  @Override
  public Instant read(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    String path = in.getPath();
    String text = in.nextString();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new JsonFieldException(path, "not an ISO-8601 instant: " + text);
    }
  }
}
