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
    Health health = current();
    return Response.status(status(health)).entity(health).build();
  }

  /** The health now; also answered outside Jersey, where a load balancer's probe is cheapest. */
  public Health current() {
    String database = this.database.isUp() ? "UP" : "DOWN";
    return new Health(database, database, lms.status().name(), version);
  }

  /** The HTTP status of {@code health}: 503 when the database is down. */
  public static int status(Health health) {
    return "UP".equals(health.status()) ? 200 : 503;
  }
}
