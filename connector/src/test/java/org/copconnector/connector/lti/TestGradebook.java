package org.copconnector.connector.lti;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * Moodle 4.5's side of LTI Assignment and Grade Services for {@link TestPlatform}: the token
 * endpoint (mod/lti/token.php: a client assertion verified against the tool's published keys) and a
 * course's line items and scores (mod/lti/service/gradebookservices: the media types it demands,
 * 409 for a score not later than the grade it has), with switchable faults.
 */
public final class TestGradebook {

  /** The calls a fault can be set on. */
  public enum Call {
    TOKEN,
    LIST,
    CREATE,
    SCORE
  }

  /** What happens to the next call of a kind. */
  public enum Fault {
    /** HTTP 500, nothing done. */
    HTTP_500,
    /** Done, then the connection drops before the answer. */
    DONE_ANSWER_LOST
  }

  /** A line item as Moodle keeps it. */
  public record LineItem(
      int number, String label, BigDecimal scoreMaximum, String resourceId, String tag) {}

  /** A grade as Moodle keeps it (grade_grades): the score and the second it was given. */
  public record Grade(BigDecimal score, long timemodified, String comment) {}

  static final String CONTEXT = "2";
  static final String TYPE_ID = "1";
  private static final Pattern SCORES =
      Pattern.compile("/mod/lti/services\\.php/" + CONTEXT + "/lineitems/(\\d+)/lineitem/scores");

  private final TestPlatform platform;
  private final Map<Call, Deque<Fault>> faults = new HashMap<>();
  private final List<LineItem> lineItems = new ArrayList<>();
  private final Map<String, Grade> grades = new HashMap<>();
  private final Set<String> tokens = new HashSet<>();
  private final List<String> refusedAssertions = new ArrayList<>();
  private int tokensIssued;
  private int scoresRefused;
  private volatile String toolKeys;

  TestGradebook(TestPlatform platform) {
    this.platform = platform;
  }

  /** Where the tool publishes its keys (its /lti/jwks), which the token endpoint checks with. */
  public void toolKeysAt(String url) {
    toolKeys = url;
  }

  /** The line items address a launch names for course 2, as Moodle writes it. */
  public String lineItemsUrl() {
    return platform.url("/mod/lti/services.php/" + CONTEXT + "/lineitems?type_id=" + TYPE_ID);
  }

  /** The AGS endpoint claim of a launch with {@code scopes}. */
  public Map<String, Object> endpointClaim(List<String> scopes) {
    return Map.of("scope", scopes, "lineitems", lineItemsUrl());
  }

  public synchronized void fail(Call call, Fault... next) {
    faults.computeIfAbsent(call, c -> new ArrayDeque<>()).addAll(List.of(next));
  }

  public synchronized List<LineItem> lineItems() {
    return List.copyOf(lineItems);
  }

  /** The grade of {@code userId} in line item {@code number}, or null. */
  public synchronized Grade grade(int number, String userId) {
    return grades.get(number + "/" + userId);
  }

  public synchronized int gradeCount(int number) {
    return (int) grades.keySet().stream().filter(k -> k.startsWith(number + "/")).count();
  }

  public synchronized int tokensIssued() {
    return tokensIssued;
  }

  /** Why client assertions were refused, one line each. */
  public synchronized List<String> refusedAssertions() {
    return List.copyOf(refusedAssertions);
  }

  /** Scores refused because the grade kept was not earlier (409). */
  public synchronized int scoresRefused() {
    return scoresRefused;
  }

