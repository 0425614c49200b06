package org.copconnector.connector.server;

import com.google.gson.Gson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.copconnector.connector.metrics.RouteTimer;
import org.copconnector.plugin.web.HealthResource;
import org.copconnector.plugin.web.SecurityHeaders;
import org.copconnector.plugin.web.WebFiles;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code GET /health} and the UI's files ({@code /assets/…}) straight from Jetty, in front
 * of the servlet layer and Jersey: they need no session, no body and no query checks, and after a
 * pause those layers cost a load balancer's probe or a browser's file more than the answer itself
 * (BENCHMARKS.md, "Idle requests"). The answers are the ones Jersey gives for the same addresses,
 * which it still serves for anything else: a query string, another method, an unknown file (its 404
 * in the API's error form).
 */
final class DirectAnswers extends Handler.Wrapper {

  private static final String ASSETS = "/assets/";

  private final HealthResource health;
  private final WebFiles files;
  private final SecurityHeaders security;
  private final RouteTimer timer;
  private final Gson gson;

  DirectAnswers(
      HealthResource health,
      WebFiles files,
      SecurityHeaders security,
      RouteTimer timer,
      Gson gson,
      Handler next) {
    super(next);
    this.health = health;
    this.files = files;
    this.security = security;
    this.timer = timer;
    this.gson = gson;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long started = System.nanoTime();
    String method = request.getMethod();
    boolean head = HttpMethod.HEAD.is(method);
    if (!(head || HttpMethod.GET.is(method)) || request.getHttpURI().getQuery() != null) {
      return super.handle(request, response, callback);
    }
    String path = request.getHttpURI().getDecodedPath();
    if ("/health".equals(path)) {
      HealthResource.Health now = health.current();
      int status = HealthResource.status(now);
      send(
          response,
          callback,
          status,
          "application/json",
          null,
          gson.toJson(now).getBytes(StandardCharsets.UTF_8),
          head);
      timer.record(method, "/health", status, started);
      return true;
    }
    if (path != null && path.startsWith(ASSETS)) {
      Optional<WebFiles.WebFile> file = files.asset(path.substring(ASSETS.length()));
      if (file.isPresent()) {
        WebFiles.WebFile found = file.get();
        send(response, callback, 200, found.type(), found.cacheControl(), found.content(), head);
        timer.record(method, "/assets/{path: .+}", 200, started);
        return true;
      }
    }
    return super.handle(request, response, callback);
  }

  private void send(
      Response response,
      Callback callback,
      int status,
      String type,
      String cacheControl,
      byte[] body,
      boolean head) {
    response.setStatus(status);
    var headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, type);
    if (cacheControl != null) {
      headers.put(HttpHeader.CACHE_CONTROL, cacheControl);
    }
    for (Map.Entry<String, String> header : security.defaults().entrySet()) {
      headers.put(header.getKey(), header.getValue());
    }
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, head ? null : ByteBuffer.wrap(body), callback);
  }
}
