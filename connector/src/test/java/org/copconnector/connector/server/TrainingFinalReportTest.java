package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.Test;

/**
 * The trainer's final report over HTTP: the trainees' anonymous satisfaction questionnaire (only
 * they answer, once; its figures in the evaluation record's PDF and CSV once it closes), and an
 * administrator's logged corrections of a closed action's attendance and grades.
 */
class TrainingFinalReportTest extends TrainingCourseTest {

  private static final List<String> ANSWERED = List.of("d08", "d09", "d10", "d11");

  @Test
  void onlyTraineesAnswerOnceAnonymouslyAndTheClosedReportGoesIntoTheRecords() throws Exception {
    assertEquals(200, call(filipe, "PUT", "/api/v1/me/language", "{'language':'pt'}").status());
    String id = action("Oficina: feedback formativo", "'d08','d09','d10','d11','d20'");
    String base = "/api/v1/training-actions/" + id;
    String questionnaire = base + "/satisfaction";
    JsonObject before = call(trainees.get("d08"), "GET", questionnaire, null).object();
    assertFalse(before.get("opened").getAsBoolean());
    assertRefused(403, "trainers_only", call(trainees.get("d08"), "POST", questionnaire, "{}"));

    Answer opened = call(filipe, "POST", questionnaire, "{}");
    assertEquals(201, opened.status(), String.valueOf(opened.json()));
    assertTrue(opened.object().get("open").getAsBoolean());
    assertEquals(0, opened.object().get("respondents").getAsInt());
    assertEquals(6, opened.object().getAsJsonArray("statements").size());
    assertRefused(409, "satisfaction_already_opened", call(filipe, "POST", questionnaire, "{}"));
    // Not one of the community's surveys: neither listed there nor started from there.
    String community = call(filipe, "GET", base, null).object().get("communityId").getAsString();
    JsonArray surveys =
        call(trainees.get("d08"), "GET", "/api/v1/surveys?community=" + community, null)
            .json()
            .getAsJsonArray();
    assertEquals(0, surveys.size(), surveys.toString());
    assertRefused(
        422,
        "survey_template_required",
        call(
            filipe,
            "POST",
            "/api/v1/surveys",
            "{'communityId':'" + community + "','template':'satisfaction'}"));

    String answers = questionnaire + "/answers";
    assertRefused(
        403, "trainees_only_answer", call(filipe, "POST", answers, "{'agreements':[5,5,5,5,5,5]}"));
    Answer first =
        call(
            trainees.get("d08"),
            "POST",
            answers,
            "{'agreements':[5,4,5,3,4,5],'comment':'Muito útil; mais tempo para a prática.'}");
    assertEquals(200, first.status(), String.valueOf(first.json()));
    assertTrue(first.object().get("answeredByMe").getAsBoolean());
    assertTrue(first.object().get("report") == null, "trainees read no report");
    assertRefused(
        409,
        "already_answered",
        call(trainees.get("d08"), "POST", answers, "{'agreements':[1,1,1,1,1,1]}"));
    assertRefused(
        422, "answer_count", call(trainees.get("d09"), "POST", answers, "{'agreements':[4]}"));
    answer("d09", answers, "{'agreements':[4,4,5,2,4,5]}");
    answer("d10", answers, "{'agreements':[5,5,4,3,null,5],'comment':'Sala demasiado pequena'}");
    answer("d11", answers, "{'agreements':[4,3,5,4,4,4]}");

    // While open, the trainer sees how many answered, not what.
    JsonObject open = call(filipe, "GET", questionnaire, null).object();
    assertEquals(4, open.get("respondents").getAsInt());
    assertEquals(5, open.get("trainees").getAsInt());
    assertEquals("80.0", open.get("responseRate").getAsBigDecimal().toPlainString());
    assertTrue(open.get("report") == null && open.get("comments") == null, open.toString());
    assertTrue(csv(base).contains("O questionário ainda está aberto"), csv(base));

    JsonObject closed = call(filipe, "POST", questionnaire + "/close", null).object();
    assertFalse(closed.get("open").getAsBoolean());
    assertRefused(
        409,
        "round_not_open",
        call(trainees.get("d20"), "POST", answers, "{'agreements':[1,1,1,1,1,1]}"));
    JsonObject report = closed.getAsJsonObject("report");
    assertTrue(report.get("shown").getAsBoolean(), report.toString());
    assertEquals(4, report.get("respondents").getAsInt());
    assertCounts(report, 0, "[0,0,0,2,2]", "100.0");
    assertCounts(report, 1, "[0,0,1,2,1]", "75.0");
    assertCounts(report, 3, "[0,1,2,1,0]", "25.0");
    assertCounts(report, 4, "[0,0,0,3,0]", "100.0");
    assertEquals(3, item(report, 4).get("answered").getAsInt());
    assertEquals(2, closed.getAsJsonArray("comments").size());
    // No one can tell who answered what: no person is named in what the trainer or an administrator
    // reads.
    String admin = hub.enter("d01", COURSE);
    for (String reader : List.of(filipe, admin)) {
      String seen = call(reader, "GET", questionnaire, null).json().toString();
      for (String who : ANSWERED) {
        assertFalse(seen.contains("\"" + who + "\""), who + " in " + seen);
      }
    }

    String pdf = pdfText(filipe, base + "/records/evaluation.pdf");
    assertTrue(pdf.contains("Questionário de satisfação dos formandos"), pdf);
    assertTrue(pdf.contains("Responderam 4 de 5 formandos (80,0 %)."), pdf);
    assertTrue(pdf.contains("1. Os objetivos da ação foram atingidos."), pdf);
    assertTrue(
        pdf.contains("1 0 (0,0 %) 0 (0,0 %) 0 (0,0 %) 2 (50,0 %) 2 (50,0 %) 100,0 % 4"), pdf);
    assertTrue(
        pdf.contains("4 0 (0,0 %) 1 (25,0 %) 2 (50,0 %) 1 (25,0 %) 0 (0,0 %) 25,0 % 4"), pdf);
    assertTrue(
        pdf.contains("5 0 (0,0 %) 0 (0,0 %) 0 (0,0 %) 3 (100,0 %) 0 (0,0 %) 100,0 % 3"), pdf);
    assertTrue(pdf.contains("Muito útil; mais tempo para a prática."), pdf);
    assertTrue(pdf.contains("Sala demasiado pequena"), pdf);
    String csv = csv(base);
    assertTrue(csv.contains("\r\nQuestionário de satisfação dos formandos\r\n"), csv);
    assertTrue(csv.contains("\r\nRespostas,4\r\nFormandos,5\r\nTaxa de resposta %,80.0\r\n"), csv);
    assertTrue(
        csv.contains(
            "\r\n1. Os objetivos da ação foram atingidos.,0,0.0,0,0.0,0,0.0,2,50.0,2,50.0,100.0,4\r\n"),
        csv);
    assertTrue(
        csv.contains(
            "\r\n4. Os materiais e recursos utilizados foram adequados.,0,0.0,1,25.0,2,50.0,1,25.0,0,0.0,25.0,4\r\n"),
        csv);
    assertTrue(csv.contains("\r\nMuito útil; mais tempo para a prática.\r\n"), csv);

    // Too few answers: the count, no figures.
    String small = action("Ação curta", "'d08','d09','d10'");
    String smallBase = "/api/v1/training-actions/" + small;
    assertEquals(201, call(filipe, "POST", smallBase + "/satisfaction", "{}").status());
    answer("d08", smallBase + "/satisfaction/answers", "{'agreements':[5,5,5,5,5,5]}");
    answer("d09", smallBase + "/satisfaction/answers", "{'agreements':[1,1,1,1,1,1]}");
    assertEquals(200, call(filipe, "POST", smallBase + "/close", null).status());
    JsonObject few = call(filipe, "GET", smallBase + "/satisfaction", null).object();
    assertFalse(few.get("open").getAsBoolean());
    assertFalse(few.getAsJsonObject("report").get("shown").getAsBoolean());
    assertTrue(few.get("comments") == null);
    String fewPdf = pdfText(filipe, smallBase + "/records/evaluation.pdf");
    assertTrue(fewPdf.contains("Responderam 2 de 3 formandos (66,7 %)."), fewPdf);
    assertTrue(fewPdf.contains("Responderam menos de 3 formandos"), fewPdf);
    assertFalse(fewPdf.contains("(100,0 %)"), fewPdf);
  }

