package org.copconnector.connector.lti;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.web.ApiError;

/**
 * Errors on /lti/* as explanatory pages: these addresses are opened by a browser inside Moodle,
 * where the JSON error shape of the API would be shown raw to a teacher. Runs on what the exception
 * mappers produced (wrong method, wrong form encoding, unexpected failures), in the browser's
 * language.
 */
public final class LtiErrorPages implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!request.getUriInfo().getPath().startsWith("lti/")
        || !(response.getEntity() instanceof ApiError error)) {
      return;
    }
    // The body of a failed launch is not read again here: the browser's languages decide.
    Translations t = PageLanguage.of(null, request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    response.setEntity(
        page(t, response.getStatus(), error), null, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
  }

  private static String page(Translations t, int status, ApiError error) {
    if (status >= 500) {
      Object correlationId = error.details().get("correlationId");
      return LtiPages.problem(
          t,
          t.text("lti.couldNotOpen"),
          t.text("lti.serverError"),
          correlationId == null ? error.error() : correlationId.toString());
    }
    return LtiPages.problem(
        t,
        t.text("lti.openFromMoodle.title"),
        t.text("lti.openFromMoodle.text"),
        status + " " + error.error());
  }
}
