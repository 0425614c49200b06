package org.copconnector.plugin.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a query string that is not percent-encoded UTF-8 (400), as a malformed path is refused:
 * otherwise a broken escape would silently become replacement characters or an empty search.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class QueryEncodingFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    if (query == null) {
      return;
    }
    for (String pair : query.split("&")) {
      try {
        PercentEncoding.decode(pair);
      } catch (IllegalArgumentException e) {
        throw new ApiException(
            Reason.BAD_REQUEST, "the query must be percent-encoded UTF-8 (" + e.getMessage() + ")");
      }
    }
  }
}
