package org.copconnector.plugin.prompt;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import org.copconnector.plugin.session.SessionFilter;

/** Answers to prompts, journal entries and each teacher's portfolio over HTTP. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class ReflectionResource {

  private final Reflections reflections;

  public ReflectionResource(Reflections reflections) {
    this.reflections = reflections;
  }

  @POST
  @Path("/reflections")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response write(
      Reflections.NewReflection reflection, @Context ContainerRequestContext request) {
    return Response.status(201)
        .entity(reflections.write(SessionFilter.of(request), reflection))
        .build();
  }

  @PUT
  @Path("/reflections/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Reflections.Reflection edit(
      @PathParam("id") String id,
      Reflections.Change change,
      @Context ContainerRequestContext request) {
    return reflections.edit(SessionFilter.of(request), id, change);
  }

  @DELETE
  @Path("/reflections/{id}")
  public Response delete(@PathParam("id") String id, @Context ContainerRequestContext request) {
    reflections.delete(SessionFilter.of(request), id);
    return Response.noContent().build();
  }

  /** Shares a journal entry in its prompt's thread. */
  @POST
  @Path("/reflections/{id}/share")
  public Reflections.Reflection share(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return reflections.share(SessionFilter.of(request), id);
  }

  /** All the caller's reflections; {@code ?download=true} saves them as a file. */
  @GET
  @Path("/me/reflections")
  public Response portfolio(
      @QueryParam("download") boolean download, @Context ContainerRequestContext request) {
    Reflections.Portfolio portfolio = reflections.portfolio(SessionFilter.of(request));
    Response.ResponseBuilder answer = Response.ok(portfolio);
    if (download) {
      String day = portfolio.generatedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
      answer.header(
          "Content-Disposition", "attachment; filename=\"my-reflections-" + day + ".json\"");
    }
    return answer.header("Cache-Control", "no-store").build();
  }
}
