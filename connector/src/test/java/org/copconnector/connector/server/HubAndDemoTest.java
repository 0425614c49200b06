package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.testing.Clients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub, its API and demo mode over HTTP. */
class HubAndDemoTest {

  @TempDir Path dataDir;
  private Connector connector;

  /** Entering the demo waits for its sample content: seconds on a busy machine. */
  private final OkHttpClient http =
      Clients.asTheUi().newBuilder().readTimeout(java.time.Duration.ofSeconds(60)).build();

  private void start(Connector.Mode mode) throws Exception {
    Map<String, String> env =
        Map.of(
            "COP_HTTP_HOST", "127.0.0.1", "COP_HTTP_PORT", "0", "COP_DATA_DIR", dataDir.toString());
    connector =
        Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of(), mode);
  }

  @AfterEach
  void stop() {
    Clients.closeIdleConnections(http);
    connector.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  private record Answer(int status, String type, String body, String location, String cookie) {}

  private Answer send(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      String cookie =
          r.headers("Set-Cookie").stream()
              .filter(c -> c.startsWith("cop_session="))
              .findFirst()
              .map(c -> c.substring("cop_session=".length(), c.indexOf(';')))
              .orElse(null);
      return new Answer(
          r.code(), r.header("Content-Type"), r.body().string(), r.header("Location"), cookie);
    }
  }

  private Answer get(String path, String session) throws IOException {
    Request.Builder request = new Request.Builder().url(url(path));
    if (session != null) {
      request.header("Cookie", "cop_session=" + session);
    }
    return send(request.build());
  }

  private Answer postAs(String session, String path) throws IOException {
    return send(
        new Request.Builder()
            .url(url(path))
            .header("Cookie", "cop_session=" + session)
            .post(RequestBody.create(new byte[0]))
            .build());
  }

  private Answer putAs(String session, String path, String json) throws IOException {
    return send(
        new Request.Builder()
            .url(url(path))
            .header("Cookie", "cop_session=" + session)
            .put(RequestBody.create(json, MediaType.get("application/json")))
            .build());
  }

  private JsonObject me(String session) throws IOException {
    return JsonParser.parseString(get("/api/v1/hub", session).body())
        .getAsJsonObject()
        .getAsJsonObject("me");
  }

  private String enter(String person, String course) throws IOException {
    Answer entered =
        send(
            new Request.Builder()
                .url(url("/demo/enter"))
                .post(new FormBody.Builder().add("person", person).add("course", course).build())
                .build());
    assertEquals(303, entered.status(), entered.body());
    assertEquals(url("/hub"), entered.location());
    return entered.cookie();
  }

  @Test
  void demoPeopleEnterTheHubOfTheirCourse() throws Exception {
    start(Connector.Mode.DEMO);
    Answer people = get("/demo/people", null);
    assertTrue(
        JsonParser.parseString(people.body()).getAsJsonArray().size() >= 20,
        "about twenty sample people");
    assertTrue(get("/demo", null).body().contains("demo-banner"));

    String session = enter("d07", "demo-rede-ciencias");
    JsonObject hub = JsonParser.parseString(get("/api/v1/hub", session).body()).getAsJsonObject();
    assertEquals("Filipe Ramos", hub.getAsJsonObject("me").get("name").getAsString());
    assertEquals("facilitator", hub.getAsJsonObject("me").get("role").getAsString());
    assertEquals("pt", hub.getAsJsonObject("me").get("locale").getAsString());
    assertEquals(
        "Rede de Professores de Ciências (3 escolas)",
        hub.getAsJsonObject("course").get("title").getAsString());
    assertEquals(10, hub.getAsJsonObject("course").get("participants").getAsInt());
    assertTrue(hub.get("demo").getAsBoolean());
    // The demo starts with the network's sample communities.
    assertTrue(
        hub.getAsJsonArray("communities").toString().contains("Projetos STEAM entre escolas"),
        hub.toString());
  }

  @Test
  void aChosenLanguageIsKeptForLaterSessions() throws Exception {
    start(Connector.Mode.DEMO);
    String first = enter("d07", "demo-rede-ciencias");
    JsonObject me = me(first);
    assertEquals("pt", me.get("locale").getAsString(), "the launch's locale until a choice");
    assertEquals(
        "[{\"code\":\"en\",\"name\":\"English\"},{\"code\":\"es\",\"name\":\"Español\"},"
            + "{\"code\":\"pt\",\"name\":\"Português\"}]",
        me.get("languages").toString());

    Answer chosen = putAs(first, "/api/v1/me/language", "{\"language\":\"es\"}");
    assertEquals(200, chosen.status(), chosen.body());
    assertEquals("{\"language\":\"es\"}", chosen.body());
    assertEquals("es", me(first).get("locale").getAsString());
    String later = enter("d07", "demo-cie-rio");
    assertEquals("es", me(later).get("locale").getAsString(), "kept in a new session");
    assertEquals(
        "pt",
        me(enter("d08", "demo-rede-ciencias")).get("locale").getAsString(),
        "one person's choice is theirs alone");

    for (String refused : List.of("{\"language\":\"xx\"}", "{\"language\":\"PT\"}", "{}")) {
      Answer bad = putAs(later, "/api/v1/me/language", refused);
      assertEquals(422, bad.status(), refused + " " + bad.body());
      assertEquals(
          "language",
          JsonParser.parseString(bad.body())
              .getAsJsonObject()
              .getAsJsonObject("details")
              .get("field")
              .getAsString());
    }
    assertEquals("es", me(later).get("locale").getAsString(), "a refused choice changes nothing");
    assertEquals(401, putAs("forged", "/api/v1/me/language", "{\"language\":\"en\"}").status());
  }

  @Test
  void theHubApiNeedsASession() throws Exception {
    start(Connector.Mode.EMPTY_DEMO);
    Answer anonymous = get("/api/v1/hub", null);
    assertEquals(401, anonymous.status());
    JsonObject refused = JsonParser.parseString(anonymous.body()).getAsJsonObject();
    assertEquals("unauthenticated", refused.get("error").getAsString());
    assertEquals("not_signed_in", refused.get("reason").getAsString());
    Answer stale = get("/api/v1/hub", "forged-token");
    assertEquals(401, stale.status());
    assertEquals(
        "session_expired",
        JsonParser.parseString(stale.body()).getAsJsonObject().get("reason").getAsString(),
        "a cookie the connector does not know is a session that ended");
  }

  @Test
  void pagesAndAssetsAreServedWithTheirTypes() throws Exception {
    start(Connector.Mode.NORMAL);
    Answer hub = get("/hub", null);
    assertEquals(200, hub.status());
    assertTrue(hub.type().startsWith("text/html"));
    assertTrue(hub.body().contains("<main id=\"main\""));
    for (String page : List.of("/hub", "/prompt", "/portfolio", "/thread", "/bank")) {
      String html = get(page, null).body();
      String script = "/assets/js/" + page.substring(1) + ".js";
      assertTrue(
          html.startsWith("<!DOCTYPE html>")
              && html.contains("<script type=\"module\" src=\"" + script + "\">")
              && html.contains(" skip\"")
              && html.contains("<main id=\"main\"")
              && !html.contains("<!--layout"),
          page + " is a whole page with the shared head: " + html);
    }
    java.util.regex.Matcher css =
        java.util.regex.Pattern.compile("href=\"(/assets/vendor/bootstrap/[^\"]+\\.css)\"")
            .matcher(hub.body());
    assertTrue(css.find(), "the page uses Bootstrap from its WebJar");
    Answer bootstrap = get(css.group(1), null);
    assertEquals(200, bootstrap.status());
    assertTrue(bootstrap.type().startsWith("text/css") && bootstrap.body().contains("Bootstrap"));
    assertEquals(
        404, get("/assets/vendor/bootstrap/0.0.1/bootstrap.min.css", null).status(), "old version");
    assertTrue(get("/assets/js/hub.js", null).type().startsWith("text/javascript"));
    assertTrue(get("/assets/i18n/pt.json", null).body().contains("Comunidades de prática"));
    for (String sneaky :
        List.of(
            "/assets/../logback.xml",
            "/assets/%2e%2e/demo/schools.json",
            "/assets/hub.HTML",
            "/assets/nothing.css")) {
      assertEquals(404, get(sneaky, null).status(), sneaky);
    }
  }

  @Test
  void theRootAndUnknownPagesLeadSomewhereUseful() throws Exception {
    start(Connector.Mode.NORMAL);
    Answer root = get("/", null);
    assertEquals(303, root.status());
    assertEquals(url("/hub"), root.location());

    Request.Builder browser =
        new Request.Builder()
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .header("Accept-Language", "pt-PT,pt;q=0.9,en;q=0.8");
    Answer page = send(browser.url(url("/no-such-page")).build());
    assertEquals(404, page.status());
    assertTrue(page.type().startsWith("text/html"), page.type());
    assertTrue(page.body().contains("<html lang=\"pt\">"), page.body());
    assertTrue(page.body().contains("Página não encontrada"), page.body());
    assertTrue(page.body().contains("<a href=\"/\">"), page.body());
    Answer english =
        send(browser.url(url("/demo")).header("Accept-Language", "fr-FR,en;q=0.5").build());
    assertEquals(404, english.status());
    assertTrue(english.body().contains("Page not found"), english.body());

    // The API, and clients that do not ask for a page, keep the JSON error.
    for (Answer json :
        List.of(
            send(browser.url(url("/api/v1/no-such-thing")).build()), get("/no-such-page", null))) {
      assertEquals(404, json.status());
      assertTrue(json.type().startsWith("application/json"), json.type());
      assertEquals(
          "not_found",
          JsonParser.parseString(json.body()).getAsJsonObject().get("error").getAsString());
    }
  }

  @Test
  void demoIsOffUnlessAsked() throws Exception {
    start(Connector.Mode.NORMAL);
    assertEquals(404, get("/demo", null).status());
    assertEquals(
        404,
        send(new Request.Builder()
                .url(url("/demo/enter"))
                .post(
                    new FormBody.Builder()
                        .add("person", "d01")
                        .add("course", "demo-mat-vv")
                        .build())
                .build())
            .status());
  }

  @Test
  void onlyAdministratorsAndTheCoursesFacilitatorsRefreshItsRoster() throws Exception {
    start(Connector.Mode.EMPTY_DEMO);
    String member = enter("d08", "demo-rede-ciencias");
    Answer refused = postAs(member, "/api/v1/courses/demo-rede-ciencias/roster/sync");
    assertEquals(403, refused.status());
    String otherFacilitator = enter("d02", "demo-mat-vv");
    assertEquals(
        403, postAs(otherFacilitator, "/api/v1/courses/demo-rede-ciencias/roster/sync").status());
    String facilitator = enter("d07", "demo-rede-ciencias");
    assertEquals(403, get("/api/v1/courses/demo-rede-ciencias/roster/sync", member).status());
    Answer started = postAs(facilitator, "/api/v1/courses/demo-rede-ciencias/roster/sync");
    assertEquals(202, started.status(), started.body());
    assertTrue(
        started.location().endsWith("/api/v1/courses/demo-rede-ciencias/roster/sync"),
        started.location());
    JsonObject finished =
        finishedSync(facilitator, "/api/v1/courses/demo-rede-ciencias/roster/sync");
    assertEquals("done", finished.get("state").getAsString(), finished.toString());
    assertEquals(10, finished.getAsJsonObject("change").get("unchanged").getAsInt());
    String admin = enter("d01", "demo-mat-vv");
    assertEquals(202, postAs(admin, "/api/v1/courses/demo-cie-rio/roster/sync").status());
    assertEquals(
        "done",
        finishedSync(admin, "/api/v1/courses/demo-cie-rio/roster/sync").get("state").getAsString());
  }

  /** Reads a roster sync's status until it has finished. */
  private JsonObject finishedSync(String session, String path) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (true) {
      Answer answer = get(path, session);
      assertEquals(200, answer.status(), answer.body());
      JsonObject status = JsonParser.parseString(answer.body()).getAsJsonObject();
      String state = status.get("state").getAsString();
      if (!state.equals("queued") && !state.equals("running")) {
        return status;
      }
      assertTrue(System.nanoTime() < deadline, "the sync did not finish: " + status);
      Thread.sleep(20);
    }
  }

  @Test
  void onlyAdministratorsSeeTheOutbox() throws Exception {
    start(Connector.Mode.EMPTY_DEMO);
    String facilitator = enter("d07", "demo-rede-ciencias");
    String member = enter("d08", "demo-rede-ciencias");
    for (String session : List.of(facilitator, member)) {
      assertEquals(403, get("/api/v1/admin/outbox", session).status());
      assertEquals(403, postAs(session, "/api/v1/admin/outbox/1/retry").status());
    }
    assertEquals(401, get("/api/v1/admin/outbox", null).status());
    String admin = enter("d01", "demo-mat-vv");
    Answer outbox = get("/api/v1/admin/outbox?status=PENDING", admin);
    assertEquals(200, outbox.status(), outbox.body());
    JsonObject summary = JsonParser.parseString(outbox.body()).getAsJsonObject();
    assertEquals(0, summary.get("failed").getAsInt());
    assertEquals(422, get("/api/v1/admin/outbox?status=LOST", admin).status());
    assertEquals(404, postAs(admin, "/api/v1/admin/outbox/999/retry").status());
  }

  @Test
  void changesWithoutTheUisHeaderAreRefusedAsCrossSite() throws Exception {
    start(Connector.Mode.EMPTY_DEMO);
    String facilitator = enter("d07", "demo-rede-ciencias");
    okhttp3.OkHttpClient foreignPage = new okhttp3.OkHttpClient();
    try (Response r =
        foreignPage
            .newCall(
                new Request.Builder()
                    .url(url("/api/v1/courses/demo-rede-ciencias/roster/sync"))
                    .header("Cookie", "cop_session=" + facilitator)
                    .post(RequestBody.create(new byte[0]))
                    .build())
            .execute()) {
      assertEquals(403, r.code());
      JsonObject refused = JsonParser.parseString(r.body().string()).getAsJsonObject();
      assertEquals("cross_site_request", refused.get("error").getAsString());
      assertEquals("cross_site_request", refused.get("reason").getAsString());
    }
    try (Response r =
        foreignPage
            .newCall(
                new Request.Builder()
                    .url(url("/api/v1/hub"))
                    .header("Cookie", "cop_session=" + facilitator)
                    .build())
            .execute()) {
      assertEquals(200, r.code(), "reading needs no header");
    }
  }
}
