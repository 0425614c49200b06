package org.copconnector.plugin.discussion;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.copconnector.plugin.session.SessionFilter;

/** Search inside discussions over HTTP. */
@Path("/api/v1/discussions")
@Produces(MediaType.APPLICATION_JSON)
public final class DiscussionSearchResource {

  private final DiscussionSearch search;

  public DiscussionSearchResource(DiscussionSearch search) {
    this.search = search;
  }

  /**
   * Posts of the caller's communities with every word of {@code q} (accents and case ignored), by
   * relevance; filtered by community, author's name and days ({@code from}, {@code to}: yyyy-mm-dd,
   * both included); newest first without words.
   */
  @GET
  @Path("/search")
  public DiscussionSearch.Page search(
      @QueryParam("q") String q,
      @QueryParam("community") String community,
      @QueryParam("author") String author,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") int page,
      @Context ContainerRequestContext request) {
    return search.search(
        SessionFilter.of(request),
        new DiscussionSearch.Request(q, community, author, from, to, page));
  }
}
