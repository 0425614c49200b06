package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.Test;

/**
 * The evaluation of a training action over HTTP: final reflections, grades computed by the action's
 * policy (checked against hand-worked values at the mention boundaries), the records as CSV and
 * PDF, and corrections of a closed action by an administrator only.
 */
class TrainingEvaluationTest extends TrainingCourseTest {

  @Test
  void reflectionsGradesAndRecordsFollowThePolicyExactlyAndOnlyAnAdministratorCorrectsAfterClosing()
      throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertEquals(200, call(filipe, "PUT", "/api/v1/me/language", "{'language':'pt'}").status());
    Answer created =
        call(
            filipe,
            "POST",
            "/api/v1/training-actions",
            "{'title':'Círculo de estudos: avaliar para aprender','modality':'study_circle',"
                + "'code':'CCPFC/ACC-98765/26','jointHours':3,'autonomousHours':1.5,"
                + "'startsOn':'"
                + today.minusDays(3)
                + "','endsOn':'"
                + today
                + "','traineeIds':['d08','d09','d10','d11']}");
    assertEquals(201, created.status(), String.valueOf(created.json()));
    String id = created.object().get("id").getAsString();
    String base = "/api/v1/training-actions/" + id;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    String first = session(id, now.minus(Duration.ofDays(2)), 120);
    String second = session(id, now.minus(Duration.ofDays(1)), 60);
    // d08 all 180 min; d09 the first session, 120 (two thirds, met); d10 late 30 then absent, 90.
    mark(first, "d08", "{'status':'present'}");
    mark(second, "d08", "{'status':'present'}");
    mark(first, "d09", "{'status':'present'}");
    mark(second, "d09", "{'status':'absent'}");
    mark(first, "d10", "{'status':'late','lateMinutes':30}");
    mark(second, "d10", "{'status':'absent'}");

    // Final reflections: sanitised, replaceable, only by trainees.
    String reflection = base + "/final-reflection";
    Answer handedIn =
        call(
            trainees.get("d08"),
            "PUT",
            reflection,
            "{'body':'<p>Aprendi <b>muito</b>.</p><script>alert(1)</script>'}");
    assertEquals(200, handedIn.status(), String.valueOf(handedIn.json()));
    assertEquals("<p>Aprendi <b>muito</b>.</p>", handedIn.object().get("body").getAsString());
    assertTrue(handedIn.object().get("submitted").getAsBoolean());
    assertTrue(handedIn.object().get("editable").getAsBoolean());
    call(trainees.get("d09"), "PUT", reflection, "{'body':'<p>Primeira versão</p>'}");
    Answer replaced =
        call(trainees.get("d09"), "PUT", reflection, "{'body':'<p>Versão final</p>'}");
    assertEquals("<p>Versão final</p>", replaced.object().get("body").getAsString());
    assertRefused(
        422, "body_empty", call(trainees.get("d10"), "PUT", reflection, "{'body':'<p> </p>'}"));
    assertRefused(
        403, "trainees_only_reflect", call(filipe, "PUT", reflection, "{'body':'<p>x</p>'}"));
    JsonObject own = call(trainees.get("d10"), "GET", reflection, null).object();
    assertFalse(own.get("submitted").getAsBoolean());
    JsonObject all = call(filipe, "GET", base + "/final-reflections", null).object();
    assertEquals(2, all.get("submitted").getAsInt());
    assertEquals(2, all.get("missing").getAsInt());
    assertEquals("<p>Versão final</p>", row(all, "d09").get("body").getAsString(), all.toString());
    assertRefused(
        403, "trainers_only", call(trainees.get("d08"), "GET", base + "/final-reflections", null));

