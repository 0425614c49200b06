package org.copconnector.plugin.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Refuses, for every resource, a paging query parameter that is not a whole number from 0 to {@link
 * #MAX}: a huge or negative page would otherwise overflow an offset or index deep in a query.
 */
@Provider
@Priority(Priorities.USER)
public final class PageParameterFilter implements ContainerRequestFilter {

  /** The largest page, page size, limit or offset a request may ask for. */
  public static final int MAX = 10_000;

  private static final List<String> NAMES = List.of("page", "pageSize", "limit", "offset");

  @Override
  public void filter(ContainerRequestContext request) {
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
    for (String name : NAMES) {
      for (String value : query.getOrDefault(name, List.of())) {
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > MAX) {
          throw ApiException.invalid(
              Reason.PAGE_RANGE,
              name,
              name + " is a whole number from 0 to " + MAX,
              Map.of("min", 0, "max", MAX));
        }
      }
    }
  }
}
