package org.copconnector.plugin.json;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Set;

/**
 * Booleans must be {@code true}/{@code false} and numbers must be numbers: Gson on its own reads
 * {@code "yes"} as false and {@code "5"} as 5, which would store something the caller did not mean.
 */
final class StrictScalarAdapterFactory implements TypeAdapterFactory {

  private static final Set<Class<?>> NUMBERS =
      Set.of(
          int.class,
          Integer.class,
          long.class,
          Long.class,
          double.class,
          Double.class,
          float.class,
          Float.class,
          short.class,
          Short.class);
  private static final Set<Class<?>> BOOLEANS = Set.of(boolean.class, Boolean.class);

  @Override
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    JsonToken expected =
        NUMBERS.contains(raw)
            ? JsonToken.NUMBER
            : BOOLEANS.contains(raw) ? JsonToken.BOOLEAN : null;
    if (expected == null) {
      return null;
    }
    TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
    return new TypeAdapter<>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        delegate.write(out, value);
      }

      @Override
      public T read(JsonReader in) throws IOException {
        JsonToken token = in.peek();
        if (token != expected && token != JsonToken.NULL) {
          throw expected == JsonToken.NUMBER
              ? new JsonFieldException(
                  in.getPath(), JsonFieldException.Kind.EXPECTED_NUMBER, "expected a number")
              : new JsonFieldException(
                  in.getPath(), JsonFieldException.Kind.EXPECTED_BOOLEAN, "expected true or false");
        }
        return delegate.read(in);
      }
    };
  }
}
