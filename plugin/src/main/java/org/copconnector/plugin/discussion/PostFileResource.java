package org.copconnector.plugin.discussion;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.copconnector.plugin.resource.AttachmentToBank;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.HeaderValues;
import org.copconnector.plugin.web.StreamedBody;

/**
 * Posts' pictures and attachments over HTTP: sent (the file as the request body, its name in {@code
 * X-File-Name}, percent-encoded UTF-8) before the post that uses them, and fetched by the
 * community's readers.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class PostFileResource {

  private final PostFiles files;
  private final AttachmentToBank bank;

  public PostFileResource(PostFiles files, AttachmentToBank bank) {
    this.files = files;
    this.bank = bank;
  }

  /**
   * Saves an attachment into the community's bank (201); once saved, the same resource again (200).
   */
  @POST
  @Path("/post-files/{id}/bank")
  public Response saveToBank(@PathParam("id") String id, @Context ContainerRequestContext request) {
    AttachmentToBank.Saved saved = bank.save(SessionFilter.of(request), id);
    return Response.status(saved.created() ? 201 : 200).entity(saved).build();
  }

  /** A picture for a post's text: PNG or JPEG, made smaller and stripped of its metadata. */
  @POST
  @Path("/post-pictures")
  @Consumes(MediaType.WILDCARD)
  @StreamedBody
  public Response picture(
      InputStream body,
      @QueryParam("community") String community,
      @HeaderParam("X-File-Name") String fileName,
      @Context HttpHeaders headers,
      @Context ContainerRequestContext request) {
    String name = HeaderValues.percentDecoded("X-File-Name", fileName);
    return Response.status(201)
        .entity(
            files.receivePicture(
                SessionFilter.of(request), community, body, name, headers.getLength()))
        .build();
  }

  /** A file to attach to a post; the bank's checks apply. */
  @POST
  @Path("/post-attachments")
  @Consumes(MediaType.WILDCARD)
  @StreamedBody
  public Response attachment(
      InputStream body,
      @QueryParam("community") String community,
      @HeaderParam("X-File-Name") String fileName,
      @Context HttpHeaders headers,
      @Context ContainerRequestContext request) {
    String name = HeaderValues.percentDecoded("X-File-Name", fileName);
    return Response.status(201)
        .entity(
            files.receiveAttachment(
                SessionFilter.of(request), community, body, name, headers.getLength()))
        .build();
  }

  /**
   * A picture, shown in our pages; an attachment, always downloaded. Neither is ever run as a page
   * of our origin (no sniffing, a sandbox).
   */
  @GET
  @Path("/post-files/{id}")
  @Produces(MediaType.WILDCARD)
  public Response file(@PathParam("id") String id, @Context ContainerRequestContext request) {
    PostFiles.Download file = files.open(SessionFilter.of(request), id);
    StreamingOutput body = out -> Files.copy(file.path(), out);
    String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(body, file.mediaType())
        .header("Content-Length", file.size())
        .header(
            "Content-Disposition",
            (file.picture() ? "inline" : "attachment") + "; filename*=UTF-8''" + encoded)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .header("ETag", "\"" + file.sha256() + "\"")
        .header("Cache-Control", "private, max-age=86400")
        .build();
  }
}
