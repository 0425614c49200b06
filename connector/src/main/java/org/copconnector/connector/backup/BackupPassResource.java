package org.copconnector.connector.backup;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * {@code POST /backup}: the {@code backup} command's way to a backup of the running connector, with
 * a one-time {@link BackupPass} as bearer token (outside {@code /api/}, which takes only sessions).
 */
@Path("/backup")
public final class BackupPassResource {

  private static final String BEARER = "Bearer ";

  private final Backups backups;
  private final BackupPass passes;
  private final Optional<String> unavailable;
  private final Clock clock;

  public BackupPassResource(
      Backups backups, BackupPass passes, Optional<String> unavailable, Clock clock) {
    this.backups = backups;
    this.passes = passes;
    this.unavailable = unavailable;
    this.clock = clock;
  }

  @POST
  @Produces("application/zip")
  public Response backup(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    String pass =
        authorization != null && authorization.startsWith(BEARER)
            ? authorization.substring(BEARER.length()).strip()
            : null;
    if (!passes.redeem(pass, Instant.now(clock))) {
      throw new ApiException(
          Reason.BACKUP_PASS_REQUIRED,
          "a backup is asked for with the backup command on the connector's machine");
    }
    return BackupResource.send(backups, unavailable, clock);
  }
}
