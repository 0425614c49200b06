package org.copconnector.plugin.outbox;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/** The outbox for administrators: what is pending, what failed and why, and "retry now". */
@Path("/api/v1/admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
public final class OutboxResource {

  /**
   * One message as administrators see it (the payload is left out: it may hold teachers' words).
   */
  public record Entry(
      long id,
      String kind,
      String status,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant createdAt) {}

  /** Counts and the listed messages. */
  public record Summary(int pending, int failed, int delivered, List<Entry> messages) {}

  private final Outbox outbox;

  public OutboxResource(Outbox outbox) {
    this.outbox = outbox;
  }

  @GET
  public Summary list(
      @QueryParam("status") @DefaultValue("FAILED") String statusName,
      @Context ContainerRequestContext request) {
    requireAdmin(request);
    OutboxMessage.Status status;
    try {
      status = OutboxMessage.Status.valueOf(statusName.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          Reason.OUTBOX_STATUS_INVALID,
          "status",
          "status must be one of " + java.util.Arrays.toString(OutboxMessage.Status.values()),
          Map.of(
              "allowed",
              java.util.Arrays.stream(OutboxMessage.Status.values())
                  .map(Enum::name)
                  .collect(java.util.stream.Collectors.joining(", "))));
    }
    List<Entry> entries =
        outbox.list(status, 200).stream()
            .map(
                m ->
                    new Entry(
                        m.id(),
                        m.kind(),
                        m.status().name(),
                        m.attempts(),
                        m.nextAttemptAt(),
                        m.lastError(),
                        m.createdAt()))
            .toList();
    return new Summary(
        outbox.count(OutboxMessage.Status.PENDING),
        outbox.count(OutboxMessage.Status.FAILED),
        outbox.count(OutboxMessage.Status.DELIVERED),
        entries);
  }

  @POST
  @Path("/{id}/retry")
  public Entry retry(@PathParam("id") long id, @Context ContainerRequestContext request) {
    requireAdmin(request);
    if (!outbox.retryNow(id)) {
      throw ApiException.notFound(
          Reason.OUTBOX_MESSAGE_NOT_FOUND, "an undelivered outbox message " + id);
    }
    OutboxMessage m =
        outbox
            .byId(id)
            .orElseThrow(
                () ->
                    ApiException.notFound(Reason.OUTBOX_MESSAGE_NOT_FOUND, "outbox message " + id));
    return new Entry(
        m.id(),
        m.kind(),
        m.status().name(),
        m.attempts(),
        m.nextAttemptAt(),
        m.lastError(),
        m.createdAt());
  }

  private static void requireAdmin(ContainerRequestContext request) {
    if (SessionFilter.of(request).role() != ProductRole.ADMIN) {
      throw new ApiException(Reason.ADMINS_ONLY, "only administrators can see the outbox");
    }
  }
}
