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

/** Errors raised by the container itself (bad URIs, oversized headers) in the API's error shape, never an HTML page. */
final class JsonErrorHandler extends org.eclipse.jetty.ee10.servlet.ErrorHandler {

  @Override
  protected boolean generateAcceptableResponse(
      Request request, Response response, Callback callback, String contentType, List<Charset> charsets, int code,
      String message, Throwable cause) {
    String reason = HttpStatus.getMessage(code);
    String codeName = code == 404 ? "not_found" : code >= 500 ? "internal_error" : "http_" + code;
    ApiError error = new ApiError(codeName, reason == null ? "request failed" : reason.toLowerCase(), Map.of());
    byte[] body = Json.lenient().toJson(error).getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
