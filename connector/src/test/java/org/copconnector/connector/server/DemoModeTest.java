package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.demo.DemoSamples;
import org.copconnector.connector.demo.DemoSchools;
import org.copconnector.connector.testing.Clients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a visitor finds it, over HTTP: sample content in every course, a way in from the
 * root, the language chosen on the start page, and nothing left on disk once it stops. One demo
 * serves the tests that only read; the last one stops its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoModeTest {

  @TempDir static Path work;
  private Connector connector;

  /** Entering waits for the sample content: seconds on a busy machine. */
  private final OkHttpClient http =
      Clients.asTheUi().newBuilder().readTimeout(Duration.ofSeconds(60)).build();

  @BeforeAll
  void start() throws Exception {
    connector = demo(work.resolve("shared"));
  }

  @AfterAll
  void stop() {
    Clients.closeIdleConnections(http);
    connector.close();
  }

  private static Connector demo(Path work) throws Exception {
    Map<String, String> env =
        Map.of(
            "COP_HTTP_HOST",
            "127.0.0.1",
            "COP_HTTP_PORT",
            "0",
            "COP_DATA_DIR",
            work.resolve("data").toString());
    return Connector.start(
        new ConfigLoader(env, work.resolve("none")).load(null), List.of(), Connector.Mode.DEMO);
  }

  private record Answer(int status, String type, byte[] body, Map<String, List<String>> headers) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonElement json() {
      return JsonParser.parseString(text());
    }

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  private Answer send(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      Map<String, List<String>> headers = new java.util.HashMap<>();
      r.headers()
          .names()
          .forEach(n -> headers.put(n.toLowerCase(java.util.Locale.ROOT), r.headers(n)));
      return new Answer(r.code(), r.header("Content-Type"), r.body().bytes(), headers);
    }
  }

  private Answer get(String session, String path) throws IOException {
    return send(
        new Request.Builder()
            .url(connector.address() + path)
            .header("Cookie", "cop_session=" + session)
            .build());
  }

  /** The array {@code field} of the JSON object at {@code path}. */
  private JsonArray array(String session, String path, String field) throws IOException {
    return get(session, path).json().getAsJsonObject().getAsJsonArray(field);
  }

  /** Enters as a demo person from a course, as the start page's form does; returns the session. */
  private String enter(String person, String course, String lang) throws IOException {
    FormBody.Builder form = new FormBody.Builder().add("person", person).add("course", course);
    if (lang != null) {
      form.add("lang", lang);
    }
    Answer entered =
        send(
            new Request.Builder()
                .url(connector.address() + "/demo/enter")
                .post(form.build())
                .build());
    assertEquals(303, entered.status(), entered.text());
    String cookie = entered.header("Set-Cookie");
    return cookie.substring("cop_session=".length(), cookie.indexOf(';'));
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void everyCourseStartsWithCommunitiesThatAreAlive() throws Exception {
    DemoSchools schools = DemoSchools.load();
    List<DemoSamples.CommunitySample> samples = DemoSamples.load().communities();
    for (DemoSchools.Course course : schools.courses()) {
      // The administrator is in every course and sees every community as a member would.
      String admin = enter("d01", course.id(), "pt");
      JsonArray cards = array(admin, "/api/v1/hub", "communities");
      assertTrue(cards.size() >= 2, course.id() + " has communities: " + cards);
      // The course's main community: the one with a prompt, a survey and a bank.
      String name =
          samples.stream()
              .filter(c -> c.course().equals(course.id()) && c.prompt() != null)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no main community in " + course.id()))
              .name();
      String community = null;
      for (JsonElement card : cards) {
        if (card.getAsJsonObject().get("name").getAsString().equals(name)) {
          community = card.getAsJsonObject().get("id").getAsString();
        }
      }
      assertTrue(community != null, name + " is on the hub of " + course.id() + ": " + cards);
      String where = course.id() + " / " + name;

      discussionsAreUnderWay(admin, community, where);
      theBankHoldsFilesThatDownload(admin, community, where);
      aPromptIsOpenWithAnswers(admin, community, where);
      aSurveyRoundHasAReport(admin, community, where);
    }
  }

  private void discussionsAreUnderWay(String session, String community, String where)
      throws IOException {
    JsonArray threads = array(session, "/api/v1/threads?community=" + community, "threads");
    assertTrue(threads.size() >= 3, where + " has threads: " + threads);
    int replies = 0;
    Set<String> authors = new HashSet<>();
    for (JsonElement listed : threads) {
      String id = listed.getAsJsonObject().getAsJsonObject("thread").get("id").getAsString();
      JsonArray posts = array(session, "/api/v1/threads/" + id, "posts");
      replies += posts.size() - 1;
      posts.forEach(p -> authors.add(p.getAsJsonObject().get("authorId").getAsString()));
    }
    assertTrue(replies >= 4, where + " has replies: " + replies);
    assertTrue(authors.size() >= 3, where + " has several people writing: " + authors);
  }

  private void theBankHoldsFilesThatDownload(String session, String community, String where)
      throws IOException {
    JsonArray results = array(session, "/api/v1/resources?community=" + community, "results");
    assertTrue(results.size() >= 3, where + " has a bank: " + results);
    Set<String> kinds = new HashSet<>();
    for (JsonElement found : results) {
      String id = found.getAsJsonObject().getAsJsonObject("resource").get("id").getAsString();
      JsonObject version =
          get(session, "/api/v1/resources/" + id)
              .json()
              .getAsJsonObject()
              .getAsJsonArray("versions")
              .get(0)
              .getAsJsonObject();
      Answer file = get(session, "/api/v1/resources/" + id + "/versions/1/file");
      assertEquals(200, file.status(), where + " " + version);
      assertEquals(version.get("sizeBytes").getAsLong(), file.body().length);
      String name = version.get("fileName").getAsString();
      assertTrue(
          file.header("Content-Disposition").endsWith(encoded(name).replace("+", "%20")),
          file.header("Content-Disposition"));
      kinds.add(name.substring(name.lastIndexOf('.') + 1));
      if (name.endsWith(".odt")) {
        // A real OpenDocument file: a zip whose first entry names its type, uncompressed.
        assertArrayEquals(
            new byte[] {'P', 'K', 3, 4}, java.util.Arrays.copyOf(file.body(), 4), name);
        assertTrue(file.text().contains("application/vnd.oasis.opendocument.text"), name);
      }
    }
    assertEquals(Set.of("md", "csv", "odt"), kinds, where + " has plans, rubrics and sheets");
  }

  private void aPromptIsOpenWithAnswers(String session, String community, String where)
      throws IOException {
    JsonArray rows =
        get(session, "/api/v1/prompt-schedules/dialogue?community=" + community)
            .json()
            .getAsJsonArray();
    assertEquals(1, rows.size(), where + " " + rows);
    JsonObject row = rows.get(0).getAsJsonObject();
    assertTrue(row.get("open").getAsBoolean(), where + " " + row);
    assertTrue(row.get("respondents").getAsInt() >= 3, where + " " + row);
    JsonObject page =
        get(session, "/api/v1/prompt-openings/" + row.get("threadId").getAsString())
            .json()
            .getAsJsonObject();
    JsonArray answers = page.getAsJsonArray("answers");
    assertTrue(answers.size() >= 3, where + " " + answers);
    boolean dialogue = false;
    for (JsonElement answer : answers) {
      dialogue |= !answer.getAsJsonObject().getAsJsonArray("replies").isEmpty();
    }
    assertTrue(dialogue, where + ": colleagues reply to each other's answers");
  }

  private void aSurveyRoundHasAReport(String session, String community, String where)
      throws IOException {
    JsonArray surveys =
        get(session, "/api/v1/surveys?community=" + community).json().getAsJsonArray();
    assertEquals(1, surveys.size(), where + " " + surveys);
    JsonObject survey = surveys.get(0).getAsJsonObject();
    JsonArray rounds = survey.getAsJsonArray("rounds");
    JsonObject open = rounds.get(rounds.size() - 1).getAsJsonObject();
    assertTrue(open.get("open").getAsBoolean(), where + " " + open);
    JsonObject report =
        get(
                session,
                "/api/v1/surveys/"
                    + survey.get("id").getAsString()
                    + "/rounds/"
                    + open.get("id").getAsString()
                    + "/report")
            .json()
            .getAsJsonObject();
    assertTrue(report.get("shown").getAsBoolean(), where + " " + report);
    assertTrue(report.get("respondents").getAsInt() >= 3, where + " " + report);
  }

  @Test
  void theSamplesAreSearchableByTheWordsInsideTheFiles() throws Exception {
    String filipe = enter("d07", "demo-cie-rio", "pt");
    // "balança" (scales) is inside the free-fall sheet (an .odt), not in its title.
    JsonObject page =
        get(filipe, "/api/v1/resources?q=" + encoded("balança")).json().getAsJsonObject();
    assertTrue(page.get("total").getAsInt() >= 1, page.toString());
    assertTrue(
        page.toString().contains("queda livre"), "the sheet that holds those words: " + page);
  }

  @Test
  void theRootLeadsToTheStartPage() throws Exception {
    Answer root = send(new Request.Builder().url(connector.address() + "/").build());
    assertEquals(303, root.status());
    assertEquals(connector.address() + "/demo", root.header("Location"));
  }

  @Test
  void theLanguageChosenOnTheStartPageIsTheSessions() throws Exception {
    // Filipe's own language is Portuguese; the visitor chose English.
    String english = enter("d07", "demo-rede-ciencias", "en");
    assertEquals("en", locale(english));
    // Lúcia's own is English; the visitor chose Portuguese.
    String portuguese = enter("d12", "demo-cie-rio", "pt");
    assertEquals("pt", locale(portuguese));
    // The choice is kept for her later visits, as the pages' own language switch is.
    String later = enter("d12", "demo-cie-rio", null);
    assertEquals("pt", locale(later));
  }

  /** The language the hub is shown in for {@code session}. */
  private String locale(String session) throws IOException {
    return get(session, "/api/v1/hub")
        .json()
        .getAsJsonObject()
        .getAsJsonObject("me")
        .get("locale")
        .getAsString();
  }

  @Test
  void nothingIsLeftOnDiskOnceTheDemoStops() throws Exception {
    Path own = work.resolve("own");
    Files.createDirectories(own);
    Connector shared = connector;
    connector = demo(own);
    try {
      leavesNothing(own);
    } finally {
      Clients.closeIdleConnections(http);
      connector.close();
      connector = shared;
    }
  }

  private void leavesNothing(Path work) throws Exception {
    Path folder = connector.demoFolder().orElseThrow();
    assertTrue(folder.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), folder.toString());
    // A visitor uploads a file of their own, as the bank page does.
    String gabriela = enter("d08", "demo-cie-rio", "pt");
    Answer upload =
        send(
            new Request.Builder()
                .url(connector.address() + "/api/v1/uploads")
                .header("Cookie", "cop_session=" + gabriela)
                .header("X-File-Name", "notas.txt")
                .post(
                    RequestBody.create(
                        "Notas da aula de laboratório".getBytes(StandardCharsets.UTF_8),
                        MediaType.get("application/octet-stream")))
                .build());
    assertEquals(201, upload.status(), upload.text());
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> kept = files.filter(Files::isRegularFile).toList();
      assertTrue(kept.size() >= 14, "the samples' files and the upload: " + kept);
      assertTrue(
          kept.stream().allMatch(f -> f.startsWith(folder.resolve("blobs"))),
          "only files, no search index: " + kept);
    }

    Clients.closeIdleConnections(http);
    connector.close();

    assertFalse(Files.exists(folder), "the demo's temporary folder is deleted");
    assertFalse(Files.exists(work.resolve("data")), "the data folder is never created");
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(), left.toList(), "nothing else was written");
    }
  }

  @Test
  void theConsoleSaysWhereToOpenIt() {
    assertEquals(
        "CoP Connector demo is ready: open "
            + connector.address()
            + "/demo (administrators: "
            + connector.address()
            + "/admin, API description: "
            + connector.address()
            + "/api-docs)",
        Main.readyMessage(connector.address(), true, java.util.Optional.empty()));
    assertTrue(connector.address().toString().matches("http://127\\.0\\.0\\.1:\\d+"));
  }
}
