package org.copconnector.plugin.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.store.Database;

/**
 * Liveness for operators and load balancers: the database decides the status, the LMS is reported.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

  /** The body of {@code GET /health}. */
  public record Health(String status, String database, String lms, String version) {}

  private final Database database;
  private final Lms lms;
  private final String version;

  public HealthResource(Database database, Lms lms, String version) {
    this.database = database;
    this.lms = lms;
    this.version = version;
  }

  @GET
  public Response health() {
    boolean databaseUp = database.isUp();
    Health health =
        new Health(
            databaseUp ? "UP" : "DOWN", databaseUp ? "UP" : "DOWN", lms.status().name(), version);
    return Response.status(databaseUp ? 200 : 503).entity(health).build();
  }
}
