package org.copconnector.plugin.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Refuses a declared oversized JSON body before any of it is read. */
@Provider
@PreMatching
public final class BodyLimitFilter implements ContainerRequestFilter {

  private final long maxBodyBytes;

  public BodyLimitFilter(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared == null
        || request.getMediaType() == null
        || !"json".equals(request.getMediaType().getSubtype())) {
      return;
    }
    try {
      if (Long.parseLong(declared.trim()) > maxBodyBytes) {
        throw ApiException.payloadTooLarge(maxBodyBytes);
      }
    } catch (NumberFormatException e) {
      throw new ApiException(Reason.CONTENT_LENGTH_INVALID, "Content-Length is not a number");
    }
  }
}
