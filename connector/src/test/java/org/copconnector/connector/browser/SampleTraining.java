package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.testing.Clients;

/**
 * Two training actions of the demo's science course, made over HTTP as its trainer (Filipe) so that
 * the page tour can walk the training pages: one running, with a session held and one to come and
 * its satisfaction questionnaire open; one closed, its questionnaire answered by three trainees and
 * an attendance mark corrected by the administrator (Rui).
 */
final class SampleTraining {

  static final String RUNNING = "Oficina de avaliação formativa";
  static final String CLOSED = "Círculo de estudos: avaliar para aprender";

  private static final MediaType JSON = MediaType.get("application/json");

  /** Entering waits until the demo's sample content is written, which takes a while. */
  private final OkHttpClient http =
      Clients.asTheUi().newBuilder().readTimeout(Duration.ofMinutes(2)).build();

  private final String base;
  private final String course;

  private SampleTraining(int port, String course) {
    this.base = "http://127.0.0.1:" + port;
    this.course = course;
  }

  /** Makes both actions; answers the closed one's id. */
  static String make(int port, String course) throws IOException {
    return new SampleTraining(port, course).make();
  }

  private String make() throws IOException {
    String filipe = enter("d07");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    String running = action(filipe, RUNNING, today.minusDays(7), today.plusDays(7));
    session(filipe, running, now.minus(Duration.ofDays(1)), "Sala 2");
    session(filipe, running, now.plus(Duration.ofDays(2)), null);
    call(filipe, "POST", "/api/v1/training-actions/" + running + "/satisfaction", "{}");

    String closed = action(filipe, CLOSED, today.minusDays(14), today.minusDays(1));
    String held = session(filipe, closed, now.minus(Duration.ofDays(7)), "Sala 5");
    call(filipe, "POST", "/api/v1/training-sessions/" + held + "/attendance/all-present", null);
    String actionPath = "/api/v1/training-actions/" + closed;
    call(filipe, "POST", actionPath + "/satisfaction", "{}");
    int[][] answers = {{5, 4, 5, 3, 4, 5}, {4, 4, 5, 2, 4, 5}, {5, 5, 4, 3, 4, 4}};
    String[] who = {"d09", "d10", "d11"};
    for (int i = 0; i < who.length; i++) {
      call(
          enter(who[i]),
          "POST",
          actionPath + "/satisfaction/answers",
          "{\"agreements\":"
              + java.util.Arrays.toString(answers[i])
              + (i == 0 ? ",\"comment\":\"Muito útil para as minhas aulas.\"" : "")
              + "}");
    }
    call(filipe, "POST", actionPath + "/satisfaction/close", null);
    call(filipe, "POST", actionPath + "/close", null);
    call(
        enter("d01"),
        "PUT",
        "/api/v1/training-sessions/" + held + "/attendance/d10",
        "{\"status\":\"late\",\"lateMinutes\":30,\"reason\":\"Folha de presenças em papel\"}");
    return closed;
  }

  private String action(String session, String title, LocalDate from, LocalDate to)
      throws IOException {
    return call(
            session,
            "POST",
            "/api/v1/training-actions",
            "{\"title\":\""
                + title
                + "\",\"modality\":\"workshop\",\"code\":\"ACC-123\",\"jointHours\":6,"
                + "\"autonomousHours\":6,\"startsOn\":\""
                + from
                + "\",\"endsOn\":\""
                + to
                + "\"}")
        .get("id")
        .getAsString();
  }

  private String session(String session, String action, Instant at, String place)
      throws IOException {
    return call(
            session,
            "POST",
            "/api/v1/training-actions/" + action + "/sessions",
            "{\"startsAt\":\""
                + at
                + "\",\"minutes\":180"
                + (place == null ? "" : ",\"place\":\"" + place + "\"")
                + "}")
        .get("id")
        .getAsString();
  }

  private String enter(String person) throws IOException {
    Request request =
        new Request.Builder()
            .url(base + "/demo/enter")
            .post(new FormBody.Builder().add("person", person).add("course", course).build())
            .build();
    try (Response r = http.newCall(request).execute()) {
      String cookie = r.header("Set-Cookie");
      return cookie.substring("cop_session=".length(), cookie.indexOf(';'));
    }
  }

  private JsonObject call(String session, String method, String path, String body)
      throws IOException {
    Request request =
        new Request.Builder()
            .url(base + path)
            .header("Cookie", "cop_session=" + session)
            .method(
                method,
                body == null ? RequestBody.create(new byte[0]) : RequestBody.create(body, JSON))
            .build();
    try (Response r = http.newCall(request).execute()) {
      String text = r.body().string();
      assertTrue(r.isSuccessful(), method + " " + path + ": " + r.code() + " " + text);
      return text.isEmpty() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
    }
  }
}