  /** Answers the paths of the token endpoint and the grade service; null for others. */
  MockResponse handle(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    Call call;
    if (path.equals("/mod/lti/token.php")) {
      call = Call.TOKEN;
    } else if (path.equals("/mod/lti/services.php/" + CONTEXT + "/lineitems")) {
      call = "POST".equals(request.getMethod()) ? Call.CREATE : Call.LIST;
    } else if (SCORES.matcher(path).matches()) {
      call = Call.SCORE;
    } else {
      return null;
    }
    Fault fault;
    synchronized (this) {
      Deque<Fault> queued = faults.get(call);
      fault = queued == null ? null : queued.poll();
    }
    if (fault == Fault.HTTP_500) {
      return new MockResponse.Builder().code(500).body("").build();
    }
    MockResponse.Builder answer;
    synchronized (this) {
      answer =
          switch (call) {
            case TOKEN -> token(request);
            case LIST -> authorised(request) ? list(request) : status(401);
            case CREATE -> authorised(request) ? create(request) : status(401);
            case SCORE -> authorised(request) ? score(request) : status(401);
          };
    }
    if (fault == Fault.DONE_ANSWER_LOST) {
      answer.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE);
    }
    return answer.build();
  }

  private MockResponse.Builder token(RecordedRequest request) {
    Map<String, String> form = form(request.getBody().utf8());
    String problem = assertionProblem(form);
    if (problem != null) {
      refusedAssertions.add(problem);
      return json(400, "{\"error\":\"invalid_client\"}");
    }
    String token = "token-" + (++tokensIssued);
    tokens.add(token);
    JsonObject answer = new JsonObject();
    answer.addProperty("access_token", token);
    answer.addProperty("token_type", "Bearer");
    answer.addProperty("expires_in", 3600);
    answer.addProperty("scope", form.get("scope"));
    return json(200, answer.toString());
  }

  /** What mod/lti/token.php checks, and the assertion's content RFC 7523 asks for. */
  private String assertionProblem(Map<String, String> form) {
    if (!"client_credentials".equals(form.get("grant_type"))
        || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            .equals(form.get("client_assertion_type"))
        || form.get("scope") == null
        || !form.get("scope").contains("https://purl.imsglobal.org/spec/lti-ags/scope/score")) {
      return "grant, assertion type or scope: " + form;
    }
    try {
      SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
      RSAKey key =
          (RSAKey) JWKSet.load(new URL(toolKeys)).getKeyByKeyId(jwt.getHeader().getKeyID());
      if (key == null || !jwt.verify(new RSASSAVerifier(key))) {
        return "signature does not verify against the tool's keys";
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Instant now = Instant.now();
      if (!TestPlatform.CLIENT_ID.equals(claims.getIssuer())
          || !TestPlatform.CLIENT_ID.equals(claims.getSubject())
          || !claims.getAudience().equals(List.of(platform.url("/mod/lti/token.php")))
          || claims.getJWTID() == null
          || claims.getExpirationTime().toInstant().isBefore(now)
          || claims.getExpirationTime().toInstant().isAfter(now.plusSeconds(600))) {
        return "claims: " + claims;
      }
      return null;
    } catch (Exception e) {
      return e.toString();
    }
  }

  private boolean authorised(RecordedRequest request) {
    String header = request.getHeaders().get("Authorization");
    return header != null
        && header.startsWith("Bearer ")
        && tokens.contains(header.substring("Bearer ".length()));
  }

  private MockResponse.Builder list(RecordedRequest request) {
    String accept = request.getHeaders().get("Accept");
    if (accept != null && !accept.equals("application/vnd.ims.lis.v2.lineitemcontainer+json")) {
      return status(400);
    }
    HttpUrl url = request.getUrl();
    String resourceId = url.queryParameter("resource_id");
    JsonArray items = new JsonArray();
    for (LineItem item : lineItems) {
      if (resourceId == null || resourceId.equals(item.resourceId())) {
        items.add(json(item));
      }
    }
    return json(200, items.toString());
  }

  private MockResponse.Builder create(RecordedRequest request) {
    if (!"application/vnd.ims.lis.v2.lineitem+json".equals(mediaType(request))) {
      return status(400);
    }
    JsonObject body = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
    if (!body.has("label") || !body.has("scoreMaximum")) {
      return status(400);
    }
    LineItem item =
        new LineItem(
            lineItems.size() + 1,
            body.get("label").getAsString(),
            body.get("scoreMaximum").getAsBigDecimal(),
            body.has("resourceId") ? body.get("resourceId").getAsString() : "",
            body.has("tag") ? body.get("tag").getAsString() : "");
    lineItems.add(item);
    return json(201, json(item).toString());
  }

  private MockResponse.Builder score(RecordedRequest request) {
    if (!"application/vnd.ims.lis.v1.score+json".equals(mediaType(request))) {
      return status(400);
    }
    Matcher m = SCORES.matcher(request.getUrl().encodedPath());
    m.matches();
    int number = Integer.parseInt(m.group(1));
    if (number > lineItems.size() || !TYPE_ID.equals(request.getUrl().queryParameter("type_id"))) {
      return status(404);
    }
    JsonObject score = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
    if (!score.has("userId")
        || !score.has("timestamp")
        || !"FullyGraded".equals(score.get("gradingProgress").getAsString())
        || !"Completed".equals(score.get("activityProgress").getAsString())
        || !score.has("scoreMaximum")) {
      return status(400);
    }
    long at = Instant.parse(score.get("timestamp").getAsString()).getEpochSecond();
    String key = number + "/" + score.get("userId").getAsString();
    Grade kept = grades.get(key);
    if (kept != null && kept.timemodified() >= at) {
      scoresRefused++;
      return status(409);
    }
    BigDecimal max = lineItems.get(number - 1).scoreMaximum();
    BigDecimal given =
        score
            .get("scoreGiven")
            .getAsBigDecimal()
            .multiply(max)
            .divide(score.get("scoreMaximum").getAsBigDecimal(), 5, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros();
    grades.put(
        key,
        new Grade(given, at, score.has("comment") ? score.get("comment").getAsString() : null));
    return json(200, "[]");
  }

  private JsonObject json(LineItem item) {
    JsonObject json = new JsonObject();
    json.addProperty(
        "id",
        platform.url(
            "/mod/lti/services.php/"
                + CONTEXT
                + "/lineitems/"
                + item.number()
                + "/lineitem?type_id="
                + TYPE_ID));
    json.addProperty("label", item.label());
    json.addProperty("scoreMaximum", item.scoreMaximum());
    json.addProperty("resourceId", item.resourceId());
    json.addProperty("tag", item.tag());
    return json;
  }

  private static String mediaType(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    return type == null ? null : type.split(";")[0].strip();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            java.net.URLDecoder.decode(
                pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(
                pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static MockResponse.Builder status(int code) {
    return new MockResponse.Builder().code(code).body("");
  }

  private static MockResponse.Builder json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body);
  }
}
