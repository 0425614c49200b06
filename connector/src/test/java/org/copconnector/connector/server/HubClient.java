package org.copconnector.connector.server;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.testing.Clients;

/**
 * Requests to connector processes as the pages make them, with a session cookie; answers read
 * whole. A transport failure (the process is gone) is an {@link IOException}; an unexpected status
 * an {@link AssertionError}.
 */
final class HubClient {

  private static final MediaType JSON = MediaType.get("application/json");

  /** One answer: status, body, redirect and the cookies set. */
  record Answer(int status, String body, String location, List<String> setCookies) {

    /** {@code name=value} of a cookie the answer set. */
    String cookie(String name) {
      return setCookies.stream()
          .filter(c -> c.startsWith(name + "="))
          .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + setCookies));
    }
  }

  private final OkHttpClient http =
      Clients.asTheUi().newBuilder().callTimeout(Duration.ofSeconds(15)).build();

  Answer call(JarInstance instance, String session, String method, String path, String json)
      throws IOException {
    return send(
        instance,
        session == null ? null : "cop_session=" + session,
        path,
        method,
        json == null ? null : RequestBody.create(json, JSON),
        Map.of());
  }

  Answer get(JarInstance instance, String session, String path) throws IOException {
    return call(instance, session, "GET", path, null);
  }

  /** POSTs JSON and expects 201; the created object. */
  JsonObject post(JarInstance instance, String session, String path, String json)
      throws IOException {
    return JsonParser.parseString(expect(201, call(instance, session, "POST", path, json)).body())
        .getAsJsonObject();
  }

  /** A form post carrying {@code cookie} ({@code name=value}, or null). */
  Answer form(JarInstance instance, String cookie, String path, Map<String, String> fields)
      throws IOException {
    FormBody.Builder form = new FormBody.Builder();
    fields.forEach(form::add);
    return send(instance, cookie, path, "POST", form.build(), Map.of());
  }

  JsonObject upload(JarInstance instance, String session, byte[] bytes, String fileName)
      throws IOException {
    Answer answer =
        send(
            instance,
            "cop_session=" + session,
            "/api/v1/uploads",
            "POST",
            RequestBody.create(bytes, MediaType.get("application/octet-stream")),
            Map.of("X-File-Name", fileName));
    return JsonParser.parseString(expect(201, answer).body()).getAsJsonObject();
  }

  byte[] bytes(JarInstance instance, String session, String path) throws IOException {
    Request request =
        new Request.Builder()
            .url(instance.base() + path)
            .header("Cookie", "cop_session=" + session)
            .build();
    try (Response r = http.newCall(request).execute()) {
      if (r.code() != 200) {
        throw new AssertionError("GET " + path + " answered " + r.code());
      }
      return r.body().bytes();
    }
  }

  Answer expect(int status, Answer answer) {
    if (answer.status() != status) {
      throw new AssertionError("expected " + status + ", got " + answer.status() + ": " + answer);
    }
    return answer;
  }

  private Answer send(
      JarInstance instance,
      String cookie,
      String path,
      String method,
      RequestBody body,
      Map<String, String> headers)
      throws IOException {
    Request.Builder request =
        new Request.Builder().url(instance.base() + path).method(method, body);
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    headers.forEach(request::header);
    try (Response r = http.newCall(request.build()).execute()) {
      return new Answer(r.code(), r.body().string(), r.header("Location"), r.headers("Set-Cookie"));
    }
  }
}
