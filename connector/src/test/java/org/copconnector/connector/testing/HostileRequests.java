package org.copconnector.connector.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/** The groups of hostile requests that must all be refused, each leaving the world as it was. */
final class HostileRequests {

  /** Requests sent together, after which the world is read back. */
  interface Group {
    String name();

    void send() throws IOException;
  }

  /**
   * A writing endpoint, who is allowed to call it, a body it takes, and the variants of that body
   * its contract takes too (hours are decimals), which are not sent.
   */
  record Endpoint(String actor, String method, String path, String body, Set<String> accepted) {
    Endpoint(String actor, String method, String path, String body) {
      this(actor, method, path, body, Set.of());
    }
  }

  /** Over the 1 MiB body limit. */
  private static final int OVER_LIMIT = 1024 * 1024 + 1024;

  private final HostileFuzz fuzz;
  private final HostileWorld w;
  private final JsonMutations mutations;

  HostileRequests(HostileFuzz fuzz) {
    this.fuzz = fuzz;
    this.w = fuzz.world;
    this.mutations = new JsonMutations(fuzz.random);
  }

  List<Group> groups() {
    List<Group> groups = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      groups.add(group(endpoint.method() + " " + endpoint.path(), () -> bodies(endpoint)));
    }
    groups.add(group("sessions", new ForgedSessions(fuzz)::send));
    groups.add(group("LTI launches", new ForgedLaunches(fuzz)::send));
    groups.add(group("another community's ids", new OtherCommunity(fuzz)::send));
    groups.add(group("another training action's ids", new OtherTraining(fuzz)::send));
    groups.add(group("check-in code guesses", new CheckInGuesses(fuzz)::send));
    groups.add(group("uploads", new HostileUploads(fuzz)::send));
    groups.add(group("paths and queries", new HostilePaths(fuzz)::send));
    return groups;
  }

  private interface Sending {
    void send() throws IOException;
  }

  private static Group group(String name, Sending sending) {
    return new Group() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void send() throws IOException {
        sending.send();
      }
    };
  }

  /** Every endpoint that takes a JSON body, with a body that it would take. */
  List<Endpoint> endpoints() {
    List<Endpoint> endpoints = new ArrayList<>(communityEndpoints());
    endpoints.addAll(trainingEndpoints());
    return endpoints;
  }

  private List<Endpoint> communityEndpoints() {
    String f = w.facilitator;
    String a = w.communityA;
    String profile =
        "\"profile\":{\"cycles\":[\"1º ciclo\"],\"subjects\":[\"Ciências\"],\"focus\":[\"avaliação\"]}";
    return List.of(
        new Endpoint(
            f,
            "POST",
            "/api/v1/communities",
            "{\"name\":\"Nova\",\"domain\":\"Ciências\","
                + profile
                + ",\"joining\":\"open\",\"courseIds\":[\"demo-rede-ciencias\"]}"),
        new Endpoint(
            f,
            "PUT",
            "/api/v1/communities/" + a,
            "{\"name\":\"Fuzz A2\",\"domain\":\"Física\"," + profile + ",\"joining\":\"request\"}"),
        new Endpoint(
            f, "POST", "/api/v1/communities/" + a + "/invitations", "{\"userId\":\"d01\"}"),
        new Endpoint(
            f,
            "PUT",
            "/api/v1/communities/" + a + "/members/d08/role",
            "{\"role\":\"facilitator\"}"),
        new Endpoint(
            f,
            "POST",
            "/api/v1/threads",
            "{\"communityId\":\"" + a + "\",\"title\":\"Novo fio\",\"body\":\"<p>Texto</p>\"}"),
        new Endpoint(
            f,
            "POST",
            "/api/v1/threads/" + w.threadA + "/posts",
            "{\"body\":\"<p>Resposta</p>\",\"parentId\":\"%s\",\"quote\":{\"postId\":\"%s\",\"text\":\"Olá\"}}"
                .formatted(w.firstPostA, w.firstPostA)),
        new Endpoint(
            f,
            "PUT",
            "/api/v1/posts/" + w.firstPostA,
            "{\"title\":\"Fio editado\",\"body\":\"<p>Editado</p>\"}"),
        new Endpoint(f, "PUT", "/api/v1/threads/" + w.threadA + "/pinned", "{\"value\":true}"),
        new Endpoint(f, "PUT", "/api/v1/posts/" + w.firstPostA + "/hidden", "{\"value\":true}"),
        new Endpoint(f, "PUT", "/api/v1/notifications/" + a, "{\"delivery\":\"daily_digest\"}"),
        new Endpoint(
            f,
            "POST",
            "/api/v1/resources",
            ("{\"communityId\":\"%s\",\"url\":\"https://example.org/plano\",\"title\":\"Plano\","
                    + "\"description\":\"Uma aula\",\"kind\":\"activity\",\"subjects\":[\"Ciências\"],"
                    + "\"cycles\":[\"1º ciclo\"],\"language\":\"pt\",\"licence\":\"cc_by\","
                    + "\"tags\":[\"frações\"],\"authors\":[\"Filipe\"],\"visibility\":\"site\"}")
                .formatted(a)),
        new Endpoint(
            f,
            "POST",
            "/api/v1/resources/" + w.resourceA + "/versions",
            "{\"url\":\"https://example.org/v2\",\"note\":\"Nova versão\"}"),
        new Endpoint(
            f, "POST", "/api/v1/resources/" + w.resourceA + "/comments", "{\"text\":\"Útil\"}"),
        new Endpoint(
            f, "POST", "/api/v1/resources/" + w.resourceA + "/uses", "{\"note\":\"Usei na aula\"}"),
        new Endpoint(f, "PUT", "/api/v1/resources/" + w.resourceA + "/rating", "{\"stars\":4}"),
        new Endpoint(
            f,
            "PUT",
            "/api/v1/resources/" + w.resourceA + "/visibility",
            "{\"visibility\":\"site\"}"),
        new Endpoint(
            f,
            "POST",
            "/api/v1/resources/" + w.resourceA + "/shares",
            "{\"communityId\":\"" + w.communityB + "\"}"),
        new Endpoint(
            f,
            "POST",
            "/api/v1/surveys",
            "{\"communityId\":\"%s\",\"title\":\"Inquérito\",\"items\":[\"Partilhamos práticas\",\"Confiamos\"]}"
                .formatted(a)),
        new Endpoint(
            f,
            "POST",
            "/api/v1/surveys/" + w.surveyA + "/rounds",
            "{\"opensAt\":\"2031-01-01T00:00:00Z\",\"closesAt\":\"2031-01-08T00:00:00Z\",\"minRespondents\":3}"),
        new Endpoint(
            w.otherMember,
            "POST",
            "/api/v1/surveys/" + w.surveyA + "/rounds/" + w.roundA + "/answers",
            "{\"agreements\":[4,4,4,3,5,2,4,4,1,5]}"),
        new Endpoint(
            f,
            "POST",
            "/api/v1/prompt-schedules",
            ("{\"communityId\":\"%s\",\"title\":\"T\",\"body\":\"<p>B</p>\",\"repeat\":\"weekly\","
                    + "\"firstDate\":\"2030-01-07\",\"localTime\":\"18:00\",\"timeZone\":\"Europe/Lisbon\","
                    + "\"openDays\":7,\"untilDate\":\"2030-06-01\",\"asksEvidence\":false,\"openNow\":false}")
                .formatted(a)),
        new Endpoint(
            f,
            "POST",
            "/api/v1/prompts/written",
            ("{\"communityId\":\"%s\",\"language\":\"pt\",\"characteristic\":\"deprivatised_practice\","
                    + "\"moment\":\"lesson_study_analyse\",\"title\":\"Obs\",\"text\":\"O que viu?\","
                    + "\"asksEvidence\":true}")
                .formatted(a)),
        new Endpoint(
            f,
            "POST",
            "/api/v1/prompts/written/" + w.writtenPromptA + "/shares",
            "{\"communityIds\":[\"" + w.communityB + "\"],\"all\":false}"),
        new Endpoint(
            w.member,
            "POST",
            "/api/v1/reflections",
            ("{\"threadId\":\"%s\",\"body\":\"Reflexão\",\"shared\":false,"
                    + "\"evidence\":{\"link\":\"https://example.org/e\"}}")
                .formatted(w.promptThreadA)),
        new Endpoint(
            f,
            "PUT",
            "/api/v1/reflections/" + w.reflectionB,
            "{\"body\":\"Mudado\",\"evidence\":{\"link\":\"https://example.org/e\"}}"),
        new Endpoint(f, "PUT", "/api/v1/me/language", "{\"language\":\"es\"}"),
        new Endpoint(
            f,
            "PUT",
            "/api/v1/courses/demo-rede-ciencias/settings",
            "{\"teachersMayStartCommunities\":false}"));
  }

  /** The training actions' endpoints with a body: Filipe trains action A, Gabriela is in it. */
  private List<Endpoint> trainingEndpoints() {
    String f = w.facilitator;
    String session =
        "{\"startsAt\":\"2027-01-10T17:00:00Z\",\"minutes\":60,\"mode\":\"online\","
            + "\"place\":\"Sala 2\",\"link\":\"https://meet.example.org/oficina\"}";
    return List.of(
        new Endpoint(
            f,
            "POST",
            "/api/v1/training-actions",
            ("{\"title\":\"Oficina\",\"modality\":\"course\",\"code\":\"ACC-123\","
                    + "\"jointHours\":25,\"autonomousHours\":25,\"startsOn\":\"2027-01-10\","
                    + "\"endsOn\":\"2027-03-20\",\"minimumAttendance\":{\"numerator\":2,\"denominator\":3},"
                    + "\"policy\":{\"scaleMin\":1,\"scaleMax\":10,\"decimals\":1,"
                    + "\"mentions\":[{\"name\":\"pass\",\"from\":1}],"
                    + "\"criteria\":[{\"name\":\"work\",\"weight\":100}]},"
                    + "\"trainerIds\":[\"d19\"],\"traineeIds\":[\"d18\"],\"communityId\":\"%s\"}")
                .formatted(w.communityA),
            Set.of(
                "jointHours as a fraction",
                "autonomousHours as a fraction",
                "policy.scaleMin as a fraction",
                "policy.scaleMax as a fraction")),
        new Endpoint(
            f,
            "POST",
            "/api/v1/training-actions/" + w.trainingA + "/trainees",
            "{\"userIds\":[\"d05\"]}"),
        new Endpoint(f, "POST", "/api/v1/training-actions/" + w.trainingA + "/sessions", session),
        new Endpoint(f, "PUT", "/api/v1/training-sessions/" + w.sessionLaterA, session),
        new Endpoint(
            f,
            "PUT",
            "/api/v1/training-sessions/" + w.sessionNowA + "/attendance/d08",
            "{\"status\":\"late\",\"lateMinutes\":10,\"note\":\"Chegou tarde\"}"),
        new Endpoint(
            w.member,
            "POST",
            "/api/v1/training-sessions/" + w.sessionNowA + "/check-in",
            "{\"code\":\"" + w.checkInCodeA + "\"}"),
        new Endpoint(
            f,
            "PUT",
            "/api/v1/training-actions/" + w.trainingA + "/grades/d08",
            "{\"marks\":{\"participation\":8.5,\"work\":9,\"final_reflection\":8},"
                + "\"comment\":\"Bom trabalho\",\"reason\":\"Revisto\"}",
            Set.of(
                "marks.participation as a fraction",
                "marks.work as a fraction",
                "marks.final_reflection as a fraction")),
        new Endpoint(
            w.member,
            "PUT",
            "/api/v1/training-actions/" + w.trainingA + "/final-reflection",
            "{\"body\":\"<p>Aprendi muito.</p>\"}"));
  }

  private void bodies(Endpoint e) throws IOException {
    String what = e.method() + " " + e.path() + " ";
    for (JsonMutations.Variant v : mutations.of(e.body())) {
      if (e.accepted().contains(v.what())) {
        continue;
      }
      fuzz.refused(what + v.what(), fuzz.json(e.actor(), e.method(), e.path(), v.body()));
    }
    for (JsonMutations.Variant v : JsonMutations.malformed(e.body())) {
      fuzz.refused(what + v.what(), fuzz.json(e.actor(), e.method(), e.path(), v.body()));
    }
    String huge = "{\"title\":\"" + "x".repeat(OVER_LIMIT) + "\"}";
    fuzz.refused(what + "over the body limit", fuzz.json(e.actor(), e.method(), e.path(), huge));
    fuzz.refused(
        what + "over the body limit, undeclared",
        fuzz.client.send(e.actor(), e.method(), e.path(), chunked(huge), true));
    fuzz.refused(
        what + "as text/plain",
        fuzz.typed(e.actor(), e.method(), e.path(), e.body(), "text/plain"));
    fuzz.refused(
        what + "as a form",
        fuzz.typed(
            e.actor(), e.method(), e.path(), "title=x", "application/x-www-form-urlencoded"));
    fuzz.refused(
        what + "without the pages' header",
        fuzz.client.send(
            e.actor(), e.method(), e.path(), RequestBody.create(e.body(), FuzzClient.JSON), false));
  }

  /** A body sent without its length, as a stream would. */
  static RequestBody chunked(String body) {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return FuzzClient.JSON;
      }

      @Override
      public long contentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
      }
    };
  }
}
