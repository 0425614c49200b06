package org.copconnector.connector.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile variants of a valid JSON body, generated field by field from the body itself: a string
 * becomes a number, a boolean, an array or an object, takes NUL or another control character, or
 * grows past any column; a number or a boolean becomes a string, a fraction, a huge or negative
 * number; a date leaves the calendar. Every variant must be refused.
 */
public final class JsonMutations {

  /** One variant: what was changed, and the body sent. */
  public record Variant(String what, String body) {}

  /** Longer than any text column, well under the body limit. */
  static final int OVERSIZED = 100_000;

  private static final String CONTROLS = "\u0001\u0002\u0007\u0008\u000b\u000c\u000e\u001b\u001f";

  private final Random random;

  public JsonMutations(Random random) {
    this.random = random;
  }

  /** Every field's variants of {@code template} (a JSON object). */
  public List<Variant> of(String template) {
    JsonObject valid = JsonParser.parseString(template).getAsJsonObject();
    List<Variant> variants = new ArrayList<>();
    for (String path : leaves(valid, "")) {
      JsonElement value = at(valid, path);
      for (Map.Entry<String, JsonElement> change : changes(value).entrySet()) {
        JsonObject body = valid.deepCopy();
        set(body, path, change.getValue());
        variants.add(new Variant(path + " " + change.getKey(), body.toString()));
      }
    }
    JsonObject unknown = valid.deepCopy();
    unknown.addProperty("isAdmin", true);
    variants.add(new Variant("an unknown field", unknown.toString()));
    return variants;
  }

  private Map<String, JsonElement> changes(JsonElement value) {
    Map<String, JsonElement> changes = new java.util.LinkedHashMap<>();
    JsonPrimitive primitive = value.getAsJsonPrimitive();
    if (primitive.isString()) {
      String text = primitive.getAsString();
      changes.put("as a number", new JsonPrimitive(42));
      changes.put("as a boolean", new JsonPrimitive(true));
      changes.put("as an array", array(text));
      changes.put("as an object", object(text));
      changes.put("with NUL", new JsonPrimitive(text + "\u0000" + text));
      char control = CONTROLS.charAt(random.nextInt(CONTROLS.length()));
      changes.put(
          "with control character U+%04X".formatted((int) control),
          new JsonPrimitive(control + text));
      changes.put("oversized", new JsonPrimitive(text + "x".repeat(OVERSIZED)));
      if (text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
        changes.put("year 1000000", new JsonPrimitive("+1000000" + text.substring(4)));
        changes.put("30 February", new JsonPrimitive("2030-02-30" + text.substring(10)));
      }
    } else if (primitive.isNumber()) {
      changes.put("as a string", new JsonPrimitive(primitive.getAsString()));
      changes.put("as a boolean", new JsonPrimitive(true));
      changes.put("as a fraction", new JsonPrimitive(new BigDecimal("2.5")));
      changes.put("beyond a long", new JsonPrimitive(new BigDecimal("1e400")));
      changes.put("beyond an int", new JsonPrimitive(4_294_967_297L));
      changes.put("negative", new JsonPrimitive(-1 - random.nextInt(1000)));
      changes.put("as an array", array(primitive.getAsString()));
    } else if (primitive.isBoolean()) {
      changes.put("as a string", new JsonPrimitive(primitive.getAsString()));
      changes.put("as a number", new JsonPrimitive(1));
      changes.put("as an array", array(primitive.getAsString()));
      changes.put("as an object", object(primitive.getAsString()));
    }
    return changes;
  }

  /** Bodies that are not the JSON object an endpoint takes, whatever it is. */
  public static List<Variant> malformed(String template) {
    String cut = template.substring(0, template.length() / 2);
    return List.of(
        new Variant("cut in half", cut),
        new Variant("a trailing comma", template.replaceFirst("}$", ",}")),
        new Variant("a missing colon", template.replaceFirst("\":", "\" ")),
        new Variant("single quotes", template.replace('"', '\'')),
        new Variant("a bare word", "nul"),
        new Variant("an array", "[" + template + "]"),
        new Variant("a string", "\"" + template.replace("\"", "\\\"") + "\""),
        new Variant("a number", "12345678901234567890"),
        new Variant("nested 100,000 deep", "{\"x\":" + "[".repeat(100_000)),
        new Variant("a comment", "/* hi */" + template));
  }

  /** Every leaf's path: {@code a.b} for objects, {@code a[0]} for an array's first entry. */
  private static List<String> leaves(JsonElement json, String path) {
    List<String> leaves = new ArrayList<>();
    if (json.isJsonObject()) {
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
        leaves.addAll(leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
      }
    } else if (json.isJsonArray()) {
      if (!json.getAsJsonArray().isEmpty()) {
        leaves.addAll(leaves(json.getAsJsonArray().get(0), path + "[0]"));
      }
    } else if (json.isJsonPrimitive()) {
      leaves.add(path);
    }
    return leaves;
  }

  private static JsonElement at(JsonElement json, String path) {
    return walk(json, path, (parent, last) -> child(parent, last));
  }

  private static void set(JsonElement json, String path, JsonElement value) {
    walk(
        json,
        path,
        (parent, last) -> {
          if (last.endsWith("]")) {
            parent.getAsJsonArray().set(0, value);
          } else {
            parent.getAsJsonObject().add(last, value);
          }
          return value;
        });
  }

  private interface Step {
    JsonElement apply(JsonElement parent, String last);
  }

  private static JsonElement walk(JsonElement json, String path, Step last) {
    List<String> steps = new ArrayList<>();
    for (String part : path.split("\\.")) {
      if (part.endsWith("[0]")) {
        steps.add(part.substring(0, part.length() - 3));
        steps.add("[0]");
      } else {
        steps.add(part);
      }
    }
    JsonElement at = json;
    for (int i = 0; i < steps.size() - 1; i++) {
      at = child(at, steps.get(i));
    }
    return last.apply(at, steps.get(steps.size() - 1));
  }

  private static JsonElement child(JsonElement parent, String step) {
    return step.equals("[0]") ? parent.getAsJsonArray().get(0) : parent.getAsJsonObject().get(step);
  }

  private static JsonArray array(String text) {
    JsonArray array = new JsonArray();
    array.add(text);
    return array;
  }

  private static JsonObject object(String text) {
    JsonObject object = new JsonObject();
    object.addProperty("value", text);
    return object;
  }
}
