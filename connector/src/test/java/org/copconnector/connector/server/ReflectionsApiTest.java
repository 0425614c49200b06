package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers to prompts over HTTP: journal entries only their author sees, sharing them later,
 * evidence, the per-prompt dialogue view, the portfolio, and facilitators' own prompts.
 */
class ReflectionsApiTest {

  private static final String NETWORK = "demo-rede-ciencias";

  @TempDir static Path dataDir;
  private static DemoHub hub;
  private static String filipe;
  private static String gabriela;
  private static String ines;
  private static String tiago;

  @BeforeAll
  static void start() throws Exception {
    hub = DemoHub.start(dataDir, Map.of());
    filipe = hub.enter("d07", NETWORK);
    gabriela = hub.enter("d08", NETWORK);
    ines = hub.enter("d10", NETWORK);
    tiago = hub.enter("d20", NETWORK);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  /** A community of Filipe's with Gabriela and Inês as members. */
  private static String community(String name) throws Exception {
    String id =
        hub.call(
                filipe,
                "POST",
                "/api/v1/communities",
                "{\"name\":\"" + name + "\",\"domain\":\"Aulas de ciências\"}")
            .object()
            .get("id")
            .getAsString();
    hub.call(gabriela, "POST", "/api/v1/communities/" + id + "/join", null);
    hub.call(ines, "POST", "/api/v1/communities/" + id + "/join", null);
    return id;
  }

  /** Opens a prompt at once in the community; returns its thread. */
  private static String openPrompt(String community, boolean asksEvidence) throws Exception {
    Answer made =
        hub.call(
            filipe,
            "POST",
            "/api/v1/prompt-schedules",
            "{\"communityId\":\""
                + community
                + "\",\"title\":\"Depois da aula\",\"body\":\"<p>O que aprendeu hoje um aluno?</p>\","
                + "\"openNow\":true,\"asksEvidence\":"
                + asksEvidence
                + "}");
    assertEquals(201, made.status(), String.valueOf(made.json()));
    assertEquals(1, made.object().get("opened").getAsInt(), "opened at once");
    JsonArray rows = get(filipe, "/api/v1/prompt-schedules/dialogue?community=" + community);
    return rows.get(rows.size() - 1).getAsJsonObject().get("threadId").getAsString();
  }

  private static JsonArray get(String session, String path) throws Exception {
    Answer answer = hub.call(session, "GET", path, null);
    assertEquals(200, answer.status(), path + " " + answer.json());
    return answer.json().getAsJsonArray();
  }

  private static JsonObject page(String session, String thread) throws Exception {
    Answer answer = hub.call(session, "GET", "/api/v1/prompt-openings/" + thread, null);
    assertEquals(200, answer.status(), String.valueOf(answer.json()));
    return answer.object();
  }

  private static Answer reflect(String session, String thread, String body, String more)
      throws Exception {
    return hub.call(
        session,
        "POST",
        "/api/v1/reflections",
        "{\"threadId\":\"" + thread + "\",\"body\":\"" + body + "\"" + more + "}");
  }

  @Test
  void aJournalEntryStaysWithItsAuthorUntilSharedWithItsEvidence() throws Exception {
    String community = community("Diário de aula");
    String thread = openPrompt(community, true);

    Answer entry =
        reflect(gabriela, thread, "<p>A Marta explicou a fotossíntese ao colega.</p>", "");
    assertEquals(201, entry.status(), String.valueOf(entry.json()));
    assertFalse(entry.object().get("shared").getAsBoolean(), "private unless asked");
    String id = entry.object().get("id").getAsString();

    // Nobody else sees it: not the facilitator's prompt page, the thread, counts or portfolio.
    JsonObject facilitatorsView = page(filipe, thread);
    assertEquals(0, facilitatorsView.getAsJsonArray("answers").size());
    assertEquals(0, facilitatorsView.getAsJsonArray("journal").size());
    assertFalse(answered(facilitatorsView, "Gabriela Lopes"));
    String threadText =
        hub.call(filipe, "GET", "/api/v1/threads/" + thread, null).json().toString();
    assertFalse(threadText.contains("fotossíntese"), threadText);
    JsonObject row =
        get(filipe, "/api/v1/prompt-schedules/dialogue?community=" + community)
            .get(0)
            .getAsJsonObject();
    assertEquals(0, row.get("respondents").getAsInt());
    assertFalse(
        hub.call(filipe, "GET", "/api/v1/me/reflections", null)
            .json()
            .toString()
            .contains("fotossíntese"));
    assertEquals(
        404, hub.call(filipe, "POST", "/api/v1/reflections/" + id + "/share", null).status());
    assertEquals(
        404, hub.call(filipe, "PUT", "/api/v1/reflections/" + id, "{\"body\":\"x\"}").status());
    JsonObject hers = page(gabriela, thread);
    assertEquals(1, hers.getAsJsonArray("journal").size());
    assertNull(hers.get("respondents"), "who answered is for facilitators");

    // The prompt asks for evidence: sharing without it is refused, nothing is posted.
    Answer refused = hub.call(gabriela, "POST", "/api/v1/reflections/" + id + "/share", null);
    assertEquals(422, refused.status());
    assertEquals("evidence", field(refused));
    Answer badLink =
        hub.call(
            gabriela,
            "PUT",
            "/api/v1/reflections/" + id,
            "{\"body\":\"<p>A Marta explicou a fotossíntese ao colega.</p>\","
                + "\"evidence\":{\"link\":\"javascript:alert(1)\"}}");
    assertEquals(422, badLink.status());
    assertEquals("evidence.link", field(badLink));
    Answer edited =
        hub.call(
            gabriela,
            "PUT",
            "/api/v1/reflections/" + id,
            "{\"body\":\"<p>A Marta explicou a fotossíntese ao colega.<script>alert(1)</script></p>\","
                + "\"evidence\":{\"link\":\"https://escola.example/plano-fotossintese\"}}");
    assertEquals(200, edited.status(), String.valueOf(edited.json()));
    assertFalse(edited.object().get("body").getAsString().contains("script"));

    Answer shared = hub.call(gabriela, "POST", "/api/v1/reflections/" + id + "/share", null);
    assertEquals(200, shared.status(), String.valueOf(shared.json()));
    assertTrue(shared.object().get("shared").getAsBoolean());
    assertEquals(
        409, hub.call(gabriela, "POST", "/api/v1/reflections/" + id + "/share", null).status());
    assertEquals(
        409, hub.call(gabriela, "PUT", "/api/v1/reflections/" + id, "{\"body\":\"y\"}").status());

    // Now the community sees it, with its evidence; the facilitator sees who answered.
    JsonObject now = page(filipe, thread);
    JsonObject answer = now.getAsJsonArray("answers").get(0).getAsJsonObject();
    assertEquals("Gabriela Lopes", answer.get("authorName").getAsString());
    assertTrue(answer.get("body").getAsString().contains("fotossíntese"));
    assertEquals(
        "https://escola.example/plano-fotossintese",
        answer.getAsJsonObject("evidence").get("link").getAsString());
    assertTrue(answered(now, "Gabriela Lopes"));
    assertFalse(answered(now, "Inês Carvalho"));
    assertEquals(0, page(gabriela, thread).getAsJsonArray("journal").size());
    assertEquals(409, hub.call(gabriela, "DELETE", "/api/v1/reflections/" + id, null).status());

    String draft =
        reflect(gabriela, thread, "<p>Rascunho.</p>", "").object().get("id").getAsString();
    assertEquals(404, hub.call(filipe, "DELETE", "/api/v1/reflections/" + draft, null).status());
    assertEquals(204, hub.call(gabriela, "DELETE", "/api/v1/reflections/" + draft, null).status());
    assertEquals(0, page(gabriela, thread).getAsJsonArray("journal").size());
  }

  @Test
  void thePromptPageGroupsRepliesUnderTheAnswerTheyFollow() throws Exception {
    String community = community("Conversas");
    String thread = openPrompt(community, false);
    Answer gabrielas =
        reflect(gabriela, thread, "<p>Os alunos gostaram da experiência.</p>", ",\"shared\":true");
    assertEquals(201, gabrielas.status(), String.valueOf(gabrielas.json()));
    String post = gabrielas.object().get("postId").getAsString();
    Answer reply =
        hub.call(
            ines,
            "POST",
            "/api/v1/threads/" + thread + "/posts",
            "{\"body\":\"<p>Que experiência fizeram?</p>\",\"parentId\":\"" + post + "\"}");
    assertEquals(201, reply.status(), String.valueOf(reply.json()));
    String ines1 = reply.object().get("id").getAsString();
    hub.call(
        gabriela,
        "POST",
        "/api/v1/threads/" + thread + "/posts",
        "{\"body\":\"<p>Com feijões e algodão.</p>\",\"parentId\":\"" + ines1 + "\"}");
    reflect(ines, thread, "<p>Eu ainda não dei esta matéria.</p>", ",\"shared\":true");

    JsonArray answers = page(gabriela, thread).getAsJsonArray("answers");
    assertEquals(2, answers.size(), String.valueOf(answers));
    JsonArray replies = answers.get(0).getAsJsonObject().getAsJsonArray("replies");
    assertEquals(2, replies.size(), "a reply to a reply stays in the same conversation");
    assertEquals(0, answers.get(1).getAsJsonObject().getAsJsonArray("replies").size());

    JsonObject row =
        get(gabriela, "/api/v1/prompt-schedules/dialogue?community=" + community)
            .get(0)
            .getAsJsonObject();
    assertEquals(2, row.get("respondents").getAsInt());
    assertEquals(66.7, row.get("responseRate").getAsDouble(), "two of three members");
    assertEquals(4, row.get("answers").getAsInt());
    assertEquals(2, row.get("repliesToColleagues").getAsInt());
    assertTrue(row.get("answeredByMe").getAsBoolean());
    assertTrue(row.get("open").getAsBoolean());
    JsonObject opening =
        hub.call(gabriela, "GET", "/api/v1/prompt-openings/" + thread + "/opening", null).object();
    assertEquals("Depois da aula", opening.get("title").getAsString());
    assertFalse(opening.has("answers"), "the thread page asks only whether it is a prompt's");
    assertEquals(
        404, hub.call(gabriela, "GET", "/api/v1/prompt-openings/nope/opening", null).status());

    DemoHub.Download chart =
        hub.download(
            gabriela, "/api/v1/prompt-schedules/dialogue/chart.svg?community=" + community);
    assertEquals(200, chart.status());
    assertTrue(chart.headers().get("Content-Type").startsWith("image/svg+xml"));
    String svg = new String(chart.bytes(), StandardCharsets.UTF_8);
    // In Gabriela's language, and scaled to its container.
    assertTrue(svg.startsWith("<svg") && svg.contains("66,7"), svg);
    assertTrue(svg.contains("viewBox=\"0 0 360 220\""), "scales to its container: " + svg);
    assertTrue(
        svg.contains("<title id=\"chart-title\">Taxa de resposta e diálogo por proposta</title>")
            && svg.contains("<desc id=\"chart-desc\">"),
        svg);
    assertEquals(
        403,
        hub.download(tiago, "/api/v1/prompt-schedules/dialogue/chart.svg?community=" + community)
            .status(),
        "members only");
  }

  @Test
  void evidenceFromTheBankMustBeAResourceTheAuthorCanSee() throws Exception {
    String community = community("Banco e prática");
    String thread = openPrompt(community, true);
    Answer resource =
        hub.call(
            filipe,
            "POST",
            "/api/v1/resources",
            "{\"communityId\":\""
                + community
                + "\",\"url\":\"https://escola.example/grelha\",\"title\":\"Grelha de observação\"}");
    assertEquals(201, resource.status(), String.valueOf(resource.json()));
    String resourceId = resource.object().get("id").getAsString();
    Answer unknown =
        reflect(
            gabriela,
            thread,
            "<p>Usei a grelha.</p>",
            ",\"shared\":true,\"evidence\":{\"resourceId\":\"nope\"}");
    assertEquals(422, unknown.status());
    assertEquals("evidence.resourceId", field(unknown));
    Answer missing = reflect(gabriela, thread, "<p>Usei a grelha.</p>", ",\"shared\":true");
    assertEquals(422, missing.status());
    assertEquals(0, page(filipe, thread).getAsJsonArray("answers").size(), "nothing stored");
    Answer made =
        reflect(
            gabriela,
            thread,
            "<p>Usei a grelha.</p>",
            ",\"shared\":true,\"evidence\":{\"resourceId\":\"" + resourceId + "\"}");
    assertEquals(201, made.status(), String.valueOf(made.json()));
    JsonObject answer = page(ines, thread).getAsJsonArray("answers").get(0).getAsJsonObject();
    assertEquals(
        "Grelha de observação",
        answer.getAsJsonObject("evidence").get("resourceTitle").getAsString());
    assertTrue(
        answer
            .get("body")
            .getAsString()
            .contains("Evidência do banco de recursos: «Grelha de observação»"),
        "said in the post, in the author's language, for Moodle's readers too");
    assertEquals(403, reflect(tiago, thread, "<p>Eu também.</p>", "").status(), "members only");
  }

  @Test
  void thePortfolioGathersEveryReflectionAcrossCommunitiesAndDownloads() throws Exception {
    String first = community("Portefólio A");
    String second = community("Portefólio B");
    String a = openPrompt(first, false);
    String b = openPrompt(second, false);
    reflect(ines, a, "<p>Primeira reflexão, privada.</p>", "");
    reflect(ines, b, "<p>Segunda reflexão, partilhada.</p>", ",\"shared\":true");
    hub.call(
        ines,
        "POST",
        "/api/v1/threads/" + b + "/posts",
        "{\"body\":\"<p>Escrita na discussão.</p>\"}");

    Answer mine = hub.call(ines, "GET", "/api/v1/me/reflections", null);
    assertEquals(200, mine.status());
    assertEquals("Inês Carvalho", mine.object().get("name").getAsString());
    JsonArray reflections = mine.object().getAsJsonArray("reflections");
    String all = reflections.toString();
    assertTrue(all.contains("Primeira reflexão") && all.contains("Segunda reflexão"), all);
    assertTrue(all.contains("Escrita na discussão"), "answers written in the thread count too");
    assertTrue(all.contains("Portefólio A") && all.contains("Portefólio B"));
    long mineHere = 0;
    for (JsonElement r : reflections) {
      if (r.getAsJsonObject().get("prompt").getAsString().contains("O que aprendeu")) {
        mineHere++;
      }
    }
    assertTrue(mineHere >= 3, all);

    DemoHub.Download file = hub.download(ines, "/api/v1/me/reflections?download=true");
    assertEquals(200, file.status());
    assertTrue(
        file.headers()
            .get("Content-Disposition")
            .startsWith("attachment; filename=\"my-reflections-"));
    JsonObject saved =
        JsonParser.parseString(new String(file.bytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    assertEquals(reflections.size(), saved.getAsJsonArray("reflections").size());
    assertFalse(
        hub.call(gabriela, "GET", "/api/v1/me/reflections", null)
            .json()
            .toString()
            .contains("Primeira reflexão"),
        "nobody else's portfolio holds it");
  }

  @Test
  void facilitatorsWriteTheirOwnPromptsAndShareThemWithOtherCommunities() throws Exception {
    String home = community("Laboratório");
    String other = community("Outra escola");
    String third = community("Terceira");
    String prompt =
        "{\"communityId\":\""
            + home
            + "\",\"language\":\"pt\",\"characteristic\":\"deprivatised_practice\","
            + "\"moment\":\"lesson_study_analyse\",\"title\":\"Observação entre pares\","
            + "\"text\":\"O que viu na aula do colega que vai experimentar?\",\"asksEvidence\":true}";
    assertEquals(403, hub.call(gabriela, "POST", "/api/v1/prompts/written", prompt).status());
    Answer noKind =
        hub.call(
            filipe,
            "POST",
            "/api/v1/prompts/written",
            prompt.replace("\"characteristic\":\"deprivatised_practice\",", ""));
    assertEquals(422, noKind.status());
    assertEquals("characteristic", field(noKind));
    Answer written = hub.call(filipe, "POST", "/api/v1/prompts/written", prompt);
    assertEquals(201, written.status(), String.valueOf(written.json()));
    String id = written.object().get("id").getAsString();
    assertTrue(written.object().get("asksEvidence").getAsBoolean());
    assertEquals(0, get(filipe, "/api/v1/prompts/written?community=" + other).size());

    // A prompt is sanitised HTML, with one bound that includes its formatting.
    Answer formatted =
        hub.call(
            filipe,
            "POST",
            "/api/v1/prompts/written",
            prompt.replace(
                "O que viu na aula do colega que vai experimentar?",
                "<p>O que <strong>viu</strong>?<script>alert(1)</script></p>"
                    + "<p onclick=\\\"x()\\\"><a href=\\\"javascript:x()\\\">ligação</a></p>"));
    assertEquals(201, formatted.status(), String.valueOf(formatted.json()));
    String html = formatted.object().get("text").getAsString();
    assertTrue(html.contains("<strong>viu</strong>"), html);
    assertFalse(
        html.contains("script") || html.contains("onclick") || html.contains("javascript"), html);
    Answer tooLong =
        hub.call(
            filipe,
            "POST",
            "/api/v1/prompts/written",
            prompt.replace(
                "O que viu na aula do colega que vai experimentar?",
                "<p><strong>" + "a".repeat(19_990) + "</strong></p>"));
    assertEquals(422, tooLong.status());
    assertEquals("text", field(tooLong));
    Answer onlyMarkup =
        hub.call(
            filipe,
            "POST",
            "/api/v1/prompts/written",
            prompt.replace("O que viu na aula do colega que vai experimentar?", "<p><br></p>"));
    assertEquals(422, onlyMarkup.status());

    String ana = hub.enter("d02", "demo-mat-vv");
    String elsewhere =
        hub.call(
                ana,
                "POST",
                "/api/v1/communities",
                "{\"name\":\"Matemática\",\"domain\":\"Frações\"}")
            .object()
            .get("id")
            .getAsString();
    Answer unseen =
        hub.call(
            filipe,
            "POST",
            "/api/v1/prompts/written/" + id + "/shares",
            "{\"communityIds\":[\"" + elsewhere + "\"]}");
    assertEquals(422, unseen.status(), "only communities the facilitator can see");
    assertEquals(0, get(ana, "/api/v1/prompts/written?community=" + elsewhere).size());
    Answer badTarget =
        hub.call(
            filipe,
            "POST",
            "/api/v1/prompts/written/" + id + "/shares",
            "{\"communityIds\":[\"nowhere\"]}");
    assertEquals(422, badTarget.status());
    assertEquals(
        403,
        hub.call(gabriela, "POST", "/api/v1/prompts/written/" + id + "/shares", "{\"all\":true}")
            .status());
    Answer shared =
        hub.call(
            filipe,
            "POST",
            "/api/v1/prompts/written/" + id + "/shares",
            "{\"communityIds\":[\"" + other + "\"]}");
    assertEquals(200, shared.status(), String.valueOf(shared.json()));
    assertEquals(other, shared.object().getAsJsonArray("sharedWith").get(0).getAsString());
    JsonObject seen =
        get(gabriela, "/api/v1/prompts/written?community=" + other).get(0).getAsJsonObject();
    assertEquals("Observação entre pares", seen.get("title").getAsString());
    assertEquals("Laboratório", seen.get("communityName").getAsString());
    assertNull(seen.get("sharedWith"), "where it is shared is the owners' business");
    assertEquals(0, get(filipe, "/api/v1/prompts/written?community=" + third).size());
    hub.call(filipe, "POST", "/api/v1/prompts/written/" + id + "/shares", "{\"all\":true}");
    assertEquals(1, get(filipe, "/api/v1/prompts/written?community=" + third).size());
  }

  private static boolean answered(JsonObject page, String name) {
    for (JsonElement r : page.getAsJsonArray("respondents")) {
      if (r.getAsJsonObject().get("name").getAsString().equals(name)) {
        return r.getAsJsonObject().get("answered").getAsBoolean();
      }
    }
    throw new AssertionError(name + " is not listed: " + page);
  }

  private static String field(Answer answer) {
    return answer.object().getAsJsonObject("details").get("field").getAsString();
  }
}