    // Grades, weighted 30/40/30 and rounded half up to one decimal from the exact mean:
    // d08 0.3×9 + 0.4×8.8 + 0.3×9.1 = 8.95 → 9.0 Excelente (at the boundary);
    // d09 0.3×6.4 + 0.4×6.5 + 0.3×6.4 = 6.44 → 6.4 Regular; d10 2.55 + 3.6 + 2.4 = 8.55 → 8.6.
    assertGrade(
        grade(id, "d08", "{'participation':9,'work':8.8,'final_reflection':9.1}", "Muito bem"),
        "9.0",
        "excellent");
    assertGrade(
        grade(id, "d09", "{'participation':6.4,'work':6.5,'final_reflection':6.4}", ""),
        "6.4",
        "fair");
    assertGrade(
        grade(id, "d10", "{'participation':8.5,'work':9,'final_reflection':8}", null),
        "8.6",
        "very_good");
    assertRefused(
        422,
        "mark_required",
        call(filipe, "PUT", base + "/grades/d11", "{'marks':{'participation':5,'work':5}}"));
    assertRefused(
        422,
        "mark_range",
        call(
            filipe,
            "PUT",
            base + "/grades/d11",
            "{'marks':{'participation':11,'work':5,'final_reflection':5}}"));
    assertRefused(
        404,
        "trainee_not_found",
        call(
            filipe,
            "PUT",
            base + "/grades/d12",
            "{'marks':{'participation':5,'work':5,'final_reflection':5}}"));
    assertRefused(
        403,
        "trainers_only",
        call(
            trainees.get("d09"),
            "PUT",
            base + "/grades/d09",
            "{'marks':{'participation':10,'work':10,'final_reflection':10}}"));
    // Graded: the reflection is now fixed.
    assertRefused(
        409,
        "final_reflection_closed",
        call(trainees.get("d08"), "PUT", reflection, "{'body':'<p>Outra</p>'}"));

    JsonObject sheet = call(filipe, "GET", base + "/evaluation", null).object();
    assertEquals(4, sheet.getAsJsonArray("rows").size());
    JsonObject d08 = row(sheet, "d08");
    assertEquals("3", d08.get("attendedHours").getAsString());
    assertEquals("100.0", d08.get("percent").getAsBigDecimal().toPlainString());
    assertEquals("8.8", d08.getAsJsonObject("marks").get("work").getAsBigDecimal().toPlainString());
    assertEquals("Muito bem", d08.get("comment").getAsString());
    assertTrue(d08.get("finalReflection").getAsBoolean());
    assertEquals("2", row(sheet, "d09").get("attendedHours").getAsString());
    assertEquals("met", row(sheet, "d09").get("state").getAsString());
    assertEquals("1.5", row(sheet, "d10").get("attendedHours").getAsString());
    assertEquals("50.0", row(sheet, "d10").get("percent").getAsBigDecimal().toPlainString());
    assertEquals("lost", row(sheet, "d10").get("state").getAsString());
    assertTrue(row(sheet, "d11").get("grade") == null, "not graded");
    // A trainee sees their own row only.
    JsonObject mine = call(trainees.get("d09"), "GET", base + "/evaluation", null).object();
    assertEquals(1, mine.getAsJsonArray("rows").size());
    assertGrade(row(mine, "d09"), "6.4", "fair");

