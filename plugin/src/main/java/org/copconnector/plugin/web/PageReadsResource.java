package org.copconnector.plugin.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's first reads in one request: {@code ?get=/api/v1/hub&get=/api/v1/communities/{id}…}
 * answers each as that read alone would (status and body, refusals included), in order. A read may
 * name a field of the answer to the read before it, {@code {answer.session.actionId}}, for what a
 * page can only know from that answer (the action of a session, the community of a prompt). The
 * reads stay available one by one; this only saves the round trips a page otherwise waits for.
 */
@Path("/api/v1/page-reads")
@Produces(MediaType.APPLICATION_JSON)
public final class PageReadsResource {

  /** The most reads one page asks for at once (the training action's page: nine). */
  static final int MAX_READS = 12;

  private static final int MAX_PATH = 1000;

  /** An API read of this version, not this resource itself, with no dot segments or fragments. */
  private static final Pattern READ =
      Pattern.compile("/api/v1/(?!page-reads)[A-Za-z0-9._~%/-]+(\\?[A-Za-z0-9._~%&=+,:-]*)?");

  /** A field of the previous read's answer, in a read: {@code {answer.community.id}}. */
  private static final Pattern FROM_ANSWER =
      Pattern.compile("\\{answer((?:\\.[A-Za-z][A-Za-z0-9]*)+)}");

  /** What a page can take from here: data, and the charts it shows as images. */
  private static final List<String> TAKEN = List.of(MediaType.APPLICATION_JSON, "image/svg+xml");

  /**
   * One read's answer, at the address read (a field of the answer before filled in); {@code body}
   * is the text the read alone would have sent (JSON, or a chart's SVG). Status 0: not read here (a
   * body the page could not take from here, or a field the answer before did not have).
   */
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
      if (path.length() > MAX_PATH || !isRead(FROM_ANSWER.matcher(path).replaceAll("x"))) {
        throw ApiException.invalid(
            Reason.PAGE_READ_INVALID, "get", "not a read of this API: " + shown(path));
      }
    }
    List<Read> reads = new ArrayList<>(wanted.size());
    Read before = null;
    for (String asked : wanted) {
      Optional<String> path = filled(asked, before);
      if (path.isEmpty()) {
        before = new Read(asked, 0, null);
      } else {
        InMemoryRequests.Answer answer = requests.get(caller, path.get());
        boolean taken = TAKEN.stream().anyMatch(answer.mediaType()::startsWith);
        // A body the page could not take from here (a file, a CSV) is left for it to fetch.
        before = new Read(path.get(), taken ? answer.status() : 0, taken ? answer.body() : null);
      }
      reads.add(before);
    }
    return new Reads(reads);
  }

  /** The read with the fields of the answer before filled in; empty when one is not there. */
  private static Optional<String> filled(String asked, Read before) {
    Matcher field = FROM_ANSWER.matcher(asked);
    if (!field.find()) {
      return Optional.of(asked);
    }
    JsonElement answer = parsed(before);
    StringBuilder path = new StringBuilder();
    do {
      JsonElement value = answer;
      for (String name : field.group(1).substring(1).split("\\.")) {
        value = value != null && value.isJsonObject() ? value.getAsJsonObject().get(name) : null;
      }
      if (value == null || !value.isJsonPrimitive()) {
        return Optional.empty();
      }
      String text = URLEncoder.encode(value.getAsString(), StandardCharsets.UTF_8);
      field.appendReplacement(path, Matcher.quoteReplacement(text.replace("+", "%20")));
    } while (field.find());
    // What an answer holds is checked as any read is (a field could hold "..").
    return Optional.of(field.appendTail(path).toString()).filter(PageReadsResource::isRead);
  }

  private static boolean isRead(String path) {
    return path.length() <= MAX_PATH && !path.contains("..") && READ.matcher(path).matches();
  }

  /** The answer before as JSON; null when it failed or was not JSON. */
  private static JsonElement parsed(Read before) {
    if (before == null || before.status() < 200 || before.status() > 299) {
      return null;
    }
    try {
      return JsonParser.parseString(before.body());
    } catch (JsonParseException e) {
      return null; // a chart, not data
    }
  }

  private static String shown(String path) {
    return path.length() > 80 ? path.substring(0, 80) + "…" : path;
  }
}
