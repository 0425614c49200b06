package org.copconnector.plugin.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.json.TextCharacters;

/**
 * Holds every query and path parameter of every resource to the rules of text in a body: text only,
 * and bounded, so that no parameter reaches a query or a page with a NUL or a megabyte.
 */
@Provider
@Priority(Priorities.USER)
public final class QueryTextFilter implements ContainerRequestFilter {

  /** The longest parameter value: the longest link the product keeps. */
  public static final int MAX = WebLink.MAX_LENGTH;

  @Override
  public void filter(ContainerRequestContext request) {
    check(request.getUriInfo().getQueryParameters());
    check(request.getUriInfo().getPathParameters());
  }

  /** Refuses a value that holds a character that is not text, naming its parameter or field. */
  static void requireText(String name, String value) {
    int at = TextCharacters.firstNonText(value);
    if (at >= 0) {
      throw ApiException.invalid(
          Reason.CONTROL_CHARACTER,
          name,
          "a character that is not text at position " + at,
          Map.of("position", at));
    }
  }

  private static void check(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        requireText(parameter.getKey(), value);
        if (value.length() > MAX) {
          throw ApiException.invalid(
              Reason.TEXT_LENGTH,
              parameter.getKey(),
              "at most " + MAX + " characters",
              Map.of("min", 0, "max", MAX));
        }
      }
    }
  }
}
