package org.copconnector.plugin.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A page's first reads in one request: {@code ?get=/api/v1/hub&get=/api/v1/communities/{id}…}
 * answers each as that read alone would (status and body, refusals included), in order. The reads
 * stay available one by one; this only saves the round trips a page otherwise waits for.
 */
@Path("/api/v1/page-reads")
@Produces(MediaType.APPLICATION_JSON)
public final class PageReadsResource {

  /** The most reads one page asks for at once (the reflection page: seven). */
  static final int MAX_READS = 12;

  private static final int MAX_PATH = 1000;

  /** An API read of this version, not this resource itself, with no dot segments or fragments. */
  private static final Pattern READ =
      Pattern.compile("/api/v1/(?!page-reads)[A-Za-z0-9._~%/-]+(\\?[A-Za-z0-9._~%&=+,:-]*)?");

  /** One read's answer; {@code body} is the JSON text the read alone would have sent. */
  public record Read(String path, int status, String body) {}

  public record Reads(List<Read> reads) {}

  private final InMemoryRequests requests;

  public PageReadsResource(InMemoryRequests requests) {
    this.requests = requests;
  }

  @GET
  public Reads read(
      @QueryParam("get") List<String> paths, @Context ContainerRequestContext caller) {
    List<String> wanted = new ArrayList<>(new LinkedHashSet<>(paths == null ? List.of() : paths));
    if (wanted.isEmpty()) {
      throw ApiException.invalid(
          Reason.PAGE_READS_REQUIRED, "get", "name the reads: ?get=/api/v1/…");
    }
    if (wanted.size() > MAX_READS) {
      throw ApiException.invalid(
          Reason.TOO_MANY_PAGE_READS,
          "get",
          "at most " + MAX_READS + " reads at once",
          Map.of("max", MAX_READS));
    }
    for (String path : wanted) {
      if (path.length() > MAX_PATH || path.contains("..") || !READ.matcher(path).matches()) {
        throw ApiException.invalid(
            Reason.PAGE_READ_INVALID, "get", "not a read of this API: " + shown(path));
      }
    }
    List<Read> reads = new ArrayList<>(wanted.size());
    for (String path : wanted) {
      InMemoryRequests.Answer answer = requests.get(caller, path);
      boolean json = answer.mediaType().startsWith(MediaType.APPLICATION_JSON);
      // A body the page could not take from here (not JSON) is left for it to fetch itself.
      reads.add(new Read(path, json ? answer.status() : 0, json ? answer.body() : null));
    }
    return new Reads(reads);
  }

  private static String shown(String path) {
    return path.length() > 80 ? path.substring(0, 80) + "…" : path;
  }
}
