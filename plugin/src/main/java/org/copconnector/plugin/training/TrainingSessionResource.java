package org.copconnector.plugin.training;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.copconnector.plugin.session.SessionFilter;

/** A training session over HTTP: moving and cancelling it, its attendance and check-in. */
@Path("/api/v1/training-sessions/{id}")
@Produces(MediaType.APPLICATION_JSON)
public final class TrainingSessionResource {

  private final TrainingActions actions;
  private final Attendance attendance;

  public TrainingSessionResource(TrainingActions actions, Attendance attendance) {
    this.actions = actions;
    this.attendance = attendance;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public TrainingSession change(
      @PathParam("id") String id,
      TrainingRequests.SessionPlan plan,
      @Context ContainerRequestContext request) {
    return actions.changeSession(SessionFilter.of(request), id, plan);
  }

  @POST
  @Path("/cancel")
  public TrainingSession cancel(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return actions.cancelSession(SessionFilter.of(request), id);
  }

  @GET
  @Path("/attendance")
  public AttendanceSheet sheet(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return attendance.sheet(SessionFilter.of(request), id);
  }

  @PUT
  @Path("/attendance/{userId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public AttendanceSheet.Row mark(
      @PathParam("id") String id,
      @PathParam("userId") String userId,
      TrainingRequests.Mark mark,
      @Context ContainerRequestContext request) {
    return attendance.mark(SessionFilter.of(request), id, userId, mark);
  }

  @POST
  @Path("/attendance/all-present")
  public AttendanceSheet allPresent(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return attendance.allPresent(SessionFilter.of(request), id);
  }

  @POST
  @Path("/check-in-code")
  public AttendanceSheet.CheckIn newCode(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return attendance.newCode(SessionFilter.of(request), id);
  }

  @POST
  @Path("/check-in")
  @Consumes(MediaType.APPLICATION_JSON)
  public AttendanceSheet.Row checkIn(
      @PathParam("id") String id,
      TrainingRequests.CheckInCode code,
      @Context ContainerRequestContext request) {
    return attendance.checkIn(SessionFilter.of(request), id, code);
  }
}
