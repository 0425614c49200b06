package org.copconnector.plugin.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes an {@link ApiException} in the error shape with its own status. */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  @Override
  public Response toResponse(ApiException e) {
    return Response.status(e.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiError.of(e.reason(), e.getMessage(), e.details()))
        .build();
  }
}
