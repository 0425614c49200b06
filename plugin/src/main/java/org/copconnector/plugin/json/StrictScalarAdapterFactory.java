package org.copconnector.plugin.json;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Booleans must be {@code true}/{@code false} and numbers must be numbers: Gson on its own reads
 * {@code "yes"} as false and {@code "5"} as 5, which would store something the caller did not mean.
 * Whole numbers must be whole and fit their type: Gson would read 4.5 as 4 and 4294967301 as 5.
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
          Short.class,
          BigDecimal.class);
  private static final Set<Class<?>> BOOLEANS = Set.of(boolean.class, Boolean.class);

  /** The smallest and largest value of each whole-number type. */
  private static final Map<Class<?>, long[]> WHOLE =
      Map.of(
          int.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
          Integer.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
          long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
          Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
          short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
          Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE});

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
    long[] whole = WHOLE.get(raw);
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
        if (whole == null || token == JsonToken.NULL) {
          return delegate.read(in);
        }
        String path = in.getPath();
        return delegate.fromJsonTree(
            new com.google.gson.JsonPrimitive(wholeNumber(path, in.nextString(), whole)));
      }
    };
  }

  /** The number written as {@code text}, if it is whole and between {@code bounds}. */
  private static long wholeNumber(String path, String text, long[] bounds) {
    BigDecimal number = new BigDecimal(text);
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      throw new JsonFieldException(
          path, JsonFieldException.Kind.EXPECTED_INTEGER, "expected a whole number: " + text);
    }
    if (number.compareTo(BigDecimal.valueOf(bounds[0])) < 0
        || number.compareTo(BigDecimal.valueOf(bounds[1])) > 0) {
      throw new JsonFieldException(
          path,
          JsonFieldException.Kind.OUT_OF_RANGE,
          "a whole number from " + bounds[0] + " to " + bounds[1] + ": " + text,
          Map.of("min", bounds[0], "max", bounds[1]));
    }
    return number.longValueExact();
  }
}
