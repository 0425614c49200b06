package org.copconnector.connector.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.copconnector.connector.testing.FuzzClient.Answer;

/**
 * What hostile requests aim at, written through the API of a demo connector: two communities of
 * Filipe's (a facilitator), A with Gabriela and Inês as members and B closed to them, each with a
 * thread, a resource, a survey with an open round and an opened prompt; a schedule and a written
 * prompt in A; Filipe's private reflection in B. A training action of Filipe's with Gabriela and
 * Inês its trainees, its session under way open to check in; one of Manuel's in a course of his
 * alone. Reads all of it back as one text to compare.
 */
public final class HostileWorld {

  public static final String COURSE = "demo-rede-ciencias";

  /** A course of Manuel's that none of Filipe, Gabriela and Inês is in. */
  public static final String OTHER_COURSE = "demo-lin-serra";

  /** Fields that change by being read (or by the clock), not by a change. */
  private static final Set<String> VOLATILE =
      Set.of(
          "generatedAt",
          "now",
          "lastReadAt",
          "unread",
          "unreadCount",
          "views",
          "seen",
          "seenBefore",
          "newPosts");

  public final FuzzClient client;
  public final String facilitator;
  public final String member;
  public final String otherMember;
  public String communityA;
  public String communityB;
  public String threadA;
  public String firstPostA;
  public String threadB;
  public String firstPostB;
  public String resourceA;
  public String resourceB;
  public String surveyA;
  public String roundA;
  public String surveyB;
  public String roundB;
  public String scheduleA;
  public String scheduleB;
  public String promptThreadA;
  public String promptThreadB;
  public String writtenPromptA;
  public String reflectionB;

  /** Manuel, who facilitates a course none of the three is in. */
  public final String otherTrainer;

  /** Filipe's training action in the course, Gabriela and Inês its trainees. */
  public String trainingA;

  /** Its session under way (check-in open), with Inês marked present. */
  public String sessionNowA;

  /** Its session next week. */
  public String sessionLaterA;

  public String checkInCodeA;
  public String checkInCodeLaterA;

  /** Manuel's training action in his own course, its session under way and its code. */
  public String trainingB;

  public String sessionB;
  public String checkInCodeB;
  public String trainingCommunityB;

  private HostileWorld(FuzzClient client) throws IOException {
    this.client = client;
    facilitator = client.enter("d07", COURSE);
    member = client.enter("d08", COURSE);
    otherMember = client.enter("d10", COURSE);
    otherTrainer = client.enter("d13", OTHER_COURSE);
  }

  /** Signs the three people in and writes their communities. */
  public static HostileWorld write(FuzzClient client) throws IOException {
    HostileWorld world = new HostileWorld(client);
    world.communityA = world.community("Fuzz A", "open");
    world.communityB = world.community("Fuzz B", "invitation");
    for (String person : List.of(world.member, world.otherMember)) {
      world.made(person, "POST", "/api/v1/communities/" + world.communityA + "/join", null, 200);
    }
    world.threadA = world.thread(world.communityA);
    world.firstPostA = world.firstPost(world.threadA);
    world.threadB = world.thread(world.communityB);
    world.firstPostB = world.firstPost(world.threadB);
    String upload = world.upload();
    world.resourceA =
        world.id(
            "POST",
            "/api/v1/resources",
            "{\"communityId\":\"%s\",\"uploadId\":\"%s\",\"title\":\"Plano A\"}"
                .formatted(world.communityA, upload));
    world.resourceB =
        world.id(
            "POST",
            "/api/v1/resources",
            "{\"communityId\":\"%s\",\"url\":\"https://example.org/b\",\"title\":\"Plano B\"}"
                .formatted(world.communityB));
    world.surveyA = world.survey(world.communityA);
    world.roundA = world.round(world.surveyA);
    world.surveyB = world.survey(world.communityB);
    world.roundB = world.round(world.surveyB);
    world.scheduleA = world.schedule(world.communityA);
    world.scheduleB = world.schedule(world.communityB);
    world.promptThreadA = world.openPrompt(world.communityA);
    world.promptThreadB = world.openPrompt(world.communityB);
    world.writtenPromptA =
        world.id(
            "POST",
            "/api/v1/prompts/written",
            ("{\"communityId\":\"%s\",\"language\":\"pt\",\"characteristic\":\"deprivatised_practice\","
                    + "\"moment\":\"lesson_study_analyse\",\"title\":\"Observação\","
                    + "\"text\":\"O que viu na aula do colega?\",\"asksEvidence\":false}")
                .formatted(world.communityA));
    world.reflectionB =
        world.id(
            "POST",
            "/api/v1/reflections",
            "{\"threadId\":\"%s\",\"body\":\"Só para mim\"}".formatted(world.promptThreadB));
    world.trainings();
    return world;
  }

