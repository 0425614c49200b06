package org.copconnector.connector.server;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.web.ApiError;
import org.copconnector.plugin.web.Reason;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors raised by the container itself (bad URIs, oversized headers) in the API's error shape,
 * never an HTML page.
 */
final class JsonErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {

  private static final Logger LOG = LoggerFactory.getLogger(JsonErrorHandler.class);

  /** Every method gets the error body: Jetty's default leaves PUT and DELETE refusals empty. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected boolean generateAcceptableResponse(
      Request request,
      Response response,
      Callback callback,
      String contentType,
      List<Charset> charsets,
      int code,
      String message,
      Throwable cause) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(body(code, cause)), callback);
    return true;
  }

  private static byte[] body(int status, Throwable cause) {
    String phrase = HttpStatus.getMessage(status);
    String code =
        status == 404
            ? "not_found"
            : status >= 500 ? "internal_error" : status == 400 ? "bad_request" : "http_" + status;
    Map<String, Object> details = Map.of();
    if (status >= 500) {
      String correlationId = UUID.randomUUID().toString();
      LOG.error("container error {} [correlationId={}]", status, correlationId, cause);
      details = Map.of("correlationId", correlationId);
    }
    ApiError error =
        new ApiError(
            code,
            reasonOf(status).key(),
            phrase == null ? "request failed" : phrase.toLowerCase(java.util.Locale.ROOT),
            details);
    return Json.lenient().toJson(error).getBytes(StandardCharsets.UTF_8);
  }

  private static Reason reasonOf(int status) {
    if (status >= 500) {
      return Reason.INTERNAL_ERROR;
    }
    return switch (status) {
      case 400 -> Reason.BAD_REQUEST;
      case 404 -> Reason.NOT_FOUND;
      case 405 -> Reason.METHOD_NOT_ALLOWED;
      case 413, 414, 431 -> Reason.REQUEST_TOO_LARGE;
      default -> Reason.REQUEST_REFUSED;
    };
  }
}