    // Records, in Portuguese for the trainer.
    DemoHub.Download csv = hub.download(filipe, base + "/records/evaluation.csv");
    assertEquals(200, csv.status());
    assertTrue(csv.headers().get("Content-Type").startsWith("text/csv"));
    String text = new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFFAção de formação,Círculo de estudos"), text);
    assertTrue(text.contains("\r\nFormando,id,Horas frequentadas,Assiduidade %"), text);
    assertTrue(
        text.contains("d08,3,100.0,mínimo atingido,entregue,9,8.8,9.1,9.0,Excelente,Muito bem\r\n"),
        text);
    assertTrue(
        text.contains("d09,2,66.7,mínimo atingido,entregue,6.4,6.5,6.4,6.4,Regular,\r\n"), text);
    assertTrue(text.contains("d11,0,0.0,abaixo do mínimo,em falta,,,,,ainda não avaliado,"), text);
    String attendanceCsv =
        new String(
            hub.download(filipe, base + "/records/attendance.csv").bytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(attendanceCsv.contains(",d10,1.5,50.0,abaixo do mínimo\r\n"), attendanceCsv);
    assertTrue(attendanceCsv.contains("Horas mínimas de frequência,2\r\n"), attendanceCsv);
    // The grid: a column per session, each mark in words.
    assertTrue(attendanceCsv.contains(",d10,atraso (30 min),falta\r\n"), attendanceCsv);
    assertTrue(attendanceCsv.contains(",d09,presente,falta\r\n"), attendanceCsv);
    assertTrue(attendanceCsv.contains(",d11,,\r\n"), attendanceCsv);

    String evaluationPdf = pdfText(filipe, base + "/records/evaluation.pdf");
    assertTrue(evaluationPdf.contains("Pauta de avaliação"), evaluationPdf);
    assertTrue(evaluationPdf.contains("CCPFC/ACC-98765/26"), evaluationPdf);
    assertTrue(evaluationPdf.contains("Círculo de estudos"), evaluationPdf);
    assertTrue(evaluationPdf.contains("Horas: 3 conjuntas, 1,5 autónomas"), evaluationPdf);
    assertTrue(evaluationPdf.contains("9,0 Excelente"), evaluationPdf);
    assertTrue(evaluationPdf.contains("6,4 Regular"), evaluationPdf);
    assertTrue(evaluationPdf.contains("8,6 Muito Bom"), evaluationPdf);
    assertTrue(evaluationPdf.contains("66,7 %"), evaluationPdf);
    String attendancePdf = pdfText(filipe, base + "/records/attendance.pdf");
    assertTrue(attendancePdf.contains("Registo de assiduidade"), attendancePdf);
    // A letter per session (the first session 2 h, the second 1 h), then the totals.
    assertTrue(attendancePdf.contains("A30 F 1,5 50,0 % abaixo do mínimo"), attendancePdf);
    assertTrue(attendancePdf.contains("P F 2 66,7 % mínimo atingido"), attendancePdf);
    assertTrue(attendancePdf.contains("P P 3 100,0 % mínimo atingido"), attendancePdf);
    assertTrue(attendancePdf.contains("– – 0 0,0 % abaixo do mínimo"), attendancePdf);
    assertTrue(attendancePdf.contains("P presente · A atraso (minutos)"), attendancePdf);
    assertTrue(attendancePdf.matches("(?s).*Sessão 1: [^\\n]+, 2 h.*"), attendancePdf);
    assertTrue(attendancePdf.matches("(?s).*Sessão 2: [^\\n]+, 1 h.*"), attendancePdf);
    // A trainee's own certificate, in their language; not another's, nor the records.
    assertEquals(
        200, call(trainees.get("d09"), "PUT", "/api/v1/me/language", "{'language':'en'}").status());
    String certificate = pdfText(trainees.get("d09"), base + "/records/certificate/d09.pdf");
    assertTrue(certificate.contains("Certificate of attendance and evaluation"), certificate);
    assertTrue(
        certificate.contains("Provisional: the action is still open and these figures may change."),
        certificate);
    assertTrue(
        certificate.contains("attended 2 of the 3 joint hours (66.7 %) of this training action"),
        certificate);
    assertTrue(certificate.contains("Final grade: 6.4 (Fair)"), certificate);
    assertTrue(certificate.contains("Modality: study circle"), certificate);
    assertTrue(certificate.contains("Attendance: minimum met"), certificate);
    assertEquals(
        403, hub.download(trainees.get("d09"), base + "/records/certificate/d08.pdf").status());
    assertEquals(403, hub.download(trainees.get("d09"), base + "/records/evaluation.pdf").status());
    assertEquals(403, hub.download(trainees.get("d09"), base + "/records/attendance.csv").status());
    assertTrue(
        pdfText(filipe, base + "/records/certificate/d08.pdf")
            .contains("Classificação final: 9,0 (Excelente)"));

    // Closed: the trainer can no longer change a grade; an administrator corrects, saying why.
    assertEquals(200, call(filipe, "POST", base + "/close", null).status());
    String issued = pdfText(filipe, base + "/records/certificate/d08.pdf");
    assertFalse(issued.contains("Provisório"), "issued once the action is closed: " + issued);
    String d10marks = "{'participation':9,'work':9,'final_reflection':8}";
    assertRefused(409, "training_closed", grade(id, "d10", d10marks, null));
    assertRefused(
        409,
        "training_closed",
        call(trainees.get("d11"), "PUT", reflection, "{'body':'<p>Tarde</p>'}"));
    String admin = hub.enter("d01", COURSE);
    assertRefused(
        422,
        "correction_reason_required",
        call(admin, "PUT", base + "/grades/d10", "{'marks':" + d10marks + "}"));
    Answer corrected =
        call(
            admin,
            "PUT",
            base + "/grades/d10",
            "{'marks':" + d10marks + ",'reason':'Erro de transcrição do trabalho'}");
    assertEquals(200, corrected.status(), String.valueOf(corrected.json()));
    // 2.7 + 3.6 + 2.4 = 8.7
    assertGrade(corrected.object(), "8.7", "very_good");
    JsonArray corrections =
        call(admin, "GET", base + "/evaluation", null).object().getAsJsonArray("corrections");
    assertEquals(1, corrections.size());
    JsonObject logged = corrections.get(0).getAsJsonObject();
    assertEquals("d01", logged.get("madeBy").getAsString());
    assertTrue(logged.has("madeAt"));
    assertEquals(
        "grade of d10: 8.60 very_good {participation 8.5, work 9, final_reflection 8}"
            + " -> 8.7 very_good {participation 9, work 9, final_reflection 8};"
            + " reason: Erro de transcrição do trabalho",
        logged.get("what").getAsString());
  }

