package org.copconnector.connector.testing;

import java.io.IOException;
import java.util.List;

/**
 * Gabriela, a member of community A, with the ids of community B (closed to her) and with the
 * facilitators' tools of A.
 */
final class OtherCommunity {

  private final HostileFuzz fuzz;
  private final HostileWorld w;

  OtherCommunity(HostileFuzz fuzz) {
    this.fuzz = fuzz;
    this.w = fuzz.world;
  }

  void send() throws IOException {
    String b = w.communityB;
    String a = w.communityA;
    String round = "/api/v1/surveys/" + w.surveyB + "/rounds/" + w.roundB;
    List<String[]> calls =
        List.of(
            call("GET", "/api/v1/threads?community=" + b, null),
            call("GET", "/api/v1/threads/" + w.threadB, null),
            call("GET", "/api/v1/posts/" + w.firstPostB + "/history", null),
            call("POST", "/api/v1/threads", thread(b)),
            call("POST", "/api/v1/threads/" + w.threadB + "/posts", "{\"body\":\"<p>Olá</p>\"}"),
            call(
                "POST",
                "/api/v1/threads/" + w.threadA + "/posts",
                "{\"body\":\"<p>x</p>\",\"parentId\":\"" + w.firstPostB + "\"}"),
            call(
                "POST",
                "/api/v1/threads/" + w.threadA + "/posts",
                "{\"body\":\"<p>x</p>\",\"quote\":{\"postId\":\""
                    + w.firstPostB
                    + "\",\"text\":\"Olá\"}}"),
            call("PUT", "/api/v1/posts/" + w.firstPostB, "{\"body\":\"<p>mine now</p>\"}"),
            call("PUT", "/api/v1/posts/" + w.firstPostA, "{\"body\":\"<p>mine now</p>\"}"),
            call("PUT", "/api/v1/threads/" + w.threadB + "/pinned", "{\"value\":true}"),
            call("PUT", "/api/v1/threads/" + w.threadA + "/pinned", "{\"value\":true}"),
            call("PUT", "/api/v1/posts/" + w.firstPostB + "/hidden", "{\"value\":true}"),
            call("PUT", "/api/v1/posts/" + w.firstPostA + "/hidden", "{\"value\":true}"),
            call("PUT", "/api/v1/posts/" + w.firstPostB + "/helped", "{\"value\":true}"),
            call("PUT", "/api/v1/notifications/" + b, "{\"delivery\":\"every_post\"}"),
            call("PUT", "/api/v1/communities/" + b, "{\"name\":\"Minha\",\"domain\":\"x\"}"),
            call("PUT", "/api/v1/communities/" + a, "{\"name\":\"Minha\",\"domain\":\"x\"}"),
            call("POST", "/api/v1/communities/" + b + "/join", null),
            call("POST", "/api/v1/communities/" + b + "/invitations", "{\"userId\":\"d08\"}"),
            call("POST", "/api/v1/communities/" + a + "/invitations", "{\"userId\":\"d01\"}"),
            call("POST", "/api/v1/communities/" + b + "/requests/d08/approve", null),
            call(
                "PUT",
                "/api/v1/communities/" + a + "/members/d08/role",
                "{\"role\":\"facilitator\"}"),
            call(
                "PUT",
                "/api/v1/communities/" + b + "/members/d08/role",
                "{\"role\":\"facilitator\"}"),
            call("DELETE", "/api/v1/communities/" + a + "/members/d07", null),
            call("DELETE", "/api/v1/communities/" + b + "/members/d07", null),
            call("POST", "/api/v1/communities/" + a + "/archive", null),
            call("POST", "/api/v1/communities/" + b + "/archive", null),
            call("GET", "/api/v1/communities/" + b + "/candidates?q=a", null),
            call("GET", "/api/v1/resources/" + w.resourceB, null),
            call("GET", "/api/v1/resources/" + w.resourceB + "/versions/1/file", null),
            call("GET", "/api/v1/resources/export?community=" + b, null),
            call("POST", "/api/v1/resources", resource(b)),
            call("POST", "/api/v1/resources/" + w.resourceB + "/comments", "{\"text\":\"x\"}"),
            call("POST", "/api/v1/resources/" + w.resourceB + "/uses", "{\"note\":\"x\"}"),
            call("PUT", "/api/v1/resources/" + w.resourceB + "/rating", "{\"stars\":1}"),
            call(
                "PUT",
                "/api/v1/resources/" + w.resourceB + "/visibility",
                "{\"visibility\":\"site\"}"),
            call(
                "PUT",
                "/api/v1/resources/" + w.resourceA + "/visibility",
                "{\"visibility\":\"site\"}"),
            call(
                "POST",
                "/api/v1/resources/" + w.resourceB + "/versions",
                "{\"url\":\"https://example.org/evil\"}"),
            call(
                "POST",
                "/api/v1/resources/" + w.resourceA + "/versions",
                "{\"url\":\"https://example.org/evil\"}"),
            call(
                "POST",
                "/api/v1/resources/" + w.resourceA + "/shares",
                "{\"communityId\":\"" + b + "\"}"),
            call("POST", "/api/v1/resources/" + w.resourceB + "/forum-posts", null),
            call("GET", "/api/v1/surveys?community=" + b, null),
            call("GET", "/api/v1/surveys/" + w.surveyB, null),
            call(
                "POST",
                "/api/v1/surveys",
                "{\"communityId\":\"" + b + "\",\"template\":\"mirror\"}"),
            call(
                "POST",
                "/api/v1/surveys/" + w.surveyB + "/rounds",
                "{\"opensAt\":\"2031-01-01T00:00:00Z\",\"closesAt\":\"2031-01-08T00:00:00Z\"}"),
            call("POST", round + "/answers", "{\"agreements\":[5,5,5,5,5,5,5,5,5,5]}"),
            call(
                "POST",
                "/api/v1/surveys/" + w.surveyA + "/rounds/" + w.roundB + "/answers",
                "{\"agreements\":[5,5,5,5,5,5,5,5,5,5]}"),
            call("GET", round + "/report", null),
            call("GET", round + "/report.csv", null),
            call("GET", round + "/items/1/chart.svg", null),
            call("GET", "/api/v1/prompt-schedules?community=" + b, null),
            call("GET", "/api/v1/prompt-schedules/dialogue?community=" + b, null),
            call("POST", "/api/v1/prompt-schedules/" + w.scheduleB + "/stop", null),
            call("POST", "/api/v1/prompt-schedules/" + w.scheduleA + "/stop", null),
            call("POST", "/api/v1/prompt-schedules", schedule(b)),
            call("GET", "/api/v1/prompt-openings/" + w.promptThreadB, null),
            call("GET", "/api/v1/prompt-openings/" + w.promptThreadB + "/opening", null),
            call("GET", "/api/v1/prompts/written?community=" + b, null),
            call(
                "POST",
                "/api/v1/prompts/written/" + w.writtenPromptA + "/shares",
                "{\"communityIds\":[\"" + b + "\"]}"),
            call(
                "POST",
                "/api/v1/reflections",
                "{\"threadId\":\"" + w.promptThreadB + "\",\"body\":\"x\"}"),
            call("PUT", "/api/v1/reflections/" + w.reflectionB, "{\"body\":\"x\"}"),
            call("DELETE", "/api/v1/reflections/" + w.reflectionB, null),
            call("POST", "/api/v1/reflections/" + w.reflectionB + "/share", null),
            call("GET", "/api/v1/admin/status", null),
            call("GET", "/api/v1/admin/outbox", null),
            call("POST", "/api/v1/admin/outbox/1/retry", null),
            call(
                "PUT",
                "/api/v1/courses/demo-rede-ciencias/settings",
                "{\"teachersMayStartCommunities\":true}"));
    for (String[] c : calls) {
      fuzz.refused("Gabriela " + c[0] + " " + c[1], fuzz.json(w.member, c[0], c[1], c[2]));
    }
  }

  private static String[] call(String method, String path, String body) {
    return new String[] {method, path, body};
  }

  private static String thread(String community) {
    return "{\"communityId\":\"" + community + "\",\"title\":\"T\",\"body\":\"<p>B</p>\"}";
  }

  private static String resource(String community) {
    return "{\"communityId\":\""
        + community
        + "\",\"url\":\"https://example.org/x\",\"title\":\"T\"}";
  }

  private static String schedule(String community) {
    return "{\"communityId\":\""
        + community
        + "\",\"title\":\"T\",\"body\":\"<p>B</p>\",\"openNow\":true}";
  }
}
