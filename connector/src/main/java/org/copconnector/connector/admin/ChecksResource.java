package org.copconnector.connector.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.copconnector.plugin.session.SessionFilter;

/**
 * The doctor's checklist for administrators: {@code GET} answers the latest report (a minute old at
 * most), {@code POST} runs the checks again now.
 */
@Path("/api/v1/admin/checks")
@Produces(MediaType.APPLICATION_JSON)
public final class ChecksResource {

  private final Checkup checkup;

  public ChecksResource(Checkup checkup) {
    this.checkup = checkup;
  }

  @GET
  public Checkup.Report latest(@Context ContainerRequestContext request) {
    SessionFilter.administrator(request, "check the connector's set-up");
    return checkup.latest();
  }

  @POST
  public Checkup.Report runNow(@Context ContainerRequestContext request) {
    SessionFilter.administrator(request, "check the connector's set-up");
    return checkup.runNow();
  }
}
