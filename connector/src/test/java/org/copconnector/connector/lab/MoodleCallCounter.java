package org.copconnector.connector.lab;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A loopback forwarder in front of the lab's Moodle that records every web-service call passing
 * through it: point a connector at {@link #url()} to count exactly the calls it makes (Moodle's own
 * log cannot tell them from a colleague's, they share the service user). It can also lose the
 * answer of a call after Moodle has done it.
 */
public final class MoodleCallCounter implements AutoCloseable {

  /** One web-service call: its function and form fields (the token left out). */
  public record Call(String function, Map<String, String> params) {}

  private final String moodleUrl;
  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final java.util.Set<String> answersToLose =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final OkHttpClient http =
      new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(120)).build();

  public MoodleCallCounter(String moodleUrl) {
    this.moodleUrl = moodleUrl;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return forward(request);
          }
        });
  }

  /** Starts on a free loopback port. */
  public MoodleCallCounter start() throws IOException {
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    return this;
  }

  /** Where to point a connector, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    String root = server.url("/").toString();
    return root.substring(0, root.length() - 1);
  }

  /**
   * The next call of {@code function} reaches Moodle, which does it, but its answer never reaches
   * the caller: the connection drops instead.
   */
  public void loseAnswerOfNext(String function) {
    answersToLose.add(function);
  }

  /** The calls of one function so far, in the order they arrived. */
  public List<Call> calls(String function) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.function().equals(function)).toList();
    }
  }

  private MockResponse forward(RecordedRequest request) {
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    String contentType = request.getHeaders().get("Content-Type");
    boolean lose = false;
    if (request.getTarget().startsWith("/webservice/rest/server.php")) {
      Map<String, String> params = form(new String(body, StandardCharsets.UTF_8));
      String query = request.getUrl().query();
      if (query != null) {
        params.putAll(form(query));
      }
      params.remove("wstoken");
      String function = params.getOrDefault("wsfunction", "");
      calls.add(new Call(function, params));
      lose = answersToLose.remove(function);
    }
    Request.Builder out = new Request.Builder().url(moodleUrl + request.getTarget());
    if (request.getMethod().equals("GET")) {
      out.get();
    } else {
      out.method(
          request.getMethod(),
          RequestBody.create(body, contentType == null ? null : MediaType.get(contentType)));
    }
    try (Response response = http.newCall(out.build()).execute()) {
      MockResponse.Builder answer =
          new MockResponse.Builder()
              .code(response.code())
              .body(new okio.Buffer().write(response.body().bytes()));
      String answerType = response.header("Content-Type");
      if (answerType != null) {
        answer.setHeader("Content-Type", answerType);
      }
      if (lose) {
        answer.onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE);
      }
      return answer.build();
    } catch (IOException e) {
      return new MockResponse.Builder().code(502).body("").build();
    }
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
