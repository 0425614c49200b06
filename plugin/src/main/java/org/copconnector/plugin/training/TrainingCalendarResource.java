package org.copconnector.plugin.training;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.copconnector.plugin.session.SessionFilter;

/** Whether an action's sessions are in the course's LMS calendar yet, for its trainers. */
@Path("/api/v1/training-actions/{id}/calendar")
@Produces(MediaType.APPLICATION_JSON)
public final class TrainingCalendarResource {

  private final TrainingActions actions;

  public TrainingCalendarResource(TrainingActions actions) {
    this.actions = actions;
  }

  @GET
  public List<SessionCalendar.Status> statuses(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return actions.calendar(SessionFilter.of(request), id);
  }
}
