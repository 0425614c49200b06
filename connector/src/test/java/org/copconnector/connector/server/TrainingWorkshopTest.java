package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.Test;

/**
 * A whole workshop over HTTP: 25 trainees, 10 sessions of 150 minutes (25 joint hours) and 25
 * autonomous hours; attendance marked person by person, all present, and by trainees checking in
 * with the session's code; the figures against two thirds; who sees what; every trainee's final
 * reflection and grade, and the records' figures; closing freezes the records and leaves the
 * community open.
 */
class TrainingWorkshopTest extends TrainingCourseTest {
  @Test
  void aWorkshopIsRunMarkedCheckedInFlaggedReflectedGradedAndClosedWhileItsCommunityGoesOn()
      throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Answer created =
        call(
            filipe,
            "POST",
            "/api/v1/training-actions",
            "{'title':'Oficina: avaliação formativa em ciências','modality':'workshop',"
                + "'code':'CCPFC/ACC-123456/26','jointHours':25,'autonomousHours':25,"
                + "'startsOn':'"
                + today.minusDays(30)
                + "','endsOn':'"
                + today.plusDays(30)
                + "'}");
    assertEquals(201, created.status(), String.valueOf(created.json()));
    JsonObject action = created.object();
    String id = action.get("id").getAsString();
    assertEquals(COURSE, action.get("courseId").getAsString());
    assertEquals(1500, action.get("jointMinutes").getAsInt());
    assertEquals(1500, action.get("autonomousMinutes").getAsInt());
    assertEquals("open", action.get("status").getAsString());
    assertEquals(2, action.getAsJsonObject("minimumAttendance").get("numerator").getAsInt());
    assertEquals(3, action.getAsJsonObject("minimumAttendance").get("denominator").getAsInt());
    assertEquals(5, action.getAsJsonObject("policy").getAsJsonArray("mentions").size());
    assertEquals(
        new java.util.TreeSet<>(trainees.keySet()),
        ids(action.getAsJsonArray("trainees")),
        "the course's students, not its teachers (d12) nor managers (d01)");
    assertEquals(List.of("d07"), List.copyOf(ids(action.getAsJsonArray("trainers"))));

    String community = action.get("communityId").getAsString();
    JsonObject details = call(filipe, "GET", "/api/v1/communities/" + community, null).object();
    assertEquals(26, details.get("activeMembers").getAsInt(), "the trainees and the trainer");
    assertEquals("invitation", details.getAsJsonObject("community").get("joining").getAsString());

