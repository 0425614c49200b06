package org.copconnector.plugin.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * The one limit on request bodies, whatever their type (JSON, forms such as the LTI launch, raw
 * bytes): a declared oversized body is refused before any of it is read, an undeclared one as soon
 * as it passes the limit. Only methods marked {@link StreamedBody} read past it, under their own.
 */
@Provider
public final class BodyLimitFilter implements ContainerRequestFilter {

  private final long maxBodyBytes;

  @Context private ResourceInfo resource;

  public BodyLimitFilter(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    // No length and no chunks: the request has no body to bound (most are such reads), and the
    // resource method's look-up through the injected proxy is not worth its cost.
    if (declared == null && request.getHeaderString("Transfer-Encoding") == null) {
      return;
    }
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method != null && method.isAnnotationPresent(StreamedBody.class)) {
      return;
    }
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        throw new ApiException(Reason.CONTENT_LENGTH_INVALID, "Content-Length is not a number");
      }
      if (length > maxBodyBytes) {
        throw ApiException.payloadTooLarge(maxBodyBytes);
      }
    }
    request.setEntityStream(new BoundedInputStream(request.getEntityStream(), maxBodyBytes));
  }
}
