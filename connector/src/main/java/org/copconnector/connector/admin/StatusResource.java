package org.copconnector.connector.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.copconnector.connector.moodle.MoodleActivity;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.session.SessionFilter;

/** How the connector is doing, for administrators: the Moodle connection and the outbox. */
@Path("/api/v1/admin/status")
@Produces(MediaType.APPLICATION_JSON)
public final class StatusResource {

  /** How the connector reaches an LMS. */
  public enum Mode {
    /** A configured Moodle site. */
    MOODLE,
    /** The built-in demo schools; no Moodle. */
    DEMO,
    /** No Moodle configured: nothing reaches an LMS. */
    UNCONFIGURED
  }

  /**
   * The answer. {@code mode} is {@code moodle}, {@code demo} or {@code unconfigured}; {@code
   * configured} is true only with a Moodle site.
   */
  public record Status(
      String mode, boolean configured, Connection moodle, OutboxCounts outbox, String version) {}

  /**
   * The Moodle connection; site fields come from the latest probe Moodle answered and are absent
   * before one. {@code status} is {@code UP}, {@code DOWN} or {@code NOT_CONFIGURED}.
   */
  public record Connection(
      String url,
      String status,
      boolean reachable,
      Instant probedAt,
      String siteName,
      String release,
      String version,
      ServiceUser serviceUser,
      MoodleActivity.Call lastSuccess,
      MoodleActivity.Call lastFailure) {}

  /** The user the token belongs to. */
  public record ServiceUser(long id, String username, String fullName) {}

  /** Messages waiting, given up on, and delivered in the last 24 hours. */
  public record OutboxCounts(int pending, int failed, int deliveredLast24h) {}

  private final Mode mode;
  private final Supplier<Connection> moodle;
  private final Outbox outbox;
  private final String version;
  private final Clock clock;

  /**
   * @param moodle the connection as it stands now ({@link MoodleConnections})
   */
  public StatusResource(
      Mode mode, Supplier<Connection> moodle, Outbox outbox, String version, Clock clock) {
    this.mode = mode;
    this.moodle = moodle;
    this.outbox = outbox;
    this.version = version;
    this.clock = clock;
  }

  @GET
  public Status status(@Context ContainerRequestContext request) {
    SessionFilter.administrator(request, "see the connector's status");
    return new Status(
        mode.name().toLowerCase(java.util.Locale.ROOT),
        mode == Mode.MOODLE,
        moodle.get(),
        new OutboxCounts(
            outbox.count(OutboxMessage.Status.PENDING),
            outbox.count(OutboxMessage.Status.FAILED),
            outbox.countDeliveredSince(Instant.now(clock).minus(Duration.ofHours(24)))),
        version);
  }
}
