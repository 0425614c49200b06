package org.copconnector.connector.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jwt.JWTClaimsSet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.gradebook.ScoreDelivery;
import org.copconnector.connector.lti.TestGradebook.Call;
import org.copconnector.connector.lti.TestGradebook.Fault;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.outbox.OutboxWorker;
import org.copconnector.plugin.outbox.RetryPolicy;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.training.GradebookScores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trainers' grades reach the platform's gradebook through LTI Assignment and Grade Services, in the
 * whole connector: waiting until a launch says where the gradebook is, one column per action even
 * when the platform's answer is lost, one grade per trainee however often a score is retried, and a
 * regrade that wins over an earlier score retried late.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GradebookSyncTest {

  private static final List<String> ALL_SCOPES = Launch.GradeService.SCOPES;

  @TempDir static Path dataDir;
  private TestPlatform platform;
  private TestGradebook gradebook;
  private Connector connector;
  private Outbox outbox;
  private OutboxWorker worker;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeAll
  void start() throws Exception {
    platform = new TestPlatform();
    gradebook = platform.gradebook();
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    env.putAll(platform.manualRegistration());
    connector =
        Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of());
    gradebook.toolKeysAt(tool("/lti/jwks"));
    DataSource data = connector.database().dataSource();
    Clock clock = Clock.systemUTC();
    outbox = new Outbox(data, clock);
    // Delivers at the test's pace; the connector's own worker runs beside it (leases keep them
    // apart).
    worker =
        new OutboxWorker(
            outbox,
            List.of(
                new ScoreDelivery(
                    new GradeServiceEndpoints(data, clock),
                    new PlatformStore(data, clock),
                    new ToolKeys(data, clock),
                    new GradebookScores(data, outbox),
                    () -> http,
                    clock)),
            RetryPolicy.standard(),
            clock);
    new PeopleStore(connector.database().dataSource(), Clock.systemUTC())
        .replaceRoster(
            "2",
            List.of(
                person("4", "Alice Anderson", "editingteacher"),
                person("10", "Gabriela Gomes", "student"),
                person("11", "Hugo Henriques", "student"),
                person("12", "Inês Ismael", "student")));
  }

  @AfterAll
  void stop() {
    connector.close();
    platform.close();
  }

  private static Participant person(String id, String name, String role) {
    return new Participant(id, name, null, List.of(role), List.of());
  }

  private String tool(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  @Test
  @Order(1)
  void aCourseWithoutTheGradeServiceWaitsThenItsGradesGoOnce() throws Exception {
    // Course 2 opened from a tool registered before grade sync: no endpoint claim.
    String trainer = launch(UnaryOperator.identity());
    String action = newAction(trainer, "Flipped classroom");
    grade(trainer, action, "10", "8", "Good work");

    waitFor(
        () -> delivered() && "waiting".equals(gradebookState(trainer, action, "10")),
        "the score waits");
    OutboxMessage waiting =
        outbox.list(OutboxMessage.Status.PENDING, 50).stream()
            .filter(m -> m.kind().equals("gradebook.score"))
            .findFirst()
            .orElseThrow();
    assertTrue(waiting.lastError().startsWith("[waiting] "), waiting.lastError());
    assertTrue(waiting.lastError().contains("course 2"), waiting.lastError());
    JsonObject entry = adminEntry(waiting.id());
    assertEquals("waiting", entry.get("failure").getAsString(), entry.toString());
    assertEquals(0, gradebook.tokensIssued(), "nothing asked of the platform yet");

    // A gradebook on another site is not believed: the tool's tokens would go there.
    launch(
        c ->
            c.claim(
                LtiClaims.AGS_ENDPOINT,
                Map.of("scope", ALL_SCOPES, "lineitems", "https://elsewhere.example/lineitems")));
    assertTrue(
        new GradeServiceEndpoints(connector.database().dataSource(), Clock.systemUTC())
            .forCourse("2")
            .isEmpty());

    // Opened again once grades are allowed: the waiting score goes at once.
    launch(c -> c.claim(LtiClaims.AGS_ENDPOINT, gradebook.endpointClaim(ALL_SCOPES)));
    waitFor(
        () -> delivered() && "in_gradebook".equals(gradebookState(trainer, action, "10")),
        "the score arrives without waiting for its next attempt");
    assertEquals(List.of(), gradebook.refusedAssertions(), "a valid client assertion");
    assertTrue(gradebook.tokensIssued() >= 1);
    TestGradebook.LineItem column = column(action);
    assertEquals("Flipped classroom", column.label());
    assertEquals(0, new BigDecimal("10").compareTo(column.scoreMaximum()));
    TestGradebook.Grade grade = gradebook.grade(column.number(), "10");
    assertEquals(0, new BigDecimal("8").compareTo(grade.score()), grade.toString());
    assertEquals("Good work", grade.comment());
  }

  @Test
  void aLostAnswerMakesNoSecondColumnNorSecondGrade() throws Exception {
    String trainer =
        launch(c -> c.claim(LtiClaims.AGS_ENDPOINT, gradebook.endpointClaim(ALL_SCOPES)));
    String action = newAction(trainer, "Assessment for learning");
    gradebook.fail(Call.CREATE, Fault.DONE_ANSWER_LOST);
    gradebook.fail(Call.SCORE, Fault.DONE_ANSWER_LOST);
    grade(trainer, action, "11", "7", "");
    waitFor(
        () -> {
          outbox.retryWaitingNow();
          return delivered() && "in_gradebook".equals(gradebookState(trainer, action, "11"));
        },
        "the score arrives after the lost answers");
    TestGradebook.LineItem column = column(action);
    assertEquals(1, gradebook.gradeCount(column.number()));
    assertEquals(0, new BigDecimal("7").compareTo(gradebook.grade(column.number(), "11").score()));
    assertTrue(gradebook.scoresRefused() >= 1, "the repeated score was refused as not later");

    // Another trainee of the same action: the column kept is used.
    grade(trainer, action, "12", "9", "");
    waitFor(
        () -> delivered() && "in_gradebook".equals(gradebookState(trainer, action, "12")),
        "second trainee");
    assertEquals(column, column(action));
    assertEquals(2, gradebook.gradeCount(column.number()));
  }

  @Test
  void aRegradeWinsOverAnEarlierScoreRetriedLate() throws Exception {
    String trainer =
        launch(c -> c.claim(LtiClaims.AGS_ENDPOINT, gradebook.endpointClaim(ALL_SCOPES)));
    String action = newAction(trainer, "Project-based learning");
    grade(trainer, action, "10", "9", "");
    waitFor(
        () -> delivered() && "in_gradebook".equals(gradebookState(trainer, action, "10")),
        "first grade");
    int column = column(action).number();

    // The regrade's first attempt fails; a second regrade follows within the same second.
    gradebook.fail(Call.SCORE, Fault.HTTP_500);
    grade(trainer, action, "10", "5", "");
    grade(trainer, action, "10", "6", "Redone");
    waitFor(
        () -> {
          outbox.retryWaitingNow();
          return delivered() && "in_gradebook".equals(gradebookState(trainer, action, "10"));
        },
        "the last regrade arrives");
    TestGradebook.Grade grade = gradebook.grade(column, "10");
    assertEquals(0, new BigDecimal("6").compareTo(grade.score()), grade.toString());
    assertEquals("Redone", grade.comment());
    assertEquals(1, gradebook.gradeCount(column));
    assertEquals(
        1, gradebook.lineItems().stream().filter(i -> i.resourceId().equals(action)).count());
  }

  @Test
  void traineesSeeTheirOwnGradeOnlyAndNotItsDelivery() throws Exception {
    String trainer =
        launch(c -> c.claim(LtiClaims.AGS_ENDPOINT, gradebook.endpointClaim(ALL_SCOPES)));
    String action = newAction(trainer, "Peer observation");
    grade(trainer, action, "10", "8", "");
    grade(trainer, action, "11", "6", "");
    String trainee =
        launch(
            c ->
                c.subject("11")
                    .claim("name", "Hugo Henriques")
                    .claim(LtiClaims.ROLES, List.of(TestPlatform.LEARNER)));
    JsonArray rows =
        call(trainee, "GET", "/api/v1/training-actions/" + action + "/evaluation", null)
            .getAsJsonObject()
            .getAsJsonArray("rows");
    assertEquals(1, rows.size());
    JsonObject mine = rows.get(0).getAsJsonObject();
    assertEquals("11", mine.get("userId").getAsString());
    assertNull(mine.get("gradebook"), mine.toString());
  }

  /** A launch into course 2 (as the trainer, unless adjusted); returns the session cookie. */
  private String launch(UnaryOperator<JWTClaimsSet.Builder> adjust) throws Exception {
    Browser browser = new Browser();
    Browser.Page login =
        browser.post(tool("/lti/login"), platform.loginFields(tool("/lti/launch")));
    HttpUrl auth = HttpUrl.get(login.location());
    JWTClaimsSet claims =
        adjust
            .apply(platform.claims(auth.queryParameter("nonce"), List.of(TestPlatform.INSTRUCTOR)))
            .build();
    Browser.Page page =
        browser.post(
            tool("/lti/launch"),
            Map.of("id_token", platform.sign(claims), "state", auth.queryParameter("state")));
    assertEquals(303, page.status(), page.body());
    return browser.cookie("cop_session").orElseThrow().value();
  }

  private String newAction(String session, String title) throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("title", title);
    body.addProperty("modality", "workshop");
    body.addProperty("jointHours", 15);
    body.addProperty("autonomousHours", 10);
    JsonArray trainees = new JsonArray();
    List.of("10", "11", "12").forEach(trainees::add);
    body.add("traineeIds", trainees);
    return call(session, "POST", "/api/v1/training-actions", body)
        .getAsJsonObject()
        .get("id")
        .getAsString();
  }

  private void grade(String session, String action, String userId, String mark, String comment)
      throws Exception {
    JsonObject marks = new JsonObject();
    for (String criterion : List.of("participation", "work", "final_reflection")) {
      marks.addProperty(criterion, new BigDecimal(mark));
    }
    JsonObject body = new JsonObject();
    body.add("marks", marks);
    body.addProperty("comment", comment);
    call(session, "PUT", "/api/v1/training-actions/" + action + "/grades/" + userId, body);
  }

  private String gradebookState(String session, String action, String userId) {
    try {
      for (JsonElement row :
          call(session, "GET", "/api/v1/training-actions/" + action + "/evaluation", null)
              .getAsJsonObject()
              .getAsJsonArray("rows")) {
        JsonObject r = row.getAsJsonObject();
        if (r.get("userId").getAsString().equals(userId) && r.has("gradebook")) {
          return r.getAsJsonObject("gradebook").get("state").getAsString();
        }
      }
      return null;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The outbox entry as the administration page shows it. */
  private JsonObject adminEntry(long id) throws Exception {
    String admin =
        launch(c -> c.subject("2").claim(LtiClaims.ROLES, List.of(TestPlatform.ADMINISTRATOR)));
    for (JsonElement m :
        call(admin, "GET", "/api/v1/admin/outbox?state=pending", null)
            .getAsJsonObject()
            .getAsJsonArray("messages")) {
      if (m.getAsJsonObject().get("id").getAsLong() == id) {
        return m.getAsJsonObject();
      }
    }
    throw new AssertionError("outbox message " + id + " not listed");
  }

  private TestGradebook.LineItem column(String action) {
    List<TestGradebook.LineItem> columns =
        gradebook.lineItems().stream().filter(i -> i.resourceId().equals(action)).toList();
    assertEquals(1, columns.size(), "one column for the action: " + gradebook.lineItems());
    return columns.get(0);
  }

  private JsonElement call(String session, String method, String path, JsonObject body)
      throws Exception {
    Request.Builder request =
        new Request.Builder()
            .url(tool(path))
            .header("Cookie", "cop_session=" + session)
            .header("X-Requested-With", "cop-connector");
    if (body != null) {
      request.method(
          method, RequestBody.create(body.toString(), MediaType.get("application/json")));
    }
    try (Response response = http.newCall(request.build()).execute()) {
      String text = response.body().string();
      assertTrue(
          response.isSuccessful(), method + " " + path + ": " + response.code() + " " + text);
      return JsonParser.parseString(text);
    }
  }

  /** One round of the test's worker; true, to chain in conditions. */
  private boolean delivered() {
    worker.deliverDue();
    return true;
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void tokensAreKeptNotAskedForEachScore() {
    // One for the connector's worker, one for the test's: each keeps its own.
    assertTrue(gradebook.tokensIssued() <= 2, "tokens issued: " + gradebook.tokensIssued());
  }

  private static void waitFor(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting: " + what);
  }
}
