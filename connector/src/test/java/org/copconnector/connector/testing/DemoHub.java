package org.copconnector.connector.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;

/** A connector in demo mode and the API calls the hub's pages make, as demo people. */
public final class DemoHub implements AutoCloseable {

  /** An answer: its status and JSON body (null when empty). */
  public record Answer(int status, JsonElement json) {
    public JsonObject object() {
      return json.getAsJsonObject();
    }

    public com.google.gson.JsonArray array() {
      return json.getAsJsonArray();
    }
  }

  private static final MediaType JSON = MediaType.get("application/json");

  private final Connector connector;
  private final OkHttpClient http = Clients.asTheUi();

  private DemoHub(Connector connector) {
    this.connector = connector;
  }

  /**
   * Starts on a free loopback port, without the demo's sample content (the tests write their own);
   * {@code settings} are extra COP_* variables.
   */
  public static DemoHub start(Path dataDir, Map<String, String> settings) throws Exception {
    return start(dataDir, settings, List.of());
  }

  /** As {@link #start(Path, Map)}, with {@code extra} resources mounted after the product's. */
  public static DemoHub start(Path dataDir, Map<String, String> settings, List<Object> extra)
      throws Exception {
    Map<String, String> env = new HashMap<>(settings);
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    return new DemoHub(
        Connector.start(
            new ConfigLoader(env, dataDir.resolve("none")).load(null),
            extra,
            Connector.Mode.EMPTY_DEMO));
  }

  /** Signs a demo person in from a demo course; returns their session token. */
  public String enter(String person, String course) throws IOException {
    Request request =
        new Request.Builder()
            .url(url("/demo/enter"))
            .post(new FormBody.Builder().add("person", person).add("course", course).build())
            .build();
    try (Response r = http.newCall(request).execute()) {
      String cookie = r.header("Set-Cookie");
      return cookie.substring("cop_session=".length(), cookie.indexOf(';'));
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  public Answer call(String session, String method, String path, String body) throws IOException {
    RequestBody content =
        body == null
            ? (method.equals("GET") || method.equals("DELETE")
                ? null
                : RequestBody.create(new byte[0]))
            : RequestBody.create(body, JSON);
    Request request =
        new Request.Builder()
            .url(url(path))
            .header("Cookie", "cop_session=" + session)
            .method(method, content)
            .build();
    try (Response r = http.newCall(request).execute()) {
      String text = r.body().string();
      return new Answer(r.code(), text.isEmpty() ? null : JsonParser.parseString(text));
    }
  }

  /** Makes a community as {@code session}, its first facilitator; returns the community's id. */
  public String community(String session, String name, String domain) throws IOException {
    JsonObject body = new JsonObject();
    body.addProperty("name", name);
    body.addProperty("domain", domain);
    return call(session, "POST", "/api/v1/communities", body.toString())
        .object()
        .get("id")
        .getAsString();
  }

  /** Sends a file as the UI does: raw bytes, its name percent-encoded in X-File-Name. */
  public Answer upload(String session, byte[] content, String fileName) throws IOException {
    return upload(
        session, RequestBody.create(content, MediaType.get("application/octet-stream")), fileName);
  }

  /** Sends a file without declaring its length (chunked), as a stream would. */
  public Answer uploadChunked(String session, byte[] content, String fileName) throws IOException {
    RequestBody chunked =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("application/octet-stream");
          }

          @Override
          public long contentLength() {
            return -1;
          }

          @Override
          public void writeTo(okio.BufferedSink sink) throws IOException {
            sink.write(content);
          }
        };
    return upload(session, chunked, fileName);
  }

  /** Sends a file as the UI does to {@code path} (pictures and attachments of posts). */
  public Answer upload(String session, String path, byte[] content, String fileName)
      throws IOException {
    return upload(
        session,
        path,
        RequestBody.create(content, MediaType.get("application/octet-stream")),
        fileName);
  }

  private Answer upload(String session, RequestBody body, String fileName) throws IOException {
    return upload(session, "/api/v1/uploads", body, fileName);
  }

  private Answer upload(String session, String path, RequestBody body, String fileName)
      throws IOException {
    Request request =
        new Request.Builder()
            .url(url(path))
            .header("Cookie", "cop_session=" + session)
            .header(
                "X-File-Name",
                java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8))
            .post(body)
            .build();
    try (Response r = http.newCall(request).execute()) {
      String text = r.body().string();
      return new Answer(r.code(), text.isEmpty() ? null : JsonParser.parseString(text));
    }
  }

  /** A downloaded file: status, bytes and headers. */
  public record Download(int status, byte[] bytes, okhttp3.Headers headers) {}

  public Download download(String session, String path) throws IOException {
    Request request =
        new Request.Builder().url(url(path)).header("Cookie", "cop_session=" + session).build();
    try (Response r = http.newCall(request).execute()) {
      return new Download(r.code(), r.body().bytes(), r.headers());
    }
  }

  public int port() {
    return connector.port();
  }

  public org.copconnector.plugin.store.Database database() {
    return connector.database();
  }

  @Override
  public void close() {
    Clients.closeIdleConnections(http);
    connector.close();
  }
}