  @Test
  void anAdministratorCorrectsAClosedActionsAttendanceAndGradesSayingWhyAndTheLogShowsIt()
      throws Exception {
    String id = action("Círculo de estudos fechado", "'d08','d09'");
    String base = "/api/v1/training-actions/" + id;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    String held = session(id, now.minus(Duration.ofDays(1)), 120);
    assertEquals(200, mark(held, "d08", "{'status':'present'}").status());
    assertEquals(200, call(filipe, "POST", base + "/close", null).status());

    String admin = hub.enter("d01", COURSE);
    assertRefused(409, "training_closed", mark(held, "d08", "{'status':'absent'}"));
    assertRefused(
        409,
        "training_closed",
        mark(held, "d08", "{'status':'absent','reason':'O formador enganou-se'}"));
    assertRefused(422, "correction_reason_required", mark(admin, held, "d08", "{'status':'late'}"));
    Answer late =
        mark(
            admin,
            held,
            "d08",
            "{'status':'late','lateMinutes':20,'reason':'Chegou às 17h20, confirmado pela folha'}");
    assertEquals(200, late.status(), String.valueOf(late.json()));
    assertEquals("late", late.object().get("status").getAsString());
    assertEquals(
        200,
        mark(admin, held, "d09", "{'status':'present','reason':'Folha de presenças em papel'}")
            .status());
    JsonObject summary = call(admin, "GET", base + "/attendance", null).object();
    assertEquals(100, row(summary, "d08").get("attendedMinutes").getAsInt());
    assertEquals(120, row(summary, "d09").get("attendedMinutes").getAsInt());
    assertEquals(
        200,
        call(
                admin,
                "PUT",
                base + "/grades/d09",
                "{'marks':{'participation':7,'work':8,'final_reflection':6},"
                    + "'reason':'Pauta em papel'}")
            .status());

    JsonArray log =
        call(filipe, "GET", base + "/evaluation", null).object().getAsJsonArray("corrections");
    assertEquals(3, log.size(), log.toString());
    JsonObject first = log.get(0).getAsJsonObject();
    assertEquals("attendance", first.get("kind").getAsString());
    assertEquals("d08", first.get("userId").getAsString());
    assertEquals(held, first.get("sessionId").getAsString());
    assertEquals(
        now.minus(Duration.ofDays(1)).toString(), first.get("sessionStartsAt").getAsString());
    assertEquals("{\"status\":\"present\"}", first.get("before").toString());
    assertEquals("{\"status\":\"late\",\"lateMinutes\":\"20\"}", first.get("after").toString());
    assertEquals("Chegou às 17h20, confirmado pela folha", first.get("reason").getAsString());
    assertEquals("d01", first.get("madeBy").getAsString());
    assertFalse(first.get("madeByName").getAsString().isBlank());
    assertFalse(first.get("name").getAsString().isBlank());
    JsonObject second = log.get(1).getAsJsonObject();
    assertTrue(second.get("before") == null, "not marked before");
    JsonObject third = log.get(2).getAsJsonObject();
    assertEquals("grade", third.get("kind").getAsString());
    // 0.3×7 + 0.4×8 + 0.3×6 = 7.1
    assertEquals("{\"grade\":\"7.1\",\"mention\":\"good\"}", third.get("after").toString());
    assertEquals("Pauta em papel", third.get("reason").getAsString());
    // A trainee reads no log.
    JsonObject mine = call(trainees.get("d08"), "GET", base + "/evaluation", null).object();
    assertEquals(0, mine.getAsJsonArray("corrections").size());
  }

