package org.copconnector.connector.lti;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import org.copconnector.plugin.web.ApiError;

/**
 * Errors on /lti/* as explanatory pages: these addresses are opened by a browser inside Moodle,
 * where the JSON error shape of the API would be shown raw to a teacher. Runs on what the exception
 * mappers produced (wrong method, wrong form encoding, unexpected failures).
 */
public final class LtiErrorPages implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!request.getUriInfo().getPath().startsWith("lti/")
        || !(response.getEntity() instanceof ApiError error)) {
      return;
    }
    response.setEntity(
        page(response.getStatus(), error), null, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
  }

  private static String page(int status, ApiError error) {
    if (status >= 500) {
      Object correlationId = error.details().get("correlationId");
      return LtiPages.problem(
          "The connector could not open",
          "Something went wrong in the connector. Try again in a moment; if it keeps happening, give"
              + " your administrator the reference below.",
          correlationId == null ? error.error() : correlationId.toString());
    }
    return LtiPages.problem(
        "Open the connector from your Moodle course",
        "This address is part of the sign-in from Moodle and cannot be opened on its own. Go back to"
            + " the course in Moodle and open the connector's activity again.",
        status + " " + error.error());
  }
}
