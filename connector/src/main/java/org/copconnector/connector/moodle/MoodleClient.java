package org.copconnector.connector.moodle;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.plugin.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Moodle's REST web services: form-encoded POSTs to {@code /webservice/rest/server.php}
 * answered in JSON. Reads may be retried on transport failures; writes never are (the outbox owns
 * their delivery).
 */
public final class MoodleClient {

  private static final Logger LOG = LoggerFactory.getLogger(MoodleClient.class);

  /** wstoken, wsfunction and moodlewsrestformat are input variables too. */
  private static final int RESERVED_VARS = 3;

  private final OkHttpClient http;
  private final HttpUrl restUrl;
  private final HttpUrl uploadUrl;
  private final int readRetries;
  private final int maxInputVars;
  private final Backoff backoff;
  private final MoodleActivity activity;
  private final String token;
  private final Gson gson = Json.lenient();

  /**
   * @param http a shared client whose timeouts apply; its connection-failure retry is turned off
   *     here so that a write can never be sent twice by the transport
   * @param siteUrl the Moodle site's address, e.g. {@code https://moodle.example.edu}
   */
  public MoodleClient(
      OkHttpClient http,
      HttpUrl siteUrl,
      String token,
      int readRetries,
      int maxInputVars,
      Backoff backoff) {
    this(
        http,
        siteUrl,
        token,
        readRetries,
        maxInputVars,
        backoff,
        new MoodleActivity(java.time.Clock.systemUTC()));
  }

