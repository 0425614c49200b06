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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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

  /** What names one series. */
  private record Series(String method, String route, int status) {}

  private final MeterRegistry registry;

  /**
   * The timers already registered: building one (its id, sorted tags and the registry's look-up) on
   * every request cost more than timing it. Bounded by routes × methods × statuses.
   */
  private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

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
    record(request.getMethod(), route(request), response.getStatus(), started);
  }

  /** Times a request answered outside Jersey, started at {@code started} (nanoTime). */
  public void record(String method, String route, int status, long started) {
    timers
        .computeIfAbsent(new Series(method, route, status), this::timer)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  private Timer timer(Series series) {
    return Timer.builder("http.server.requests")
        .description("HTTP requests by route, method and status")
        .tag("method", series.method())
        .tag("route", series.route())
        .tag("status", String.valueOf(series.status()))
        .register(registry);
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
