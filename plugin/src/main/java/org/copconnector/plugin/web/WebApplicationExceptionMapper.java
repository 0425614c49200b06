package org.copconnector.plugin.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Jersey's own failures (unknown route, wrong method, unsupported media type) in the error shape; a
 * browser asking for an unknown page gets a short page instead.
 */
@Provider
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {

  private static final Map<Integer, Reason> REASONS =
      Map.of(
          400, Reason.BAD_REQUEST,
          401, Reason.NOT_SIGNED_IN,
          404, Reason.NOT_FOUND,
          405, Reason.METHOD_NOT_ALLOWED,
          406, Reason.NOT_ACCEPTABLE,
          413, Reason.REQUEST_TOO_LARGE,
          415, Reason.UNSUPPORTED_MEDIA_TYPE);

  private static final Map<Integer, String> CODES =
      Map.of(
          400, "bad_request",
          401, "unauthenticated",
          403, "forbidden",
          404, "not_found",
          405, "method_not_allowed",
          406, "not_acceptable",
          413, "payload_too_large",
          415, "unsupported_media_type");

  private final UnexpectedExceptionMapper unexpected;

  @Context private HttpHeaders headers;
  @Context private UriInfo uri;

  public WebApplicationExceptionMapper(UnexpectedExceptionMapper unexpected) {
    this.unexpected = unexpected;
  }

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected.toResponse(e);
    }
    if (status == 404 && uri != null && NotFoundPage.wanted(uri.getPath(), headers)) {
      return NotFoundPage.of(headers);
    }
    String code = CODES.getOrDefault(status, "http_" + status);
    String message =
        switch (status) {
          case 404 -> "no such resource";
          case 405 -> "method not allowed on this resource";
          case 415 -> "send the body as application/json";
          default ->
              Response.Status.fromStatusCode(status) == null
                  ? "request refused"
                  : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    Response.ResponseBuilder answer =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(
                new ApiError(
                    code,
                    REASONS.getOrDefault(status, Reason.REQUEST_REFUSED).key(),
                    message,
                    Map.of()));
    // Keep Allow on 405 so clients can tell which methods exist.
    String allow = e.getResponse().getHeaderString("Allow");
    if (allow != null) {
      answer.header("Allow", allow);
    }
    return answer.build();
  }
}
