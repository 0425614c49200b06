package org.copconnector.plugin.outbox;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/** The outbox for administrators: what is pending, what failed and why, and "retry now". */
@Path("/api/v1/admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
public final class OutboxResource {

  private static final int PAGE = 200;
  private static final int MAX_REASON = 300;

  /**
   * One message as administrators see it (the payload is left out: it may hold teachers' words).
   * {@code failure} names why the last attempt failed (the pages translate {@code
   * delivery.failure.<failure>}); {@code lastError} is its technical detail, short and absent for a
   * fault of the connector (its log has it); {@code nextAttemptAt} is absent unless pending.
   */
  public record Entry(
      long id,
      String kind,
      String status,
      int attempts,
      Instant nextAttemptAt,
      String failure,
      String lastError,
      Instant createdAt,
      Instant deliveredAt,
      OutboxTargets.Target target) {}

  /** Counts and the listed messages, of {@code state}. */
  public record Summary(
      int pending,
      int failed,
      int delivered,
      int deliveredLast24h,
      String state,
      List<Entry> messages) {}

  /** Which messages to list. */
  private enum State {
    UNDELIVERED,
    PENDING,
    FAILED,
    DELIVERED
  }

  private final Outbox outbox;
  private final OutboxTargets targets;
  private final Clock clock;

  public OutboxResource(Outbox outbox, OutboxTargets targets, Clock clock) {
    this.outbox = outbox;
    this.targets = targets;
    this.clock = clock;
  }

  /**
   * {@code ?state=undelivered} (the default: pending and failed), {@code pending}, {@code failed}
   * or {@code delivered}; {@code ?status=} is the older name of the same.
   */
  @GET
  public Summary list(
      @QueryParam("state") String stateName,
      @QueryParam("status") String statusName,
      @Context ContainerRequestContext request) {
    SessionFilter.administrator(request, "see the outbox");
    State state = state(stateName != null ? stateName : statusName);
    List<OutboxMessage> messages =
        switch (state) {
          case UNDELIVERED ->
              outbox.list(OutboxMessage.Status.PENDING, OutboxMessage.Status.FAILED, PAGE);
          case PENDING -> outbox.list(OutboxMessage.Status.PENDING, PAGE);
          case FAILED -> outbox.list(OutboxMessage.Status.FAILED, PAGE);
          case DELIVERED -> outbox.list(OutboxMessage.Status.DELIVERED, PAGE);
        };
    Map<Long, OutboxTargets.Target> named = targets.of(messages);
    return new Summary(
        outbox.count(OutboxMessage.Status.PENDING),
        outbox.count(OutboxMessage.Status.FAILED),
        outbox.count(OutboxMessage.Status.DELIVERED),
        outbox.countDeliveredSince(Instant.now(clock).minus(Duration.ofHours(24))),
        state.name().toLowerCase(Locale.ROOT),
        messages.stream().map(m -> entry(m, named.get(m.id()))).toList());
  }

  /**
   * Makes a pending or failed message due now; the worker delivers it within seconds. 404 when the
   * message is delivered or unknown.
   */
  @POST
  @Path("/{id}/retry")
  public Entry retry(@PathParam("id") long id, @Context ContainerRequestContext request) {
    SessionFilter.administrator(request, "see the outbox");
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
    return entry(m, targets.of(List.of(m)).get(m.id()));
  }

  private static State state(String name) {
    if (name == null || name.isBlank()) {
      return State.UNDELIVERED;
    }
    try {
      return State.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          Reason.OUTBOX_STATUS_INVALID,
          "state",
          "state must be one of undelivered, pending, failed, delivered",
          Map.of("allowed", "undelivered, pending, failed, delivered"));
    }
  }

  private static Entry entry(OutboxMessage m, OutboxTargets.Target target) {
    LastError error = LastError.parse(m.lastError());
    return new Entry(
        m.id(),
        m.kind(),
        m.status().name(),
        m.attempts(),
        m.status() == OutboxMessage.Status.PENDING ? m.nextAttemptAt() : null,
        error == null ? null : error.failure(),
        error == null || error.connectorFault() ? null : reason(error.detail()),
        m.createdAt(),
        m.deliveredAt(),
        target);
  }

  /** The first line of an error's detail, cut short. */
  static String reason(String error) {
    if (error == null || error.isBlank()) {
      return null;
    }
    String text = error.strip();
    int end = text.indexOf('\n');
    if (end >= 0) {
      text = text.substring(0, end).strip();
    }
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
  }
}
