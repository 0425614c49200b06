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
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Set;

/** Records read from client input must not carry fields the record does not declare. */
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
        try {
          return delegate.read(fields);
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
      }
    };
  }
}
