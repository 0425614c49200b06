package org.copconnector.plugin.resource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.Locale;
import java.util.Map;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.json.Range;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.HeaderValues;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.StreamedBody;

/** The resource bank over HTTP: uploads, resources, versions, search, downloads, feedback. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class BankResource {

  /** The community a resource is shared into. */
  public record Share(@Length(max = 36) String communityId) {}

  /** Who may find a resource. */
  public record VisibilityChange(Resource.Visibility visibility) {}

  /** "I used this in class" and how it went. */
  public record Use(@Length(max = 2000, reason = "note_length") String note) {}

  /** A 1-5 usefulness rating. */
  public record Rating(@Range(min = 1, max = 5) Integer stars) {}

  /** A comment. */
  public record CommentText(@Length(min = 1, max = 5000, reason = "comment_length") String text) {}

  private final Uploads uploads;
  private final Resources resources;
  private final BankExport export;
  private final ForumShare forumShare;

  public BankResource(
      Uploads uploads, Resources resources, BankExport export, ForumShare forumShare) {
    this.uploads = uploads;
    this.resources = resources;
    this.export = export;
    this.forumShare = forumShare;
  }

  /** How many of the community's forums the resource is being posted to. */
  public record Posting(int forums) {}

  /** Posts the resource (its current version, file attached) into the community's forums. */
  @POST
  @Path("/resources/{id}/forum-posts")
  public Response postToForums(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return Response.status(202)
        .entity(new Posting(forumShare.share(SessionFilter.of(request), id)))
        .build();
  }

  /** A community's bank as a zip: files and a manifest (JSON and CSV). */
  @GET
  @Path("/resources/export")
  @Produces("application/zip")
  public Response export(
      @QueryParam("community") String community, @Context ContainerRequestContext request) {
    if (community == null || community.isBlank()) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "community", "say whose bank: ?community={id}");
    }
    java.util.List<BankExport.Entry> entries = export.entries(SessionFilter.of(request), community);
    StreamingOutput body = out -> export.write(entries, out);
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"bank-" + community + ".zip\"")
        .build();
  }

  /**
   * A file as the request body (any type: the content decides); its name in {@code X-File-Name},
   * percent-encoded UTF-8. Over the limit, refused from its Content-Length before it is read, or as
   * soon as it passes the limit.
   */
  @POST
  @Path("/uploads")
  @Consumes(MediaType.WILDCARD)
  @StreamedBody
  public Response upload(
      InputStream body,
      @HeaderParam("X-File-Name") String fileName,
      @Context HttpHeaders headers,
      @Context ContainerRequestContext request) {
    String name = HeaderValues.percentDecoded("X-File-Name", fileName);
    return Response.status(201)
        .entity(uploads.receive(SessionFilter.of(request), body, name, headers.getLength()))
        .build();
  }

  @POST
  @Path("/resources")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewResource resource, @Context ContainerRequestContext request) {
    if (resource == null) {
      throw ApiException.invalid(
          Reason.RESOURCE_INCOMPLETE,
          "communityId",
          "a resource needs a community, a title and a file or link");
    }
    return Response.status(201)
        .entity(resources.create(SessionFilter.of(request), resource))
        .build();
  }

  @GET
  @Path("/resources")
  public Resources.Page search(
      @QueryParam("q") String q,
      @QueryParam("kind") String kind,
      @QueryParam("subject") String subject,
      @QueryParam("cycle") String cycle,
      @QueryParam("language") String language,
      @QueryParam("licence") String licence,
      @QueryParam("community") String community,
      @QueryParam("sort") @DefaultValue("relevance") String sort,
      @QueryParam("page") @DefaultValue("0") int page,
      @Context ContainerRequestContext request) {
    ResourceIndex.Order order =
        switch (sort.toLowerCase(Locale.ROOT)) {
          case "relevance" -> ResourceIndex.Order.RELEVANCE;
          case "newest" -> ResourceIndex.Order.NEWEST;
          case "useful" -> ResourceIndex.Order.MOST_USEFUL;
          default ->
              throw ApiException.invalid(
                  Reason.SORT_INVALID,
                  "sort",
                  "sort is relevance, newest or useful",
                  Map.of("allowed", "relevance, newest, useful"));
        };
    return resources.search(
        SessionFilter.of(request),
        q,
        new ResourceIndex.Filters(kind, subject, cycle, language, licence, community),
        order,
        page);
  }

  @GET
  @Path("/resources/{id}")
  public Resources.View get(@PathParam("id") String id, @Context ContainerRequestContext request) {
    return resources.get(SessionFilter.of(request), id);
  }

  @POST
  @Path("/resources/{id}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Resources.View addVersion(
      @PathParam("id") String id,
      Resources.NewVersion version,
      @Context ContainerRequestContext request) {
    return resources.addVersion(SessionFilter.of(request), id, version);
  }

  /** A version's file, as an attachment that browsers never render in our pages' origin. */
  @GET
  @Path("/resources/{id}/versions/{version}/file")
  @Produces(MediaType.WILDCARD)
  public Response download(
      @PathParam("id") String id,
      @PathParam("version") int version,
      @Context ContainerRequestContext request) {
    Resources.Download file = resources.download(SessionFilter.of(request), id, version);
    StreamingOutput body = out -> Files.copy(file.path(), out);
    String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(body, file.mediaType())
        .header("Content-Length", file.size())
        .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .header("ETag", "\"" + file.sha256() + "\"")
        .header("Cache-Control", "private, max-age=3600")
        .build();
  }

  @POST
  @Path("/resources/{id}/shares")
  @Consumes(MediaType.APPLICATION_JSON)
  public Resources.View share(
      @PathParam("id") String id, Share share, @Context ContainerRequestContext request) {
    if (share == null || share.communityId() == null || share.communityId().isBlank()) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "communityId", "say which community's bank to share it into");
    }
    return resources.share(SessionFilter.of(request), id, share.communityId());
  }

  @PUT
  @Path("/resources/{id}/visibility")
  @Consumes(MediaType.APPLICATION_JSON)
  public Resources.View visibility(
      @PathParam("id") String id,
      VisibilityChange change,
      @Context ContainerRequestContext request) {
    return resources.setVisibility(
        SessionFilter.of(request), id, change == null ? null : change.visibility());
  }

  @POST
  @Path("/resources/{id}/uses")
  @Consumes(MediaType.APPLICATION_JSON)
  public Resources.View used(
      @PathParam("id") String id, Use use, @Context ContainerRequestContext request) {
    return resources.used(SessionFilter.of(request), id, use == null ? null : use.note());
  }

  @PUT
  @Path("/resources/{id}/rating")
  @Consumes(MediaType.APPLICATION_JSON)
  public Resources.View rate(
      @PathParam("id") String id, Rating rating, @Context ContainerRequestContext request) {
    return resources.rate(SessionFilter.of(request), id, rating == null ? null : rating.stars());
  }

  @POST
  @Path("/resources/{id}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  public Resources.View comment(
      @PathParam("id") String id, CommentText comment, @Context ContainerRequestContext request) {
    return resources.comment(
        SessionFilter.of(request), id, comment == null ? null : comment.text());
  }
}
