package org.copconnector.plugin.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Runs a GET of this application inside the current request, through every filter, resource and
 * mapper a request from the network meets, with the caller's headers (so its session and language):
 * a page's first reads answered in one round trip cost what they cost one by one, minus the
 * network.
 */
public final class InMemoryRequests implements ContainerLifecycleListener {

  /** What a read answered: its status, media type and body text. */
  public record Answer(int status, String mediaType, String body) {}

  private volatile ApplicationHandler handler;

  @Override
  public void onStartup(Container container) {
    handler = container.getApplicationHandler();
  }

  @Override
  public void onReload(Container container) {
    handler = container.getApplicationHandler();
  }

  @Override
  public void onShutdown(Container container) {
    handler = null;
  }

  /** {@code path} with its query, starting with {@code /}, read as {@code caller} would. */
  public Answer get(ContainerRequestContext caller, String path) {
    ApplicationHandler app = handler;
    if (app == null) {
      throw new IllegalStateException("the application is not running");
    }
    URI base = caller.getUriInfo().getBaseUri();
    ContainerRequest request =
        new ContainerRequest(
            base,
            base.resolve(path.substring(1)),
            "GET",
            caller.getSecurityContext(),
            new MapPropertiesDelegate(),
            app.getConfiguration());
    caller
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                  && !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                request.headers(name, List.copyOf(values));
              }
            });
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      ContainerResponse response = app.apply(request, body).get();
      String type = response.getMediaType() == null ? "" : response.getMediaType().toString();
      return new Answer(response.getStatus(), type, body.toString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + path, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading " + path + " failed", e.getCause());
    }
  }
}