  private void trainings() throws IOException {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    trainingA = training(facilitator, "\"traineeIds\":[\"d08\",\"d10\"]").get("id").getAsString();
    sessionNowA = trainingSession(facilitator, trainingA, now.minusSeconds(120), 240);
    sessionLaterA = trainingSession(facilitator, trainingA, now.plusSeconds(7 * 86400), 150);
    checkInCodeA = checkInCode(facilitator, sessionNowA);
    checkInCodeLaterA = checkInCode(facilitator, sessionLaterA);
    made(
        facilitator,
        "PUT",
        "/api/v1/training-sessions/" + sessionNowA + "/attendance/d10",
        "{\"status\":\"present\"}",
        200);
    JsonObject b = training(otherTrainer, "\"traineeIds\":[\"d14\"]");
    trainingB = b.get("id").getAsString();
    trainingCommunityB = b.get("communityId").getAsString();
    sessionB = trainingSession(otherTrainer, trainingB, now.minusSeconds(120), 240);
    checkInCodeB = checkInCode(otherTrainer, sessionB);
  }

  private JsonObject training(String trainer, String trainees) throws IOException {
    return made(
        trainer,
        "POST",
        "/api/v1/training-actions",
        "{\"title\":\"Oficina\",\"modality\":\"workshop\",\"jointHours\":25,"
            + "\"startsOn\":\"2026-01-05\",\"endsOn\":\"2030-12-20\","
            + trainees
            + "}",
        201);
  }

  private String trainingSession(String trainer, String action, Instant start, int minutes)
      throws IOException {
    return made(
            trainer,
            "POST",
            "/api/v1/training-actions/" + action + "/sessions",
            "{\"startsAt\":\"%s\",\"minutes\":%d}".formatted(start, minutes),
            201)
        .get("id")
        .getAsString();
  }

  private String checkInCode(String trainer, String session) throws IOException {
    return made(
            trainer, "POST", "/api/v1/training-sessions/" + session + "/check-in-code", null, 200)
        .get("code")
        .getAsString();
  }

  private String community(String name, String joining) throws IOException {
    return id(
        "POST",
        "/api/v1/communities",
        "{\"name\":\"%s\",\"domain\":\"Ciências\",\"joining\":\"%s\"}".formatted(name, joining));
  }

  private String thread(String community) throws IOException {
    return id(
        "POST",
        "/api/v1/threads",
        "{\"communityId\":\"%s\",\"title\":\"Fio\",\"body\":\"<p>Olá</p>\"}".formatted(community));
  }

  private String firstPost(String thread) throws IOException {
    JsonObject page = made(facilitator, "GET", "/api/v1/threads/" + thread, null, 200);
    return page.getAsJsonArray("posts").get(0).getAsJsonObject().get("id").getAsString();
  }

  private String upload() throws IOException {
    Answer answer =
        client.send(
            facilitator,
            "POST",
            "/api/v1/uploads",
            RequestBody.create(
                "Plano de aula: frações equivalentes.".getBytes(),
                MediaType.get("application/octet-stream")),
            true,
            Map.of("X-File-Name", "plano.txt"));
    return expect(answer, 201, "upload").get("uploadId").getAsString();
  }

  private String survey(String community) throws IOException {
    return id(
        "POST",
        "/api/v1/surveys",
        "{\"communityId\":\"%s\",\"template\":\"mirror\"}".formatted(community));
  }

  private String round(String survey) throws IOException {
    Instant now = Instant.now();
    JsonObject made =
        made(
            facilitator,
            "POST",
            "/api/v1/surveys/" + survey + "/rounds",
            "{\"opensAt\":\"%s\",\"closesAt\":\"%s\"}"
                .formatted(now.minusSeconds(60), now.plusSeconds(86400)),
            201);
    return made.getAsJsonArray("rounds").get(0).getAsJsonObject().get("id").getAsString();
  }

  private String schedule(String community) throws IOException {
    return id(
        "POST",
        "/api/v1/prompt-schedules",
        ("{\"communityId\":\"%s\",\"title\":\"Semanal\",\"body\":\"<p>Como correu?</p>\","
                + "\"repeat\":\"weekly\",\"firstDate\":\"2030-01-07\",\"localTime\":\"18:00\","
                + "\"timeZone\":\"Europe/Lisbon\",\"openDays\":7}")
            .formatted(community));
  }

  private String openPrompt(String community) throws IOException {
    made(
        facilitator,
        "POST",
        "/api/v1/prompt-schedules",
        ("{\"communityId\":\"%s\",\"title\":\"Depois da aula\",\"body\":\"<p>O que aprendeu?</p>\","
                + "\"openNow\":true}")
            .formatted(community),
        201);
    JsonArray rows =
        client
            .call(
                facilitator,
                "GET",
                "/api/v1/prompt-schedules/dialogue?community=" + community,
                null)
            .json()
            .getAsJsonArray();
    return rows.get(rows.size() - 1).getAsJsonObject().get("threadId").getAsString();
  }

