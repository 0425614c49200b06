package org.copconnector.plugin.web;

import com.google.gson.Gson;
import com.google.gson.JsonIOException;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.MalformedJsonException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.copconnector.plugin.json.JsonFieldException;

/**
 * The only JSON provider: Gson reads request bodies (strict about fields and types) and writes
 * every answer.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class GsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

  private final Gson gson;

  public GsonProvider(Gson gson) {
    this.gson = gson;
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return isJson(mediaType) && type != InputStream.class && type != String.class;
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    // The body is already bounded (BodyLimitFilter).
    try {
      JsonReader reader =
          gson.newJsonReader(new InputStreamReader(entityStream, StandardCharsets.UTF_8));
      Object value = gson.fromJson(reader, genericType);
      if (value == null) {
        throw new ApiException(Reason.MISSING_BODY, "a JSON request body is required");
      }
      if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
        throw new ApiException(Reason.MALFORMED_JSON, "unexpected content after the JSON value");
      }
      return value;
    } catch (JsonFieldException e) {
      throw refusal(e);
    } catch (JsonParseException | MalformedJsonException | EOFException | IllegalStateException e) {
      throw translate(e);
    } catch (RuntimeException e) {
      // A record constructor refusing a value arrives wrapped by Gson.
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof ApiException api) {
          throw api;
        }
        if (cause instanceof IllegalArgumentException invalid) {
          throw new ApiException(Reason.INVALID_BODY, invalid.getMessage());
        }
        cause = cause.getCause();
      }
      throw e;
    }
  }

  private static RuntimeException translate(Exception e) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof ApiException api) {
        return api;
      }
      if (cause instanceof MalformedJsonException || cause instanceof EOFException) {
        return new ApiException(Reason.MALFORMED_JSON, "the request body is not valid JSON");
      }
      cause = cause.getCause();
    }
    if (e instanceof JsonIOException) {
      return new ApiException(Reason.MALFORMED_JSON, "the request body could not be read");
    }
    // Well-formed JSON with a value of the wrong type ("Expected an int but was STRING at path
    // $.x").
    String message = e.getMessage() == null ? "a field has the wrong type" : e.getMessage();
    String field =
        message.contains("path $")
            ? message.replaceFirst(".*path \\$\\.?", "").split("[\\s\\n]")[0]
            : "";
    return ApiException.invalid(Reason.WRONG_TYPE, field, "a field has the wrong type");
  }

  /** The refusal of a field, under the specific reason its bound names if it names one. */
  private static ApiException refusal(JsonFieldException e) {
    Map<String, Object> parameters = new LinkedHashMap<>(e.parameters());
    Object named = parameters.remove(JsonFieldException.REASON);
    Reason reason =
        named == null
            ? reasonFor(e.kind())
            : Reason.valueOf(named.toString().toUpperCase(java.util.Locale.ROOT));
    parameters.keySet().retainAll(reason.parameters());
    return ApiException.invalid(reason, e.field(), e.getMessage(), parameters);
  }

  private static Reason reasonFor(JsonFieldException.Kind kind) {
    return switch (kind) {
      case UNKNOWN_FIELD -> Reason.UNKNOWN_FIELD;
      case UNKNOWN_VALUE -> Reason.UNKNOWN_VALUE;
      case EXPECTED_OBJECT -> Reason.EXPECTED_OBJECT;
      case EXPECTED_NUMBER -> Reason.EXPECTED_NUMBER;
      case EXPECTED_INTEGER -> Reason.EXPECTED_INTEGER;
      case OUT_OF_RANGE -> Reason.NUMBER_RANGE;
      case EXPECTED_BOOLEAN -> Reason.EXPECTED_BOOLEAN;
      case WRONG_TYPE -> Reason.WRONG_TYPE;
      case NOT_A_DATE -> Reason.DATE_INVALID;
      case NOT_AN_INSTANT -> Reason.DATE_TIME_INVALID;
      case DATE_OUT_OF_RANGE -> Reason.DATE_RANGE;
      case EXPECTED_STRING -> Reason.EXPECTED_STRING;
      case CONTROL_CHARACTER -> Reason.CONTROL_CHARACTER;
      case TEXT_LENGTH -> Reason.TEXT_LENGTH;
      case LIST_LENGTH -> Reason.LIST_LENGTH;
    };
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return isJson(mediaType);
  }

  @Override
  public void writeTo(
      Object value,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream entityStream)
      throws IOException {
    // Written to text first and encoded once: a writer over the stream encoded each of the many
    // small pieces the JSON writer hands it on its own, which cost more than the JSON itself.
    StringBuilder json = new StringBuilder(1024);
    gson.toJson(value, genericType == null ? type : genericType, json);
    entityStream.write(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isJson(MediaType mediaType) {
    return mediaType == null
        || MediaType.WILDCARD_TYPE.equals(mediaType)
        || (mediaType.getType().equals("application")
            && (mediaType.getSubtype().equals("json") || mediaType.getSubtype().endsWith("+json")));
  }
}
