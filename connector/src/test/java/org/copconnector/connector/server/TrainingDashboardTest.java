package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.testing.CourseTrainees;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.connector.testing.SessionPromptRounds;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.training.SessionPrompts;
import org.junit.jupiter.api.Test;

/**
 * The reflection prompt after each training session (opened once, at the session's end, moved with
 * it, never for a cancelled one), the trainees' portfolios, and the trainers' dashboard with
 * figures worked out by hand, empty cases included.
 */
class TrainingDashboardTest extends TrainingCourseTest {

  /** The session prompts as the background work opens them, on {@code clock}. */
  private static SessionPrompts opener(Clock clock) {
    return SessionPromptRounds.on(hub.database().dataSource(), clock);
  }

  private static int prompts(String session) {
    return Transaction.run(
        hub.database().dataSource(),
        "count",
        c ->
            Sql.count(
                c,
                "SELECT COUNT(*) FROM training_session_prompt p"
                    + " JOIN prompt_opening o ON o.thread_id = p.thread_id WHERE p.session_id = ?",
                session));
  }

  private static String action(String title, String extra) throws Exception {
    return action(title, 8, extra);
  }

  private static String action(String title, int jointHours, String extra) throws Exception {
    Answer created =
        call(
            filipe,
            "POST",
            "/api/v1/training-actions",
            "{'title':'"
                + title
                + "','modality':'workshop','jointHours':"
                + jointHours
                + extra
                + "}");
    assertEquals(201, created.status(), String.valueOf(created.json()));
    return created.object().get("id").getAsString();
  }

  @Test
  void eachSessionOpensOnePromptAtItsEndMovedWithItAndNoneWhenCancelled() throws Exception {
    assertEquals(200, call(filipe, "PUT", "/api/v1/me/language", "{'language':'pt'}").status());
    String id = action("Oficina de questionamento", ",'traineeIds':['d08','d09']");
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    String first = session(id, now.plus(Duration.ofDays(1)), 60);
    String moved = session(id, now.plus(Duration.ofDays(2)), 60);
    String cancelled = session(id, now.plus(Duration.ofDays(3)), 60);
    assertEquals(
        200,
        call(
                filipe,
                "PUT",
                "/api/v1/training-sessions/" + moved,
                "{'startsAt':'" + now.plus(Duration.ofDays(4)) + "','minutes':60}")
            .status());
    assertEquals(
        200,
        call(filipe, "POST", "/api/v1/training-sessions/" + cancelled + "/cancel", null).status());

    ManualClock clock = new ManualClock(now);
    SessionPrompts background = opener(clock);
    background.openDue();
    assertEquals(0, prompts(first), "not before the session ends");
    clock.advance(Duration.ofDays(1).plusMinutes(59));
    background.openDue();
    assertEquals(0, prompts(first), "a minute before its end");
    clock.advance(Duration.ofMinutes(1));
    background.openDue();
    assertEquals(1, prompts(first), "at its end");
    // Another round, a restarted connector and two instances at once open nothing more.
    background.openDue();
    opener(clock).openDue();
    List<Thread> instances = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      instances.add(new Thread(() -> opener(clock).openDue()));
    }
    instances.forEach(Thread::start);
    for (Thread t : instances) {
      t.join();
    }
    assertEquals(1, prompts(first));

    // The moved session: nothing at its old end, one at its new end; the cancelled one never.
    clock.advance(Duration.ofDays(1));
    background.openDue();
    assertEquals(0, prompts(moved));
    clock.advance(Duration.ofDays(1));
    background.openDue();
    assertEquals(0, prompts(cancelled));
    clock.advance(Duration.ofDays(1));
    background.openDue();
    assertEquals(1, prompts(moved));
    assertEquals(0, prompts(cancelled));

