package org.copconnector.connector.server;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.web.ApiError;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors raised by the container itself (bad URIs, oversized headers) in the API's error shape,
 * never an HTML page.
 */
final class JsonErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {

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
    response.write(true, ByteBuffer.wrap(body(code)), callback);
    return true;
  }

  private static byte[] body(int status) {
    String reason = HttpStatus.getMessage(status);
    String code =
        status == 404
            ? "not_found"
            : status >= 500 ? "internal_error" : status == 400 ? "bad_request" : "http_" + status;
    ApiError error =
        new ApiError(
            code,
            reason == null ? "request failed" : reason.toLowerCase(java.util.Locale.ROOT),
            Map.of());
    return Json.lenient().toJson(error).getBytes(StandardCharsets.UTF_8);
  }
}
