package org.copconnector.connector.backup;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Backups for administrators: {@code GET} says whether this connector can make one (only on its
 * embedded database), {@code GET .../archive} makes one and sends it as it is written.
 */
@Path("/api/v1/admin/backup")
public final class BackupResource {

  /** Whether a backup can be made here; {@code database} is {@code embedded} or {@code other}. */
  public record About(boolean available, String database, String reason) {}

  private final Backups backups;
  private final Optional<String> unavailable;
  private final Clock clock;

  /**
   * @param unavailable why no backup can be made here ({@link Backups#unavailable}), empty when one
   *     can
   */
  public BackupResource(Backups backups, Optional<String> unavailable, Clock clock) {
    this.backups = backups;
    this.unavailable = unavailable;
    this.clock = clock;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public About about(@Context ContainerRequestContext request) {
    SessionFilter.administrator(request, "make backups");
    return new About(
        unavailable.isEmpty(),
        unavailable.isEmpty() ? "embedded" : "other",
        unavailable.orElse(null));
  }

  @GET
  @Path("/archive")
  @Produces("application/zip")
  public Response archive(@Context ContainerRequestContext request) {
    SessionFilter.administrator(request, "make backups");
    return send(backups, unavailable, clock);
  }

  /** A backup made while it is sent, or the refusal when none can be made here. */
  static Response send(Backups backups, Optional<String> unavailable, Clock clock) {
    if (unavailable.isPresent()) {
      throw new ApiException(Reason.BACKUP_UNAVAILABLE, unavailable.get());
    }
    return Response.ok((jakarta.ws.rs.core.StreamingOutput) backups::write)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + Backups.fileName(Instant.now(clock)) + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
