package org.copconnector.plugin.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import org.copconnector.plugin.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything not mapped elsewhere is a server fault: logged with a correlation id, answered with the
 * same id and no internals.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    String correlationId = UUID.randomUUID().toString();
    boolean storage = e instanceof StoreException;
    int status = storage ? 503 : 500;
    LOG.error("request failed [correlationId={}]", correlationId, e);
    String message =
        storage
            ? "the database is unavailable; try again shortly"
            : "an unexpected error occurred; quote the correlation id when reporting it";
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            ApiError.of(
                storage ? Reason.DATABASE_UNAVAILABLE : Reason.INTERNAL_ERROR,
                message,
                Map.of("correlationId", correlationId)))
        .build();
  }
}
