package org.copconnector.connector.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Times every request by its route template (not its address, so ids do not multiply the series),
 * method and status: {@code http_server_requests_seconds}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RouteTimer implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = "cop.metrics.started";

  private final MeterRegistry registry;

  public RouteTimer(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    Timer.builder("http.server.requests")
        .description("HTTP requests by route, method and status")
        .tag("method", request.getMethod())
        .tag("route", route(request))
        .tag("status", String.valueOf(response.getStatus()))
        .register(registry)
        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** The matched templates, outermost first, e.g. {@code /api/v1/threads/{id}}. */
  private static String route(ContainerRequestContext request) {
    if (!(request.getUriInfo() instanceof ExtendedUriInfo info)) {
      return "unknown";
    }
    List<UriTemplate> templates = info.getMatchedTemplates();
    if (templates == null || templates.isEmpty()) {
      return "unmatched";
    }
    StringBuilder route = new StringBuilder();
    for (int i = templates.size() - 1; i >= 0; i--) {
      String part = templates.get(i).getTemplate();
      if (part.isEmpty() || part.equals("/")) {
        continue;
      }
      if (route.length() == 0 || route.charAt(route.length() - 1) != '/') {
        if (!part.startsWith("/")) {
          route.append('/');
        }
      } else if (part.startsWith("/")) {
        part = part.substring(1);
      }
      route.append(part);
    }
    return route.length() == 0 ? "/" : route.toString();
  }
}