  /**
   * As above, recording every call's outcome in {@code activity}.
   *
   * @param activity where the latest call that worked and the latest that failed are kept
   */
  public MoodleClient(
      OkHttpClient http,
      HttpUrl siteUrl,
      String token,
      int readRetries,
      int maxInputVars,
      Backoff backoff,
      MoodleActivity activity) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a Moodle token is required");
    }
    if (maxInputVars <= RESERVED_VARS + 10) {
      throw new IllegalArgumentException("maxInputVars is too small: " + maxInputVars);
    }
    this.http =
        http.newBuilder()
            .retryOnConnectionFailure(false)
            .addInterceptor(new MoodleAuthInterceptor(token))
            .build();
    this.restUrl = siteUrl.newBuilder().addPathSegments("webservice/rest/server.php").build();
    this.uploadUrl = siteUrl.newBuilder().addPathSegments("webservice/upload.php").build();
    this.readRetries = readRetries;
    this.maxInputVars = maxInputVars;
    this.backoff = backoff;
    this.activity = activity;
    this.token = token;
  }

  /** Calls a function that changes nothing; transport failures are retried with back-off. */
  public <T> T read(String function, MoodleParams params, Type answerType) {
    for (int attempt = 0; ; attempt++) {
      try {
        return call(function, params, answerType);
      } catch (MoodleTransportException e) {
        if (attempt >= readRetries) {
          throw e;
        }
        LOG.info(
            "moodle {} transport failure ({}), retry {} of {}",
            function,
            e.kind(),
            attempt + 1,
            readRetries);
        try {
          backoff.pause(attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Calls a function that changes Moodle, exactly once; the caller decides about retries. */
  public <T> T write(String function, MoodleParams params, Type answerType) {
    return call(function, params, answerType);
  }

  /**
   * Splits {@code items} so that each call stays under Moodle's {@code max_input_vars}; items past
   * the limit would otherwise be dropped silently by PHP.
   */
  public <T> List<List<T>> batches(List<T> items, int varsPerItem, int otherVars) {
    int perCall =
        Math.max(1, (maxInputVars - RESERVED_VARS - otherVars) / Math.max(1, varsPerItem));
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < items.size(); from += perCall) {
      batches.add(items.subList(from, Math.min(items.size(), from + perCall)));
    }
    return batches;
  }

  /**
   * Uploads one file into a new draft area (or {@code itemId}'s) through {@code
   * /webservice/upload.php}.
   */
  public <T> T upload(
      String filename, byte[] content, String contentType, long itemId, Type answerType) {
    MultipartBody body =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("filearea", "draft")
            .addFormDataPart("itemid", Long.toString(itemId))
            .addFormDataPart(
                "file_1", filename, RequestBody.create(content, MediaType.parse(contentType)))
            .build();
    return execute(
        "upload.php", new Request.Builder().url(uploadUrl).post(body).build(), answerType);
  }

  /** An open download; closing it releases the connection. */
  public record FileStream(InputStream body, long length, Response response) implements Closeable {
    @Override
    public void close() {
      response.close();
    }
  }

  /**
   * Opens a course file for reading: only files of this Moodle site, through {@code
   * /webservice/pluginfile.php} with the token in the request body.
   */
  public FileStream openFile(String fileUrl) {
    try {
      FileStream file = download(fileUrl);
      activity.succeeded("pluginfile.php");
      return file;
    } catch (MoodleTransportException e) {
      activity.failed("pluginfile.php", redact(e.detail()));
      throw e;
    }
  }

  private FileStream download(String fileUrl) {
    HttpUrl url = HttpUrl.parse(fileUrl);
    if (url == null
        || !url.host().equals(restUrl.host())
        || url.port() != restUrl.port()
        || !url.encodedPath().contains("/pluginfile.php/")) {
      throw new MoodleTransportException(
          "pluginfile.php",
          MoodleTransportException.Kind.FOREIGN_FILE,
          0,
          "not a file of this Moodle site",
          null);
    }
    if (!url.encodedPath().contains("/webservice/pluginfile.php/")) {
      url =
          HttpUrl.parse(fileUrl.replaceFirst("/pluginfile\\.php/", "/webservice/pluginfile.php/"));
    }
    Request request =
        new Request.Builder()
            .url(url)
            .post(new FormBody.Builder().add("forcedownload", "1").build())
            .build();
    Response response;
    try {
      response = http.newCall(request).execute();
    } catch (InterruptedIOException e) {
      throw transport("pluginfile.php", MoodleTransportException.Kind.TIMEOUT, 0, "timed out", e);
    } catch (IOException e) {
      throw transport(
          "pluginfile.php",
          MoodleTransportException.Kind.CONNECTION,
          0,
          "connection failed: " + e.getClass().getSimpleName(),
          e);
    }
    String type = response.header("Content-Type", "");
    if (!response.isSuccessful() || type.startsWith("application/json")) {
      // Moodle answers an error as JSON (e.g. an invalid token) with status 200.
      String text;
      try {
        text = response.body().string();
      } catch (IOException e) {
        text = "";
      } finally {
        response.close();
      }
      throw new MoodleTransportException(
          "pluginfile.php",
          MoodleTransportException.Kind.HTTP_STATUS,
          response.code(),
          "the file could not be downloaded: " + text.substring(0, Math.min(200, text.length())),
          null);
    }
    return new FileStream(response.body().byteStream(), response.body().contentLength(), response);
  }

  private <T> T call(String function, MoodleParams params, Type answerType) {
    if (params.size() + RESERVED_VARS > maxInputVars) {
      throw new IllegalArgumentException(
          function
              + " needs "
              + params.size()
              + " input variables; split it into batches under "
              + maxInputVars);
    }
    FormBody.Builder form = new FormBody.Builder().add("wsfunction", function);
    for (Map.Entry<String, String> field : params.asMap().entrySet()) {
      form.add(field.getKey(), field.getValue());
    }
    return execute(
        function, new Request.Builder().url(restUrl).post(form.build()).build(), answerType);
  }

  private <T> T execute(String function, Request request, Type answerType) {
    long started = System.nanoTime();
    try {
      T answer = exchange(function, request, answerType);
      activity.succeeded(function);
      activity.timed(function, "ok", System.nanoTime() - started);
      return answer;
    } catch (MoodleException e) {
      activity.timed(
          function, e.isServerFault() ? "server_fault" : "refused", System.nanoTime() - started);
      activity.failed(
          function,
          redact(
              (e.isServerFault() ? "server fault" : e.errorcode())
                  + (e.moodleMessage() == null ? "" : " (" + e.moodleMessage() + ")")));
      throw e;
    } catch (MoodleTransportException e) {
      activity.timed(
          function,
          e.kind().name().toLowerCase(java.util.Locale.ROOT),
          System.nanoTime() - started);
      activity.failed(function, redact(e.detail()));
      throw e;
    }
  }

  /** The token never reaches what administrators are shown, whatever a message quotes. */
  private String redact(String text) {
    return text.replace(token, "[token]");
  }

  private <T> T exchange(String function, Request request, Type answerType) {
    long started = System.nanoTime();
    Call call = http.newCall(request);
    String body;
    int status;
    String contentType;
    try (Response response = call.execute()) {
      status = response.code();
      contentType = response.header("Content-Type", "");
      body = response.body().string();
    } catch (InterruptedIOException e) {
      throw transport(function, MoodleTransportException.Kind.TIMEOUT, 0, "timed out", e);
    } catch (IOException e) {
      throw transport(
          function,
          MoodleTransportException.Kind.CONNECTION,
          0,
          "connection failed: " + e.getClass().getSimpleName(),
          e);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (status != 200) {
      throw transport(
          function, MoodleTransportException.Kind.HTTP_STATUS, status, "HTTP " + status, null);
    }
    String trimmed = body.stripLeading();
    if (trimmed.startsWith("<")) {
      throw transport(
          function,
          MoodleTransportException.Kind.NOT_JSON,
          status,
          "answered with "
              + (contentType.contains("xml") ? "XML" : "an HTML page")
              + " instead of JSON; check moodle.url and that the REST protocol is enabled",
          null);
    }
    JsonElement json;
    try {
      json = JsonParser.parseString(body);
    } catch (JsonParseException e) {
      throw transport(
          function,
          MoodleTransportException.Kind.TRUNCATED,
          status,
          "answer is not complete JSON",
          e);
    }
    if (json.isJsonObject() && json.getAsJsonObject().has("exception")) {
      MoodleException refused = moodleException(function, json.getAsJsonObject());
      LOG.warn(
          "moodle {} refused: {} in {} ms",
          function,
          refused.isServerFault() ? "server fault" : refused.errorcode(),
          millis);
      throw refused;
    }
    LOG.debug("moodle {} ok in {} ms", function, millis);
    try {
      return gson.fromJson(json, answerType);
    } catch (JsonParseException | IllegalStateException e) {
      throw transport(
          function,
          MoodleTransportException.Kind.NOT_JSON,
          status,
          "answer does not have the expected shape",
          e);
    }
  }

  private static MoodleException moodleException(String function, JsonObject error) {
    return new MoodleException(
        function, text(error, "exception"), text(error, "errorcode"), text(error, "message"));
  }

  private static String text(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  private static MoodleTransportException transport(
      String function,
      MoodleTransportException.Kind kind,
      int status,
      String message,
      Throwable cause) {
    LOG.warn("moodle {} transport failure: {}", function, message);
    return new MoodleTransportException(function, kind, status, message, cause);
  }
}