    // Ten sessions of 150 minutes: eight held, one about to start, one next week.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    List<String> sessions = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      Instant start =
          i <= 8
              ? now.minus(Duration.ofDays(9 - i))
              : i == 9 ? now.plus(Duration.ofMinutes(5)) : now.plus(Duration.ofDays(7));
      String place =
          i % 2 == 0
              ? "'mode':'online','link':'https://meet.example.org/oficina'"
              : "'mode':'in_person','place':'Sala 2'";
      Answer session =
          call(
              filipe,
              "POST",
              "/api/v1/training-actions/" + id + "/sessions",
              "{'startsAt':'" + start + "','minutes':150," + place + "}");
      assertEquals(201, session.status(), String.valueOf(session.json()));
      assertEquals("scheduled", session.object().get("status").getAsString());
      sessions.add(session.object().get("id").getAsString());
    }
    Answer tooMany =
        call(
            filipe,
            "POST",
            "/api/v1/training-actions/" + id + "/sessions",
            "{'startsAt':'" + now.plus(Duration.ofDays(14)) + "','minutes':30}");
    assertRefused(422, "joint_hours_exceeded", tooMany);
    assertEquals(
        "25.5", tooMany.object().getAsJsonObject("details").get("scheduledHours").getAsString());
    Answer moved =
        call(
            filipe,
            "PUT",
            "/api/v1/training-sessions/" + sessions.get(9),
            "{'startsAt':'" + now.plus(Duration.ofDays(8)) + "','minutes':150,'place':'Sala 3'}");
    assertEquals(200, moved.status(), String.valueOf(moved.json()));
    assertEquals("Sala 3", moved.object().get("place").getAsString());

    String lost = "t01";
    String atRisk = "t02";
    String onTrack = "t03";
    // Session 1: the three who missed it, one request each; then everyone else present.
    for (String who : List.of(lost, atRisk, onTrack)) {
      assertEquals(200, mark(sessions.get(0), who, "{'status':'absent'}").status());
    }
    JsonObject sheet = allPresent(sessions.get(0));
    assertEquals(25, sheet.getAsJsonArray("rows").size());
    assertEquals("absent", row(sheet, lost).get("status").getAsString());
    assertEquals("present", row(sheet, "d08").get("status").getAsString());
    // Session 2: every trainee marked by hand, one request each.
    for (String who : trainees.keySet()) {
      String status = List.of(lost, atRisk, onTrack).contains(who) ? "absent" : "present";
      Answer marked = mark(sessions.get(1), who, "{'status':'" + status + "'}");
      assertEquals(200, marked.status(), String.valueOf(marked.json()));
      assertEquals(who, marked.object().get("userId").getAsString());
      assertEquals(status, marked.object().get("status").getAsString());
    }
    mark(sessions.get(2), lost, "{'status':'absent'}");
    Answer excused = mark(sessions.get(2), atRisk, "{'status':'excused','note':'Doença'}");
    assertEquals("Doença", excused.object().get("note").getAsString());
    allPresent(sessions.get(2));
    mark(sessions.get(3), lost, "{'status':'excused'}");
    Answer late = mark(sessions.get(3), atRisk, "{'status':'late','lateMinutes':30}");
    assertEquals(30, late.object().get("lateMinutes").getAsInt());
    assertRefused(
        422,
        "late_minutes_range",
        mark(sessions.get(3), onTrack, "{'status':'late','lateMinutes':151}"));
    assertRefused(404, "trainee_not_found", mark(sessions.get(3), "d12", "{'status':'present'}"));
    for (int s = 3; s < 8; s++) {
      allPresent(sessions.get(s));
    }

    // Session 9 starts in five minutes: trainees check in with its code.
    String session9 = sessions.get(8);
    mark(session9, "t06", "{'status':'excused','note':'Avisou'}");
    JsonObject checkIn =
        call(filipe, "POST", "/api/v1/training-sessions/" + session9 + "/check-in-code", null)
            .object();
    String code = checkIn.get("code").getAsString();
    assertEquals(6, code.length());
    assertTrue(code.chars().allMatch(ch -> CODE_LETTERS.indexOf(ch) >= 0), code);
    assertEquals(
        now.plus(Duration.ofMinutes(5)).minus(Duration.ofMinutes(15)).toString(),
        checkIn.get("validFrom").getAsString());
    assertEquals(
        now.plus(Duration.ofMinutes(155)).toString(), checkIn.get("validUntil").getAsString());
    for (String who : List.of("d08", "d09", "d10", "t04", "t05")) {
      Answer in =
          call(
              trainees.get(who),
              "POST",
              "/api/v1/training-sessions/" + session9 + "/check-in",
              "{'code':'" + (who.equals("t05") ? code.toLowerCase() : code) + "'}");
      assertEquals(200, in.status(), who + " " + in.json());
      assertEquals("present", in.object().get("status").getAsString());
      assertTrue(in.object().get("selfCheckIn").getAsBoolean());
    }
    Answer kept =
        call(
            trainees.get("t06"),
            "POST",
            "/api/v1/training-sessions/" + session9 + "/check-in",
            "{'code':'" + code + "'}");
    assertEquals("excused", kept.object().get("status").getAsString(), "the trainer's mark stays");
    assertFalse(kept.object().get("selfCheckIn").getAsBoolean());
    String wrong = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
    assertRefused(
        422,
        "check_in_code",
        call(
            trainees.get("t07"),
            "POST",
            "/api/v1/training-sessions/" + session9 + "/check-in",
            "{'code':'" + wrong + "'}"));
    // Guessing: after ten wrong codes t08 cannot check in, even with the right one, until the
    // trainer shows a new code; others are not held back by t08's guesses.
    for (int guess = 0; guess < 10; guess++) {
      assertRefused(
          422,
          "check_in_code",
          call(
              trainees.get("t08"),
              "POST",
              "/api/v1/training-sessions/" + session9 + "/check-in",
              "{'code':'" + wrong + "'}"));
    }
    assertRefused(
        429,
        "check_in_locked",
        call(
            trainees.get("t08"),
            "POST",
            "/api/v1/training-sessions/" + session9 + "/check-in",
            "{'code':'" + code + "'}"));
    String renewed =
        call(filipe, "POST", "/api/v1/training-sessions/" + session9 + "/check-in-code", null)
            .object()
            .get("code")
            .getAsString();
    Answer afterNewCode =
        call(
            trainees.get("t08"),
            "POST",
            "/api/v1/training-sessions/" + session9 + "/check-in",
            "{'code':'" + renewed + "'}");
    assertEquals(200, afterNewCode.status(), String.valueOf(afterNewCode.json()));
    code = renewed;
    assertRefused(
        403,
        "trainees_only_check_in",
        call(
            filipe,
            "POST",
            "/api/v1/training-sessions/" + session9 + "/check-in",
            "{'code':'" + code + "'}"));
    // Outside the window: next week's session, and one that ended days ago.
    for (String closed : List.of(sessions.get(9), sessions.get(0))) {
      String other =
          call(filipe, "POST", "/api/v1/training-sessions/" + closed + "/check-in-code", null)
              .object()
              .get("code")
              .getAsString();
      assertRefused(
          409,
          "check_in_closed",
          call(
              trainees.get("t07"),
              "POST",
              "/api/v1/training-sessions/" + closed + "/check-in",
              "{'code':'" + other + "'}"));
    }
    JsonObject roster =
        call(filipe, "GET", "/api/v1/training-sessions/" + session9 + "/attendance", null).object();
    assertEquals(code, roster.getAsJsonObject("checkIn").get("code").getAsString());
    assertEquals(
        7,
        roster.getAsJsonArray("rows").asList().stream()
            .filter(r -> r.getAsJsonObject().has("status"))
            .count());

    // The figures: 8 sessions held (1,200 min), 1,000 min needed (two thirds of 1,500).
    Answer figures = call(filipe, "GET", "/api/v1/training-actions/" + id + "/attendance", null);
    assertEquals(200, figures.status(), String.valueOf(figures.json()));
    JsonObject summary = figures.object();
    assertEquals(1500, summary.get("jointMinutes").getAsInt());
    assertEquals(1000, summary.get("minimumMinutes").getAsInt());
    assertEquals(25, summary.getAsJsonArray("rows").size());
    // Absent 1–3, excused 4, present 5–8: 600 min; even with sessions 9 and 10, 900 < 1,000.
    assertFigures(row(summary, lost), 600, "40.0", "lost");
    // Absent 1–2, excused 3, 30 min late in 4, present 5–8: 720; 1,020 reachable, 870 missing one.
    assertFigures(row(summary, atRisk), 720, "48.0", "at_risk");
    // Absent 1–2: 900; missing one more still leaves 1,050.
    assertFigures(row(summary, onTrack), 900, "60.0", "on_track");
    assertFigures(row(summary, "d08"), 1350, "90.0", "met");
    assertFigures(row(summary, "t06"), 1200, "80.0", "met");
    assertEquals(1200, row(summary, lost).get("heldMinutes").getAsInt());
    assertEquals(1500, row(summary, lost).get("scheduledMinutes").getAsInt());

    JsonArray listed =
        call(filipe, "GET", "/api/v1/training-actions?course=" + COURSE, null)
            .json()
            .getAsJsonArray();
    JsonObject item =
        listed.asList().stream()
            .map(JsonElement::getAsJsonObject)
            .filter(a -> a.get("id").getAsString().equals(id))
            .findFirst()
            .orElseThrow();
    assertEquals(25, item.get("trainees").getAsInt());
    assertEquals(2, item.get("atRisk").getAsInt());
    assertTrue(item.get("trainer").getAsBoolean());
    assertEquals(session9, item.getAsJsonObject("nextSession").get("id").getAsString());

    // A trainee sees their own row and themself only.
    JsonObject own =
        call(trainees.get(lost), "GET", "/api/v1/training-actions/" + id + "/attendance", null)
            .object();
    assertEquals(1, own.getAsJsonArray("rows").size());
    assertFigures(row(own, lost), 600, "40.0", "lost");
    JsonObject seen =
        call(trainees.get(lost), "GET", "/api/v1/training-actions/" + id, null).object();
    assertEquals(List.of(lost), List.copyOf(ids(seen.getAsJsonArray("trainees"))));
    assertTrue(seen.getAsJsonObject("mine").get("trainee").getAsBoolean());
    assertRefused(
        403,
        "trainers_only",
        call(
            trainees.get(lost),
            "GET",
            "/api/v1/training-sessions/" + session9 + "/attendance",
            null));
    assertRefused(
        403, "trainers_only", mark(trainees.get(lost), session9, lost, "{'status':'present'}"));
    assertEquals(
        1,
        call(trainees.get(lost), "GET", "/api/v1/training-actions?course=" + COURSE, null)
            .json()
            .getAsJsonArray()
            .size());

    // Another course's facilitator does not learn that it exists.
    String manuel = hub.enter("d13", "demo-lin-serra");
    assertRefused(
        404, "training_not_found", call(manuel, "GET", "/api/v1/training-actions/" + id, null));
    assertRefused(
        404,
        "training_not_found",
        call(manuel, "GET", "/api/v1/training-actions/" + id + "/attendance", null));
    assertRefused(
        404,
        "training_session_not_found",
        call(manuel, "GET", "/api/v1/training-sessions/" + session9 + "/attendance", null));
    assertEquals(
        0,
        call(manuel, "GET", "/api/v1/training-actions?course=" + COURSE, null)
            .json()
            .getAsJsonArray()
            .size());

    // Everyone hands in a final reflection and is graded, 30/40/30, rounded half up to one
    // decimal from the exact weighted mean, worked by hand (at each mention's boundary too):
    // 2.7 + 3.52 + 2.73 = 8.95 → 9.0 Excelente; 2.4 + 3.16 + 2.43 = 7.99 → 8.0 Muito Bom;
    // 1.95 + 2.56 + 1.98 = 6.49 → 6.5 Bom; 1.5 + 1.96 + 1.53 = 4.99 → 5.0 Regular;
    // 4.9 → 4.9 Insuficiente; 1.92 + 2.6 + 1.92 = 6.44 → 6.4 Regular.
    String[][] marks = {
      {"9", "8.8", "9.1", "9.0", "excellent", "9,0 Excelente"},
      {"8", "7.9", "8.1", "8.0", "very_good", "8,0 Muito Bom"},
      {"6.5", "6.4", "6.6", "6.5", "good", "6,5 Bom"},
      {"5", "4.9", "5.1", "5.0", "fair", "5,0 Regular"},
      {"4.9", "4.9", "4.9", "4.9", "insufficient", "4,9 Insuficiente"},
      {"6.4", "6.5", "6.4", "6.4", "fair", "6,4 Regular"}
    };
    List<String> everyone = List.copyOf(new java.util.TreeSet<>(trainees.keySet()));
    for (int i = 0; i < everyone.size(); i++) {
      String who = everyone.get(i);
      Answer handedIn =
          call(
              trainees.get(who),
              "PUT",
              "/api/v1/training-actions/" + id + "/final-reflection",
              "{'body':'<p>O que mudou na minha prática: " + who + "</p>'}");
      assertEquals(200, handedIn.status(), String.valueOf(handedIn.json()));
      String[] m = marks[i % marks.length];
      Answer graded =
          call(
              filipe,
              "PUT",
              "/api/v1/training-actions/" + id + "/grades/" + who,
              "{'marks':{'participation':"
                  + m[0]
                  + ",'work':"
                  + m[1]
                  + ",'final_reflection':"
                  + m[2]
                  + "}}");
      assertEquals(200, graded.status(), String.valueOf(graded.json()));
      assertEquals(m[3], graded.object().get("grade").getAsBigDecimal().toPlainString(), who);
      assertEquals(m[4], graded.object().get("mention").getAsString(), who);
    }
    JsonObject reflections =
        call(filipe, "GET", "/api/v1/training-actions/" + id + "/final-reflections", null).object();
    assertEquals(25, reflections.get("submitted").getAsInt());
    assertEquals(0, reflections.get("missing").getAsInt());
    // The records hold the same figures: hours, attendance share, grade and mention.
    String evaluationPdf =
        TrainingEvaluationTest.pdfText(
            filipe, "/api/v1/training-actions/" + id + "/records/evaluation.pdf");
    for (String[] m : marks) {
      assertTrue(evaluationPdf.contains(m[5]), m[5] + " in " + evaluationPdf);
    }
    assertTrue(evaluationPdf.contains("Horas: 25 conjuntas, 25 autónomas"), evaluationPdf);
    assertTrue(evaluationPdf.contains("40,0 %"), "the lost trainee's share");
    assertTrue(evaluationPdf.contains("48,0 %"), "the trainee at risk");
    String attendancePdf =
        TrainingEvaluationTest.pdfText(
            filipe, "/api/v1/training-actions/" + id + "/records/attendance.pdf");
    // A letter per session: absent 1–3, excused 4, present 5–8; then the totals.
    assertTrue(attendancePdf.contains("F F F J P P P P"), attendancePdf);
    assertTrue(attendancePdf.contains("10 40,0 % abaixo do mínimo"), attendancePdf);
    assertTrue(attendancePdf.contains("F F J A30 P P P P"), attendancePdf);
    assertTrue(attendancePdf.contains("12 48,0 % em risco"), attendancePdf);

    // Closed: every change refused, the records still read, the community still used.
    Answer closed = call(filipe, "POST", "/api/v1/training-actions/" + id + "/close", null);
    assertEquals(200, closed.status(), String.valueOf(closed.json()));
    assertEquals("closed", closed.object().get("status").getAsString());
    List<Answer> changes =
        List.of(
            call(
                filipe,
                "POST",
                "/api/v1/training-actions/" + id + "/sessions",
                "{'startsAt':'" + now + "','minutes':10}"),
            call(
                filipe,
                "PUT",
                "/api/v1/training-sessions/" + session9,
                "{'startsAt':'" + now + "','minutes':150}"),
            call(filipe, "POST", "/api/v1/training-sessions/" + session9 + "/cancel", null),
            mark(session9, lost, "{'status':'present'}"),
            call(
                filipe,
                "POST",
                "/api/v1/training-sessions/" + session9 + "/attendance/all-present",
                null),
            call(filipe, "POST", "/api/v1/training-sessions/" + session9 + "/check-in-code", null),
            call(
                trainees.get("t07"),
                "POST",
                "/api/v1/training-sessions/" + session9 + "/check-in",
                "{'code':'" + code + "'}"),
            call(
                filipe,
                "POST",
                "/api/v1/training-actions/" + id + "/trainees",
                "{'userIds':['d12']}"),
            call(filipe, "DELETE", "/api/v1/training-actions/" + id + "/trainees/" + lost, null),
            call(filipe, "POST", "/api/v1/training-actions/" + id + "/close", null));
    for (Answer change : changes) {
      assertRefused(409, "training_closed", change);
    }
    JsonObject after =
        call(filipe, "GET", "/api/v1/training-actions/" + id + "/attendance", null).object();
    // Closed, nothing is still to come: below the minimum is lost, no longer at risk.
    assertFigures(row(after, atRisk), 720, "48.0", "lost");
    Answer thread =
        call(
            trainees.get("t04"),
            "POST",
            "/api/v1/threads",
            "{'communityId':'"
                + community
                + "','title':'Depois da oficina','body':'<p>Continuamos?</p>'}");
    assertEquals(201, thread.status(), String.valueOf(thread.json()));
  }
}
