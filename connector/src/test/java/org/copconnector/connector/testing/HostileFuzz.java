package org.copconnector.connector.testing;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.copconnector.connector.testing.FuzzClient.Answer;
import org.copconnector.plugin.web.Reason;

/**
 * Hundreds of generated hostile requests against a running demo connector, with real sessions: a
 * catalogue of the API's writing endpoints times {@link JsonMutations}, forged sessions and LTI
 * launches, another community's and another training action's ids, guesses of a check-in code,
 * hostile uploads, paths and queries. Each must be refused with a 4xx in the error shape; after
 * each group the world reads back unchanged and the server is UP. Injection strings that are
 * legitimately text are sent last, and must read back harmless.
 */
public final class HostileFuzz {

  /** What a run found: how many requests, and every one answered wrongly. */
  public record Report(int requests, List<String> problems, List<String> secrets) {}

  final HostileWorld world;
  final FuzzClient client;
  final Random random;
  private final List<String> problems = new ArrayList<>();
  final List<String> secrets = new ArrayList<>();

  private HostileFuzz(HostileWorld world, long seed) {
    this.world = world;
    this.client = world.client;
    this.random = new Random(seed);
    secrets.addAll(world.sessions());
  }

  /** Writes the world into the demo connector at {@code base} and sends every hostile request. */
  public static Report run(URI base, long seed) throws IOException {
    HostileWorld world = HostileWorld.write(new FuzzClient(base));
    HostileFuzz fuzz = new HostileFuzz(world, seed);
    String before = world.readBack();
    if (!before.equals(world.readBack())) {
      throw new IllegalStateException("reading the world changes it:\n" + before);
    }
    HostileRequests requests = new HostileRequests(fuzz);
    for (HostileRequests.Group group : requests.groups()) {
      group.send();
      fuzz.checkUp(group.name());
      String after = world.readBack();
      if (!after.equals(before)) {
        fuzz.problem(group.name() + ": the world changed", difference(before, after));
        before = after;
      }
    }
    new InjectionTexts(fuzz).send();
    fuzz.checkUp("injection texts");
    return new Report(fuzz.client.sent(), List.copyOf(fuzz.problems), List.copyOf(fuzz.secrets));
  }

  void problem(String what, Object answer) {
    problems.add(what + " -> " + answer);
  }

  /** The answer must be a 4xx in the API's error shape, its reason one the API knows. */
  void refused(String what, Answer answer) {
    if (answer.status() < 400 || answer.status() >= 500) {
      problem(what + ": not a 4xx", answer);
      return;
    }
    if (!answer.mediaType().equals("application/json")) {
      problem(what + ": not JSON", answer);
      return;
    }
    try {
      JsonObject error = answer.json().getAsJsonObject();
      for (String field : List.of("error", "reason", "message", "details")) {
        if (!error.has(field)) {
          problem(what + ": no " + field, answer);
          return;
        }
      }
      Reason reason = Reason.valueOf(error.get("reason").getAsString().toUpperCase(Locale.ROOT));
      // Jetty answers an over-long URI or header itself (414, 431), as "request too large".
      boolean transport =
          reason == Reason.REQUEST_TOO_LARGE
              && (answer.status() == 414 || answer.status() == 431)
              && error.get("error").getAsString().equals("http_" + answer.status());
      if (!transport && reason.status() != answer.status()
          || !transport && !reason.code().equals(error.get("error").getAsString())
          || !error.get("details").isJsonObject()) {
        problem(what + ": reason, status and code disagree", answer);
      }
    } catch (RuntimeException notTheShape) {
      problem(what + ": not the error shape (" + notTheShape + ")", answer);
    }
  }

  /** Under /lti the error shape is a page: a 4xx, as HTML. */
  void refusedPage(String what, Answer answer) {
    if (answer.status() < 400
        || answer.status() >= 500
        || !answer.mediaType().equals("text/html")) {
      problem(what + ": not a 4xx page", answer);
    }
  }

  void checkUp(String after) throws IOException {
    Answer health = client.send(null, "GET", "/health", null, false);
    if (health.status() != 200 || !health.body().contains("\"status\":\"UP\"")) {
      problem("health after " + after, health);
    }
  }

  Answer json(String session, String method, String path, String body) throws IOException {
    return client.call(session, method, path, body);
  }

  Answer typed(String session, String method, String path, String body, String mediaType)
      throws IOException {
    return client.send(
        session, method, path, RequestBody.create(body, MediaType.get(mediaType)), true);
  }

  private static String difference(String before, String after) {
    String[] a = before.split("\n");
    String[] b = after.split("\n");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String was = i < a.length ? a[i] : "";
      String is = i < b.length ? b[i] : "";
      if (!was.equals(is)) {
        lines.add("was " + was + "\n   now " + is);
      }
    }
    return String.join("\n", lines);
  }

  /** Marks a value as one no log may show. */
  String secret(String value) {
    secrets.add(value);
    return value;
  }

  static Map<String, String> header(String name, String value) {
    return Map.of(name, value);
  }
}
