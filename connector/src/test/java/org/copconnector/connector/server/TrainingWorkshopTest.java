package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.testing.CourseTrainees;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole workshop over HTTP: 25 trainees, 10 sessions of 150 minutes (25 joint hours) and 25
 * autonomous hours; attendance marked person by person, all present, and by trainees checking in
 * with the session's code; the figures against two thirds; who sees what; closing freezes the
 * records and leaves the community open.
 */
class TrainingWorkshopTest {

  private static final String COURSE = "demo-cie-rio";
  private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  @TempDir static Path dataDir;
  private static DemoHub hub;
  private static String filipe;
  private static final Map<String, String> trainees = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    hub = DemoHub.start(dataDir, Map.of());
    filipe = hub.enter("d07", COURSE);
    // The course's own students (d08–d11, d20) and 20 more teachers enrolled as students.
    for (String demo : List.of("d08", "d09", "d10", "d11", "d20")) {
      trainees.put(demo, hub.enter(demo, COURSE));
    }
    trainees.putAll(
        CourseTrainees.enrol(
            hub.database().dataSource(), COURSE, "Ciências Experimentais — ES do Rio", 20));
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void aWorkshopIsRunMarkedCheckedInFlaggedAndClosedWhileItsCommunityGoesOn() throws Exception {
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
    assertFigures(row(after, atRisk), 720, "48.0", "at_risk");
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

  @Test
  void aLateCheckInCountsTheMinutesPastTheStartAndACancelledSessionNothing() throws Exception {
    Answer created =
        call(
            filipe,
            "POST",
            "/api/v1/training-actions",
            "{'title':'Ação de curta duração','modality':'short_action','jointHours':3,"
                + "'traineeIds':['d08','d09']}");
    assertEquals(201, created.status(), String.valueOf(created.json()));
    String id = created.object().get("id").getAsString();
    assertEquals(2, created.object().getAsJsonArray("trainees").size());
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(20));
    String session =
        call(
                filipe,
                "POST",
                "/api/v1/training-actions/" + id + "/sessions",
                "{'startsAt':'" + start + "','minutes':180}")
            .object()
            .get("id")
            .getAsString();
    String code =
        call(filipe, "POST", "/api/v1/training-sessions/" + session + "/check-in-code", null)
            .object()
            .get("code")
            .getAsString();
    Answer in =
        call(
            trainees.get("d08"),
            "POST",
            "/api/v1/training-sessions/" + session + "/check-in",
            "{'code':'" + code + "'}");
    assertEquals(200, in.status(), String.valueOf(in.json()));
    assertEquals("late", in.object().get("status").getAsString());
    assertEquals(20, in.object().get("lateMinutes").getAsInt());
    JsonObject summary =
        call(filipe, "GET", "/api/v1/training-actions/" + id + "/attendance", null).object();
    assertEquals(120, summary.get("minimumMinutes").getAsInt());
    assertFigures(row(summary, "d08"), 160, "88.9", "met");
    assertEquals(
        "lost",
        row(summary, "d09").get("state").getAsString(),
        "the only session, held and unmarked");

    Answer cancelled =
        call(filipe, "POST", "/api/v1/training-sessions/" + session + "/cancel", null);
    assertEquals("cancelled", cancelled.object().get("status").getAsString());
    assertRefused(
        409,
        "check_in_closed",
        call(
            trainees.get("d09"),
            "POST",
            "/api/v1/training-sessions/" + session + "/check-in",
            "{'code':'" + code + "'}"));
    JsonObject after =
        call(filipe, "GET", "/api/v1/training-actions/" + id + "/attendance", null).object();
    JsonObject d08 = row(after, "d08");
    assertEquals(
        0, d08.get("attendedMinutes").getAsInt(), "a cancelled session's marks no longer count");
    assertEquals(0, d08.get("scheduledMinutes").getAsInt());
    assertEquals("on_track", d08.get("state").getAsString(), "all 3 joint hours are still to come");
    assertNotEquals(
        201,
        call(
                trainees.get("d08"),
                "POST",
                "/api/v1/training-actions",
                "{'title':'X','modality':'course','jointHours':1}")
            .status(),
        "members do not start actions");
  }

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
    assertTrue(attendancePdf.contains("1,5 50,0 % abaixo do mínimo"), attendancePdf);
    // A trainee's own certificate, in their language; not another's, nor the records.
    assertEquals(
        200, call(trainees.get("d09"), "PUT", "/api/v1/me/language", "{'language':'en'}").status());
    String certificate = pdfText(trainees.get("d09"), base + "/records/certificate/d09.pdf");
    assertTrue(certificate.contains("Certificate of attendance and evaluation"), certificate);
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

  private static String session(String action, Instant start, int minutes) throws Exception {
    Answer added =
        call(
            filipe,
            "POST",
            "/api/v1/training-actions/" + action + "/sessions",
            "{'startsAt':'" + start + "','minutes':" + minutes + "}");
    assertEquals(201, added.status(), String.valueOf(added.json()));
    return added.object().get("id").getAsString();
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

  private static String pdfText(String session, String path) throws Exception {
    DemoHub.Download pdf = hub.download(session, path);
    assertEquals(200, pdf.status(), path);
    assertEquals("application/pdf", pdf.headers().get("Content-Type"));
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
  }

  private static void assertFigures(JsonObject row, int attended, String percent, String state) {
    assertEquals(attended, row.get("attendedMinutes").getAsInt(), row.toString());
    assertEquals(percent, row.get("percent").getAsBigDecimal().toPlainString(), row.toString());
    assertEquals(state, row.get("state").getAsString(), row.toString());
  }

  private static void assertRefused(int status, String reason, Answer answer) {
    assertEquals(status, answer.status(), String.valueOf(answer.json()));
    assertEquals(
        reason, answer.object().get("reason").getAsString(), String.valueOf(answer.json()));
  }

  private static Answer mark(String session, String who, String body) throws Exception {
    return mark(filipe, session, who, body);
  }

  private static Answer mark(String caller, String session, String who, String body)
      throws Exception {
    return call(caller, "PUT", "/api/v1/training-sessions/" + session + "/attendance/" + who, body);
  }

  private static JsonObject allPresent(String session) throws Exception {
    Answer answer =
        call(
            filipe,
            "POST",
            "/api/v1/training-sessions/" + session + "/attendance/all-present",
            null);
    assertEquals(200, answer.status(), String.valueOf(answer.json()));
    return answer.object();
  }

  private static JsonObject row(JsonObject table, String userId) {
    for (JsonElement row : table.getAsJsonArray("rows")) {
      if (row.getAsJsonObject().get("userId").getAsString().equals(userId)) {
        return row.getAsJsonObject();
      }
    }
    throw new AssertionError(userId + " not in " + table);
  }

  private static java.util.Set<String> ids(JsonArray people) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    people.forEach(p -> ids.add(p.getAsJsonObject().get("id").getAsString()));
    return ids;
  }

  private static Answer call(String session, String method, String path, String body)
      throws Exception {
    return hub.call(session, method, path, body == null ? null : body.replace('\'', '"'));
  }
}
