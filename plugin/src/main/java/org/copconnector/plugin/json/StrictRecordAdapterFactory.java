package org.copconnector.plugin.json;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.internal.bind.JsonTreeReader;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Records read from client input must not carry fields the record does not declare, their numbers
 * must lie in the {@link Range} and their texts and lists within the {@link Length} a component
 * declares.
 */
final class StrictRecordAdapterFactory implements TypeAdapterFactory {

  /** Joins this record's position ({@code $.a}) with a path inside it ({@code $.b.c}). */
  static String join(String outer, String inner) {
    return outer + inner.substring(1);
  }

  @Override
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (!raw.isRecord()) {
      return null;
    }
    Set<String> known = new HashSet<>();
    Map<String, RecordComponent> ranged = new LinkedHashMap<>();
    for (RecordComponent component : raw.getRecordComponents()) {
      SerializedName name = component.getAccessor().getAnnotation(SerializedName.class);
      if (name == null) {
        try {
          name = raw.getDeclaredField(component.getName()).getAnnotation(SerializedName.class);
        } catch (NoSuchFieldException e) {
          name = null;
        }
      }
      known.add(name == null ? component.getName() : name.value());
      if (component.isAnnotationPresent(Range.class)
          || component.isAnnotationPresent(Length.class)) {
        component.getAccessor().trySetAccessible();
        ranged.put(name == null ? component.getName() : name.value(), component);
      }
    }
    TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
    TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
    return new TypeAdapter<>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        delegate.write(out, value);
      }

      @Override
      public T read(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.BEGIN_OBJECT) {
          String path = in.getPath();
          throw new JsonFieldException(
              path,
              JsonFieldException.Kind.EXPECTED_OBJECT,
              "expected an object but found " + in.peek().name().toLowerCase());
        }
        String path = in.getPath();
        JsonElement tree = elements.read(in);
        JsonObject object = tree.getAsJsonObject();
        for (String key : object.keySet()) {
          if (!known.contains(key)) {
            throw new JsonFieldException(
                join(path, "$." + key),
                JsonFieldException.Kind.UNKNOWN_FIELD,
                "unknown field '" + key + "'");
          }
        }
        JsonTreeReader fields = new JsonTreeReader(tree);
        T value;
        try {
          value = delegate.read(fields);
        } catch (JsonFieldException e) {
          throw e.at(join(path, e.jsonPath()));
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
          // Wrong JSON type for a field ("many" for an int): name the field, not Gson's internals.
          // A record constructor refusing a value is another exception and passes through.
          throw new JsonFieldException(
              join(path, fields.getPath()),
              JsonFieldException.Kind.WRONG_TYPE,
              "wrong type of value");
        }
        checkRanges(path, value);
        return value;
      }

      private void checkRanges(String path, T value) {
        if (value == null) {
          return;
        }
        for (Map.Entry<String, RecordComponent> entry : ranged.entrySet()) {
          Range range = entry.getValue().getAnnotation(Range.class);
          Length length = entry.getValue().getAnnotation(Length.class);
          Object field = valueOf(entry.getValue(), value);
          String at = join(path, "$." + entry.getKey());
          if (field instanceof Collection<?> values) {
            if (length != null && values.size() > length.entries()) {
              throw new JsonFieldException(
                  at,
                  JsonFieldException.Kind.LIST_LENGTH,
                  "at most " + length.entries() + " entries",
                  bounds(length, true));
            }
            int i = 0;
            for (Object element : values) {
              check(at + "[" + i++ + "]", element, range, length);
            }
          } else {
            check(at, field, range, length);
          }
        }
      }
    };
  }

  /**
   * What a refusal for {@code length} quotes, under the names the reasons use (a list's entries as
   * its maximum when it is the count that is refused), and the reason it names, if any.
   */
  private static Map<String, Object> bounds(Length length, boolean entries) {
    Map<String, Object> bounds = new LinkedHashMap<>();
    bounds.put("min", entries ? 0 : length.min());
    bounds.put("max", entries ? length.entries() : length.max());
    bounds.put("maxLength", length.max());
    if (length.entries() != Integer.MAX_VALUE) {
      bounds.put("maxEntries", length.entries());
      bounds.put("maxItems", length.entries());
    }
    if (!length.reason().isEmpty()) {
      bounds.put(JsonFieldException.REASON, length.reason());
    }
    return bounds;
  }

  private static Object valueOf(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  private static void check(String path, Object value, Range range, Length length) {
    if (length != null
        && value instanceof String text
        && (text.length() < length.min() || text.length() > length.max())) {
      throw new JsonFieldException(
          path,
          JsonFieldException.Kind.TEXT_LENGTH,
          length.min() + " to " + length.max() + " characters",
          bounds(length, false));
    }
    if (range != null
        && value instanceof Number number
        && (number.doubleValue() < range.min() || number.doubleValue() > range.max())) {
      throw new JsonFieldException(
          path,
          JsonFieldException.Kind.OUT_OF_RANGE,
          "a number from " + range.min() + " to " + range.max() + ": " + value,
          Map.of("min", range.min(), "max", range.max()));
    }
  }
}
