package org.copconnector.plugin.json;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Enum adapter that rejects unknown constants instead of Gson's default of reading them as null.
 */
final class StrictEnumAdapterFactory implements TypeAdapterFactory {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (!Enum.class.isAssignableFrom(raw) || raw == Enum.class) {
      return null;
    }
    if (!raw.isEnum()) {
      raw = raw.getSuperclass(); // constant-specific class bodies
    }
    return (TypeAdapter<T>) new Adapter(raw);
  }

  private static final class Adapter<E extends Enum<E>> extends TypeAdapter<E> {
    private final Map<String, E> byName = new LinkedHashMap<>();
    private final Map<E, String> toName = new LinkedHashMap<>();
    private final Class<E> type;

    Adapter(Class<E> type) {
      this.type = type;
      for (E constant : type.getEnumConstants()) {
        String name = constant.name();
        try {
          Field field = type.getField(name);
          SerializedName annotation = field.getAnnotation(SerializedName.class);
          if (annotation != null) {
            name = annotation.value();
          }
        } catch (NoSuchFieldException e) {
          throw new IllegalStateException(e);
        }
        byName.put(name, constant);
        toName.put(constant, name);
      }
    }

    @Override
    public void write(JsonWriter out, E value) throws IOException {
      if (value == null) {
        out.nullValue();
      } else {
        out.value(toName.get(value));
      }
    }

    @Override
    public E read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      String path = in.getPreviousPath();
      String value = in.nextString();
      E constant = byName.get(value);
      if (constant == null) {
        throw new JsonFieldException(
            path,
            JsonFieldException.Kind.UNKNOWN_VALUE,
            "unknown value '"
                + value
                + "' for "
                + type.getSimpleName()
                + "; allowed: "
                + byName.keySet(),
            Map.of("allowed", String.join(", ", byName.keySet())));
      }
      return constant;
    }
  }
}
