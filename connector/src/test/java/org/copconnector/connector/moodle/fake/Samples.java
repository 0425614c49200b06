package org.copconnector.connector.moodle.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Responses captured from a real Moodle 4.5 (test resources {@code moodle-samples/}), used as shape
 * templates.
 */
public final class Samples {

  private Samples() {}

  public static String text(String file) {
    try (InputStream in = Samples.class.getResourceAsStream("/moodle-samples/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonElement json(String name) {
    return JsonParser.parseString(text(name + ".json"));
  }

  /** A fresh copy of the first element of a sample that is a JSON array. */
  public static JsonObject firstOf(String name) {
    return ((JsonArray) json(name)).get(0).getAsJsonObject().deepCopy();
  }

  /** A fresh copy of the first element of the array {@code field} of a sample object. */
  public static JsonObject firstOf(String name, String field) {
    return json(name).getAsJsonObject().getAsJsonArray(field).get(0).getAsJsonObject().deepCopy();
  }
}