  @Test
  void aReflectionCannotBeHandedInAfterTheActionsLastDay() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Answer created =
        call(
            filipe,
            "POST",
            "/api/v1/training-actions",
            "{'title':'Ação terminada','modality':'course','jointHours':1,'startsOn':'"
                + today.minusDays(5)
                + "','endsOn':'"
                + today.minusDays(1)
                + "','traineeIds':['d08']}");
    String id = created.object().get("id").getAsString();
    assertRefused(
        409,
        "final_reflection_closed",
        call(
            trainees.get("d08"),
            "PUT",
            "/api/v1/training-actions/" + id + "/final-reflection",
            "{'body':'<p>Tarde</p>'}"));
    JsonObject own =
        call(
                trainees.get("d08"),
                "GET",
                "/api/v1/training-actions/" + id + "/final-reflection",
                null)
            .object();
    assertFalse(own.get("editable").getAsBoolean());
  }

  private static Answer grade(String action, String who, String marks, String comment)
      throws Exception {
    return call(
        filipe,
        "PUT",
        "/api/v1/training-actions/" + action + "/grades/" + who,
        "{'marks':" + marks + (comment == null ? "" : ",'comment':'" + comment + "'") + "}");
  }

  private static void assertGrade(Answer answer, String grade, String mention) {
    assertEquals(200, answer.status(), String.valueOf(answer.json()));
    assertGrade(answer.object(), grade, mention);
  }

  private static void assertGrade(JsonObject row, String grade, String mention) {
    assertEquals(grade, row.get("grade").getAsBigDecimal().toPlainString(), row.toString());
    assertEquals(mention, row.get("mention").getAsString(), row.toString());
  }

  static String pdfText(String session, String path) throws Exception {
    DemoHub.Download pdf = hub.download(session, path);
    assertEquals(200, pdf.status(), path);
    assertEquals("application/pdf", pdf.headers().get("Content-Type"));
    // Kept to be looked at: target/training-records/<record>.pdf
    java.nio.file.Path kept = java.nio.file.Path.of("target", "training-records");
    java.nio.file.Files.createDirectories(kept);
    java.nio.file.Files.write(
        kept.resolve(path.substring(path.lastIndexOf("/records/") + 9).replace('/', '-')),
        pdf.bytes());
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
  }
}