    // The prompt, in the trainer's language, in the action's community; a trainee answers it.
    JsonObject portfolio =
        call(trainees.get("d08"), "GET", "/api/v1/training-actions/" + id + "/portfolios/d08", null)
            .object();
    JsonArray sessions = portfolio.getAsJsonArray("sessions");
    assertEquals(2, sessions.size(), "the cancelled session is not in the portfolio");
    String thread = sessions.get(0).getAsJsonObject().get("threadId").getAsString();
    JsonObject page = call(trainees.get("d08"), "GET", "/api/v1/threads/" + thread, null).object();
    assertEquals(
        "Depois da sessão 1 de “Oficina de questionamento”",
        page.getAsJsonObject("thread").get("title").getAsString());
    assertTrue(page.get("prompt").getAsBoolean());
    String question = page.getAsJsonArray("posts").get(0).getAsJsonObject().get("body").toString();
    assertTrue(
        question.contains("O que da sessão de hoje vai experimentar na sua turma"), question);
    assertEquals(
        201,
        call(
                trainees.get("d08"),
                "POST",
                "/api/v1/reflections",
                "{'threadId':'" + thread + "','body':'<p>Perguntas abertas com o 7.º B</p>'}")
            .status());
    portfolio =
        call(trainees.get("d08"), "GET", "/api/v1/training-actions/" + id + "/portfolios/d08", null)
            .object();
    JsonObject answer =
        portfolio
            .getAsJsonArray("sessions")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("answers")
            .get(0)
            .getAsJsonObject();
    assertEquals("<p>Perguntas abertas com o 7.º B</p>", answer.get("body").getAsString());
    assertFalse(answer.get("shared").getAsBoolean());
  }

  @Test
  void theDashboardAndPortfoliosAddUpAsWorkedOutByHand() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    // 8 joint hours (480 min), two thirds at least: 320 min.
    String id =
        action(
            "Oficina de avaliação",
            ",'endsOn':'" + today.plusDays(3) + "','traineeIds':['d08','d09','d10','d11']");
    String base = "/api/v1/training-actions/" + id;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    String s1 = session(id, now.minus(Duration.ofDays(3)), 120);
    String s2 = session(id, now.minus(Duration.ofDays(1)), 120);
    String s3 = session(id, now.plus(Duration.ofDays(2)), 60);
    String s4 = session(id, now.plus(Duration.ofDays(5)), 30);
    String s5 = session(id, now.plus(Duration.ofDays(9)), 30);
    session(id, now.plus(Duration.ofDays(12)), 60);
    String s7 = session(id, now.plus(Duration.ofDays(1)), 60);
    call(filipe, "POST", "/api/v1/training-sessions/" + s7 + "/cancel", null);

    // Before anything is marked or written: the empty parts.
    JsonObject empty = call(filipe, "GET", base + "/dashboard", null).object();
    assertEquals(4, empty.get("trainees").getAsInt());
    assertEquals(List.of(s3, s4, s5), sessionIds(empty.getAsJsonArray("upcoming")));
    JsonArray emptyReflections = empty.getAsJsonArray("reflections");
    assertEquals(2, emptyReflections.size(), "the two sessions that have ended");
    for (JsonElement r : emptyReflections) {
      assertEquals(0, r.getAsJsonObject().get("reflected").getAsInt());
      assertEquals(4, r.getAsJsonObject().get("missing").getAsInt());
    }

    // S1: d08, d09 present, d10 absent, d11 an hour late; S2: d08 present, d09, d10 absent.
    mark(s1, "d08", "{'status':'present'}");
    mark(s1, "d09", "{'status':'present'}");
    mark(s1, "d10", "{'status':'absent'}");
    mark(s1, "d11", "{'status':'late','lateMinutes':60}");
    mark(s2, "d08", "{'status':'present'}");
    mark(s2, "d09", "{'status':'absent'}");
    mark(s2, "d10", "{'status':'absent'}");

    // The prompts of S1 and S2 open; S1: d08 a journal entry, d09 shared, d10 a reply in the
    // thread; S2: d08 shared; Filipe's own reply is not a trainee's reflection.
    opener(Clock.systemUTC()).openDue();
    JsonObject board = call(filipe, "GET", base + "/dashboard", null).object();
    String t1 = threadOf(board, s1);
    String t2 = threadOf(board, s2);
    reflect("d08", t1, "<p>Diário: rubricas no 8.º A</p>", false);
    reflect("d09", t1, "<p>Partilho: autoavaliação no 9.º C</p>", true);
    assertEquals(
        201,
        call(
                trainees.get("d10"),
                "POST",
                "/api/v1/threads/" + t1 + "/posts",
                "{'body':'<p>Vou usar semáforos</p>'}")
            .status());
    reflect("d08", t2, "<p>Feedback oral com o 8.º A</p>", true);
    call(filipe, "POST", "/api/v1/threads/" + t2 + "/posts", "{'body':'<p>Obrigado!</p>'}");

    // Final reflections from d08 and d09; d08 graded (9.0), d09 ready to grade.
    call(trainees.get("d08"), "PUT", base + "/final-reflection", "{'body':'<p>Final A</p>'}");
    call(trainees.get("d09"), "PUT", base + "/final-reflection", "{'body':'<p>Final B</p>'}");
    Answer graded =
        call(
            filipe,
            "PUT",
            base + "/grades/d08",
            "{'marks':{'participation':9,'work':8.8,'final_reflection':9.1}}");
    assertEquals(200, graded.status(), String.valueOf(graded.json()));

    board = call(filipe, "GET", base + "/dashboard", null).object();
    assertEquals(List.of(s3, s4, s5), sessionIds(board.getAsJsonArray("upcoming")), "next three");
    // Open minutes for all: S3–S6 180 + 60 no session holds yet; the longest open session 60.
    // d08 240 → 480 reachable, 420 without S3: on track (not listed).
    // d09 120 (25.0 %) → 360 reachable, 300 < 320 without S3: at risk.
    // d10 0 → 240 < 320: lost. d11 60 (12.5 %; S2 unmarked counts 0) → 300 < 320: lost.
    Map<String, JsonObject> atRisk = new java.util.TreeMap<>();
    board
        .getAsJsonArray("atRisk")
        .forEach(
            r -> atRisk.put(r.getAsJsonObject().get("userId").getAsString(), r.getAsJsonObject()));
    assertEquals(List.of("d09", "d10", "d11"), List.copyOf(atRisk.keySet()));
    assertFigures(atRisk.get("d09"), 120, "25.0", "at_risk");
    assertFigures(atRisk.get("d10"), 0, "0.0", "lost");
    assertFigures(atRisk.get("d11"), 60, "12.5", "lost");
    JsonArray reflections = board.getAsJsonArray("reflections");
    assertEquals(2, reflections.size());
    assertReflections(reflections.get(0).getAsJsonObject(), s1, 1, 3, 1);
    assertReflections(reflections.get(1).getAsJsonObject(), s2, 2, 1, 3);
    JsonObject finals = board.getAsJsonObject("finalReflections");
    assertEquals(2, finals.get("submitted").getAsInt());
    assertEquals(2, finals.get("missing").getAsInt());
    assertEquals(today.plusDays(3).toString(), finals.get("dueOn").getAsString());
    assertEquals(3, finals.get("daysLeft").getAsInt());
    assertEquals("soon", finals.get("due").getAsString());
    JsonObject evaluation = board.getAsJsonObject("evaluation");
    assertEquals(1, evaluation.get("graded").getAsInt());
    assertEquals(3, evaluation.get("toGrade").getAsInt());
    assertEquals(1, evaluation.get("readyToGrade").getAsInt());

    // d08's portfolio as she sees it: her journal entry's text, S2 shared, final text and grade.
    JsonObject own = call(trainees.get("d08"), "GET", base + "/portfolios/d08", null).object();
    assertTrue(own.get("own").getAsBoolean());
    JsonArray parts = own.getAsJsonArray("sessions");
    assertEquals(6, parts.size(), "the six scheduled sessions, the cancelled one apart");
    assertTrue(parts.get(0).getAsJsonObject().get("ended").getAsBoolean());
    assertFalse(parts.get(2).getAsJsonObject().get("ended").getAsBoolean());
    assertTrue(parts.get(2).getAsJsonObject().get("threadId") == null, "not asked yet");
    assertEquals(0, parts.get(2).getAsJsonObject().getAsJsonArray("answers").size());
    JsonObject entry = firstAnswer(parts.get(0));
    assertEquals("<p>Diário: rubricas no 8.º A</p>", entry.get("body").getAsString());
    assertFalse(entry.get("shared").getAsBoolean());
    assertTrue(firstAnswer(parts.get(1)).get("body").getAsString().contains("Feedback oral"));
    assertEquals(
        "<p>Final A</p>", own.getAsJsonObject("finalReflection").get("body").getAsString());
    assertEquals(
        "9.0", own.getAsJsonObject("grade").get("grade").getAsBigDecimal().toPlainString());
    assertEquals("excellent", own.getAsJsonObject("grade").get("mention").getAsString());

    // The trainer sees that the journal entry exists, not its text; the shared one in full.
    JsonObject seen = call(filipe, "GET", base + "/portfolios/d08", null).object();
    assertFalse(seen.get("own").getAsBoolean());
    JsonObject hidden = firstAnswer(seen.getAsJsonArray("sessions").get(0));
    assertTrue(hidden.get("body") == null, hidden.toString());
    assertTrue(
        firstAnswer(seen.getAsJsonArray("sessions").get(1))
            .get("body")
            .getAsString()
            .contains("Feedback oral"));
    // d10's reply in the thread counts as her reflection; d11 has none, nor final nor grade.
    JsonObject d10 = call(filipe, "GET", base + "/portfolios/d10", null).object();
    assertTrue(
        firstAnswer(d10.getAsJsonArray("sessions").get(0))
            .get("body")
            .getAsString()
            .contains("semáforos"));
    JsonObject d11 = call(filipe, "GET", base + "/portfolios/d11", null).object();
    for (JsonElement part : d11.getAsJsonArray("sessions")) {
      assertEquals(0, part.getAsJsonObject().getAsJsonArray("answers").size());
    }
    assertFalse(d11.getAsJsonObject("finalReflection").get("submitted").getAsBoolean());
    assertTrue(d11.get("grade") == null);

    // Who may see what: a trainee only her own portfolio, no dashboard; a course member who is not
    // in the action neither; someone of another course does not learn the action exists.
    assertRefused(
        403, "trainers_only", call(trainees.get("d09"), "GET", base + "/portfolios/d08", null));
    assertRefused(
        403, "trainers_only", call(trainees.get("d09"), "GET", base + "/dashboard", null));
    assertRefused(404, "trainee_not_found", call(filipe, "GET", base + "/portfolios/d20", null));
    assertRefused(404, "trainee_not_found", call(filipe, "GET", base + "/portfolios/d07", null));
    assertRefused(
        403,
        "training_participants_only",
        call(trainees.get("d20"), "GET", base + "/dashboard", null));
    String outsider = hub.enter("d13", "demo-lin-serra");
    assertRefused(404, "training_not_found", call(outsider, "GET", base + "/dashboard", null));
    assertRefused(404, "training_not_found", call(outsider, "GET", base + "/portfolios/d08", null));
  }

  @Test
  void anActionWithNothingYetHasAnEmptyDashboardAndTheCourseSummaryListsOpenActionsOnly()
      throws Exception {
    String quiet = action("Círculo sem sessões", ",'traineeIds':['d08','d09','d10']");
    JsonObject board =
        call(filipe, "GET", "/api/v1/training-actions/" + quiet + "/dashboard", null).object();
    assertEquals(0, board.getAsJsonArray("upcoming").size());
    assertEquals(0, board.getAsJsonArray("atRisk").size(), "no session missed yet");
    assertEquals(0, board.getAsJsonArray("reflections").size());
    JsonObject finals = board.getAsJsonObject("finalReflections");
    assertEquals(0, finals.get("submitted").getAsInt());
    assertEquals(3, finals.get("missing").getAsInt());
    assertEquals("none", finals.get("due").getAsString(), "no last day");
    assertTrue(finals.get("dueOn") == null);
    assertEquals(0, board.getAsJsonObject("evaluation").get("graded").getAsInt());
    assertEquals(3, board.getAsJsonObject("evaluation").get("toGrade").getAsInt());
    JsonObject portfolio =
        call(
                trainees.get("d08"),
                "GET",
                "/api/v1/training-actions/" + quiet + "/portfolios/d08",
                null)
            .object();
    assertEquals(0, portfolio.getAsJsonArray("sessions").size());

    String closed = action("Ação encerrada", ",'traineeIds':['d08']");
    call(filipe, "POST", "/api/v1/training-actions/" + closed + "/close", null);
    Answer summary =
        call(filipe, "GET", "/api/v1/training-actions/dashboard?course=" + COURSE, null);
    assertEquals(200, summary.status(), String.valueOf(summary.json()));
    List<String> listed = new ArrayList<>();
    summary
        .json()
        .getAsJsonArray()
        .forEach(d -> listed.add(d.getAsJsonObject().get("actionId").getAsString()));
    assertTrue(listed.contains(quiet), listed.toString());
    assertFalse(listed.contains(closed), "closed actions need nothing more");
    // A trainee trains nothing: an empty summary; the course is required.
    assertEquals(
        0,
        call(
                trainees.get("d08"),
                "GET",
                "/api/v1/training-actions/dashboard?course=" + COURSE,
                null)
            .json()
            .getAsJsonArray()
            .size());
    assertRefused(
        422, "course_required", call(filipe, "GET", "/api/v1/training-actions/dashboard", null));
  }

  @Test
  void thirtyTraineesAndTenSessionsAreOneRequest() throws Exception {
    // Five more students make the course's 30 trainees.
    Map<String, String> more =
        CourseTrainees.enrol(
            hub.database().dataSource(), COURSE, "Ciências Experimentais — ES do Rio", 25);
    List<String> ids = new ArrayList<>(trainees.keySet());
    more.keySet().stream().filter(k -> !ids.contains(k)).forEach(ids::add);
    assertEquals(30, ids.size());
    String id =
        action(
            "Curso de 25 horas",
            25,
            ",'endsOn':'"
                + LocalDate.now(ZoneOffset.UTC).plusDays(10)
                + "','traineeIds':["
                + String.join(",", ids.stream().map(i -> "'" + i + "'").toList())
                + "]");
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    List<String> sessions = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      sessions.add(session(id, now.plus(Duration.ofDays(i - 8)), 150));
    }
    for (String s : sessions.subList(0, 7)) {
      allPresent(s);
    }
    opener(Clock.systemUTC()).openDue();
    String dashboard = "/api/v1/training-actions/" + id + "/dashboard";
    for (int i = 0; i < 5; i++) {
      call(filipe, "GET", dashboard, null);
    }
    long[] times = new long[20];
    JsonObject board = null;
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      board = call(filipe, "GET", dashboard, null).object();
      times[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(times);
    // The 100 ms budget is measured by TrainingAttendanceBenchmark; on a busy build machine this
    // only guards against work growing with the trainees (a query per trainee and session).
    long p95 = times[18];
    assertTrue(p95 < 400, "p95 " + p95 + " ms, all " + Arrays.toString(times));
    assertNotNull(board);
    assertEquals(30, board.get("trainees").getAsInt());
    assertEquals(3, board.getAsJsonArray("upcoming").size());
    assertEquals(7, board.getAsJsonArray("reflections").size());
    assertEquals(0, board.getAsJsonArray("atRisk").size(), "everyone present so far");
    assertEquals(30, board.getAsJsonObject("evaluation").get("toGrade").getAsInt());
  }

  private static void reflect(String who, String thread, String body, boolean shared)
      throws Exception {
    Answer written =
        call(
            trainees.get(who),
            "POST",
            "/api/v1/reflections",
            "{'threadId':'" + thread + "','body':'" + body + "','shared':" + shared + "}");
    assertEquals(201, written.status(), String.valueOf(written.json()));
  }

  private static String threadOf(JsonObject board, String session) {
    for (JsonElement r : board.getAsJsonArray("reflections")) {
      JsonObject o = r.getAsJsonObject();
      if (o.getAsJsonObject("session").get("id").getAsString().equals(session)) {
        assertNotNull(o.get("threadId"), "the prompt of " + session + " has opened");
        return o.get("threadId").getAsString();
      }
    }
    throw new AssertionError(session + " not in " + board);
  }

  private static void assertReflections(
      JsonObject row, String session, int number, int reflected, int missing) {
    assertEquals(session, row.getAsJsonObject("session").get("id").getAsString());
    assertEquals(number, row.get("number").getAsInt(), row.toString());
    assertEquals(reflected, row.get("reflected").getAsInt(), row.toString());
    assertEquals(missing, row.get("missing").getAsInt(), row.toString());
  }

  private static JsonObject firstAnswer(JsonElement part) {
    return part.getAsJsonObject().getAsJsonArray("answers").get(0).getAsJsonObject();
  }

  private static List<String> sessionIds(JsonArray sessions) {
    List<String> ids = new ArrayList<>();
    sessions.forEach(s -> ids.add(s.getAsJsonObject().get("id").getAsString()));
    return ids;
  }
}
