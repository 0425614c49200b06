package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.Test;

/**
 * A trainer's changes to who takes part, and check-ins: someone taken off is found and added again,
 * a trainee's page knows where they already have a mark, a late check-in counts the minutes past
 * the start, and a cancelled session counts nothing.
 */
class TrainingTraineesTest extends TrainingCourseTest {
  @Test
  void aTraineeTakenOffIsFoundByNameAndAddedAgain() throws Exception {
    Answer created =
        call(
            filipe,
            "POST",
            "/api/v1/training-actions",
            "{'title':'Círculo de estudos','modality':'study_circle','jointHours':6,"
                + "'traineeIds':['d08','d09']}");
    String id = created.object().get("id").getAsString();
    String d09 =
        created.object().getAsJsonArray("trainees").asList().stream()
            .map(p -> p.getAsJsonObject())
            .filter(p -> p.get("id").getAsString().equals("d09"))
            .findFirst()
            .orElseThrow()
            .get("name")
            .getAsString();
    String search = "/api/v1/training-actions/" + id + "/candidates?q=";
    assertFalse(ids(call(filipe, "GET", search, null).array()).contains("d09"), "a trainee now");
    assertFalse(ids(call(filipe, "GET", search, null).array()).contains("d08"));
    assertEquals(
        200,
        call(filipe, "DELETE", "/api/v1/training-actions/" + id + "/trainees/d09", null).status());
    // Still a member of the action's community, and yet found again as a trainee to add.
    JsonArray found =
        call(filipe, "GET", search + java.net.URLEncoder.encode(d09.split(" ")[0], "UTF-8"), null)
            .array();
    assertTrue(ids(found).contains("d09"), String.valueOf(found));
    Answer again =
        call(filipe, "POST", "/api/v1/training-actions/" + id + "/trainees", "{'userIds':['d09']}");
    assertTrue(ids(again.object().getAsJsonArray("trainees")).contains("d09"));
    assertRefused(403, "trainers_only", call(trainees.get("d08"), "GET", search, null));
    assertRefused(422, "search_length", call(filipe, "GET", search + "a".repeat(101), null));
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
    // The checked-in trainee's page no longer asks for the code; the other one's still does.
    assertEquals(
        session,
        call(trainees.get("d08"), "GET", "/api/v1/training-actions/" + id, null)
            .object()
            .getAsJsonObject("mine")
            .getAsJsonArray("markedSessions")
            .get(0)
            .getAsString());
    assertEquals(
        0,
        call(trainees.get("d09"), "GET", "/api/v1/training-actions/" + id, null)
            .object()
            .getAsJsonObject("mine")
            .getAsJsonArray("markedSessions")
            .size());
    assertNull(
        call(filipe, "GET", "/api/v1/training-actions/" + id, null)
            .object()
            .getAsJsonObject("mine")
            .get("markedSessions"),
        "a trainer's own marks are nobody's business");
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
}