  private static String action(String title, String traineeIds) throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Answer created =
        call(
            filipe,
            "POST",
            "/api/v1/training-actions",
            "{'title':'"
                + title
                + "','modality':'workshop','jointHours':3,'startsOn':'"
                + today.minusDays(3)
                + "','endsOn':'"
                + today
                + "','traineeIds':["
                + traineeIds
                + "]}");
    assertEquals(201, created.status(), String.valueOf(created.json()));
    return created.object().get("id").getAsString();
  }

  private static void answer(String who, String path, String body) throws Exception {
    Answer answer = call(trainees.get(who), "POST", path, body);
    assertEquals(200, answer.status(), String.valueOf(answer.json()));
  }

  private static JsonObject item(JsonObject report, int index) {
    return report.getAsJsonArray("items").get(index).getAsJsonObject();
  }

  private static void assertCounts(JsonObject report, int index, String counts, String positive) {
    JsonObject item = item(report, index);
    assertEquals(counts, item.get("counts").toString(), item.toString());
    JsonElement share = item.get("positivePercent");
    assertEquals(positive, share.getAsBigDecimal().toPlainString(), item.toString());
  }

  private static String csv(String base) throws Exception {
    DemoHub.Download csv = hub.download(filipe, base + "/records/evaluation.csv");
    assertEquals(200, csv.status());
    return new String(csv.bytes(), StandardCharsets.UTF_8);
  }

  private static String pdfText(String session, String path) throws Exception {
    DemoHub.Download pdf = hub.download(session, path);
    assertEquals(200, pdf.status(), path);
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
  }
}