  private String id(String method, String path, String body) throws IOException {
    return made(facilitator, method, path, body, 201).get("id").getAsString();
  }

  private JsonObject made(String session, String method, String path, String body, int status)
      throws IOException {
    return expect(client.call(session, method, path, body), status, method + " " + path);
  }

  private static JsonObject expect(Answer answer, int status, String what) {
    if (answer.status() != status) {
      throw new IllegalStateException(what + " answered " + answer);
    }
    return answer.json().getAsJsonObject();
  }

  /** The reads that show the world, each by who may read it. */
  private Map<String, String> reads() {
    Map<String, String> reads = new LinkedHashMap<>();
    for (String community : List.of(communityA, communityB)) {
      reads.put("/api/v1/communities/" + community, facilitator);
      reads.put("/api/v1/threads?community=" + community, facilitator);
      reads.put("/api/v1/resources?sort=newest&community=" + community, facilitator);
      reads.put("/api/v1/surveys?community=" + community, facilitator);
      reads.put("/api/v1/prompt-schedules?community=" + community, facilitator);
      reads.put("/api/v1/prompt-schedules/dialogue?community=" + community, facilitator);
      reads.put("/api/v1/prompts/written?community=" + community, facilitator);
    }
    reads.put("/api/v1/communities", facilitator);
    for (String thread : List.of(threadA, threadB, promptThreadA, promptThreadB)) {
      reads.put("/api/v1/threads/" + thread, facilitator);
    }
    reads.put("/api/v1/posts/" + firstPostA + "/history", facilitator);
    for (String resource : List.of(resourceA, resourceB)) {
      reads.put("/api/v1/resources/" + resource, facilitator);
    }
    for (String survey : List.of(surveyA, surveyB)) {
      reads.put("/api/v1/surveys/" + survey, facilitator);
    }
    reads.put("/api/v1/me/reflections", facilitator);
    reads.put("/api/v1/hub", facilitator);
    reads.put("/api/v1/hub?as=member", member);
    reads.put("/api/v1/me/reflections?as=member", member);
    reads.put("/api/v1/hub?as=other", otherMember);
    reads.put("/api/v1/training-actions?course=" + COURSE, facilitator);
    reads.put("/api/v1/training-actions/" + trainingA, facilitator);
    reads.put("/api/v1/training-actions/" + trainingA + "/attendance", facilitator);
    for (String session : List.of(sessionNowA, sessionLaterA)) {
      reads.put("/api/v1/training-sessions/" + session + "/attendance", facilitator);
    }
    reads.put("/api/v1/training-actions?course=" + COURSE + "&as=member", member);
    reads.put("/api/v1/training-actions/" + trainingA + "?as=member", member);
    reads.put("/api/v1/training-actions/" + trainingA + "/attendance?as=member", member);
    reads.put("/api/v1/training-actions?course=" + OTHER_COURSE, otherTrainer);
    reads.put("/api/v1/training-actions/" + trainingB, otherTrainer);
    reads.put("/api/v1/training-actions/" + trainingB + "/attendance", otherTrainer);
    reads.put("/api/v1/training-sessions/" + sessionB + "/attendance", otherTrainer);
    reads.put("/api/v1/communities/" + trainingCommunityB, otherTrainer);
    return reads;
  }

  /** Everything the world's people can read, without what reading itself changes. */
  public String readBack() throws IOException {
    StringBuilder all = new StringBuilder();
    for (Map.Entry<String, String> read : reads().entrySet()) {
      String path = read.getKey().replaceAll("[?&]as=\\w+$", "");
      Answer answer = client.call(read.getValue(), "GET", path, null);
      all.append(read.getKey()).append(' ').append(answer.status()).append(' ');
      all.append(
          answer.mediaType().equals("application/json")
              ? withoutVolatile(answer.json()).toString()
              : answer.body());
      all.append('\n');
    }
    return all.toString();
  }

  private static JsonElement withoutVolatile(JsonElement json) {
    if (json.isJsonObject()) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
        if (!VOLATILE.contains(e.getKey())) {
          copy.add(e.getKey(), withoutVolatile(e.getValue()));
        }
      }
      return copy;
    }
    if (json.isJsonArray()) {
      JsonArray copy = new JsonArray();
      json.getAsJsonArray().forEach(e -> copy.add(withoutVolatile(e)));
      return copy;
    }
    return json;
  }

  /** The session tokens handed out, which no log may show. */
  public List<String> sessions() {
    return new ArrayList<>(List.of(facilitator, member, otherMember, otherTrainer));
  }
}
