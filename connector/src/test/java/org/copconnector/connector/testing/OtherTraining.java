package org.copconnector.connector.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.copconnector.connector.testing.FuzzClient.Answer;

/**
 * Manuel's training action B, in a course that neither Gabriela (a trainee of action A) nor Filipe
 * (A's trainer) is in: every id of it, as either of them, must be a 404 as if it did not exist.
 * Gabriela with the trainers' tools of A is refused too, and Filipe cannot bring B's people or
 * community into A.
 */
final class OtherTraining {

  private final HostileFuzz fuzz;
  private final HostileWorld w;

  OtherTraining(HostileFuzz fuzz) {
    this.fuzz = fuzz;
    this.w = fuzz.world;
  }

  void send() throws IOException {
    for (String[] c : calls(w.trainingB, w.sessionB, "d14", w.checkInCodeB)) {
      hidden("Gabriela " + c[0] + " " + c[1], fuzz.json(w.member, c[0], c[1], c[2]));
      hidden("Filipe " + c[0] + " " + c[1], fuzz.json(w.facilitator, c[0], c[1], c[2]));
    }
    for (String[] c : calls(w.trainingA, w.sessionNowA, "d10", w.checkInCodeA)) {
      hidden("Manuel " + c[0] + " " + c[1], fuzz.json(w.otherTrainer, c[0], c[1], c[2]));
      if (!traineeMay(c[0], c[1])) {
        String what = "Gabriela " + c[0] + " " + c[1];
        Answer answer = fuzz.json(w.member, c[0], c[1], c[2]);
        fuzz.refused(what, answer);
        if (answer.status() != 403) {
          fuzz.problem(what + ": not a 403", answer);
        }
      }
    }
    String a = "/api/v1/training-actions/" + w.trainingA;
    String nowA = "/api/v1/training-sessions/" + w.sessionNowA;
    List<String[]> mixed =
        List.of(
            call(w.facilitator, "POST", a + "/trainees", "{\"userIds\":[\"d14\"]}"),
            call(w.facilitator, "PUT", nowA + "/attendance/d14", "{\"status\":\"present\"}"),
            call(w.facilitator, "DELETE", a + "/trainees/d14", null),
            call(
                w.facilitator, "POST", nowA + "/check-in", "{\"code\":\"" + w.checkInCodeA + "\"}"),
            call(
                w.facilitator,
                "POST",
                "/api/v1/training-actions",
                "{\"title\":\"T\",\"modality\":\"course\",\"jointHours\":1,\"communityId\":\""
                    + w.trainingCommunityB
                    + "\"}"),
            call(
                w.facilitator,
                "POST",
                "/api/v1/training-actions",
                "{\"title\":\"T\",\"modality\":\"course\",\"jointHours\":1,\"traineeIds\":[\"d14\"]}"),
            call(
                w.facilitator,
                "POST",
                "/api/v1/training-actions",
                "{\"title\":\"T\",\"modality\":\"course\",\"jointHours\":1,\"trainerIds\":[\"d13\"]}"),
            call(
                w.member,
                "POST",
                "/api/v1/training-sessions/" + w.sessionLaterA + "/check-in",
                "{\"code\":\"" + w.checkInCodeLaterA + "\"}"),
            call(
                w.member,
                "POST",
                "/api/v1/training-actions",
                "{\"title\":\"T\",\"modality\":\"course\",\"jointHours\":1}"),
            call(w.member, "PUT", nowA + "/attendance/d08", "{\"status\":\"present\"}"));
    for (String[] c : mixed) {
      fuzz.refused(c[1] + " " + c[2], fuzz.json(c[0], c[1], c[2], c[3]));
    }
    for (String course : List.of(HostileWorld.OTHER_COURSE, HostileWorld.COURSE)) {
      Answer listed = fuzz.json(w.member, "GET", "/api/v1/training-actions?course=" + course, null);
      if (listed.body().contains(w.trainingB)) {
        fuzz.problem("Gabriela lists action B in " + course, listed);
      }
    }
  }

  /** Every call on an action and its session, with a body the trainers' would take. */
  private static List<String[]> calls(String action, String session, String trainee, String code) {
    String a = "/api/v1/training-actions/" + action;
    String s = "/api/v1/training-sessions/" + session;
    String plan = "{\"startsAt\":\"2027-01-10T17:00:00Z\",\"minutes\":60}";
    List<String[]> calls = new ArrayList<>();
    calls.add(new String[] {"GET", a, null});
    calls.add(new String[] {"GET", a + "/attendance", null});
    calls.add(new String[] {"GET", a + "/calendar", null});
    calls.add(new String[] {"POST", a + "/trainees", "{\"userIds\":[\"d08\"]}"});
    calls.add(new String[] {"DELETE", a + "/trainees/" + trainee, null});
    calls.add(new String[] {"POST", a + "/sessions", plan});
    calls.add(new String[] {"POST", a + "/close", null});
    calls.add(new String[] {"PUT", s, plan});
    calls.add(new String[] {"POST", s + "/cancel", null});
    calls.add(new String[] {"GET", s + "/attendance", null});
    calls.add(new String[] {"PUT", s + "/attendance/" + trainee, "{\"status\":\"absent\"}"});
    calls.add(new String[] {"POST", s + "/attendance/all-present", null});
    calls.add(new String[] {"POST", s + "/check-in-code", null});
    calls.add(new String[] {"POST", s + "/check-in", "{\"code\":\"" + code + "\"}"});
    calls.add(new String[] {"PUT", a + "/final-reflection", "{\"body\":\"<p>R</p>\"}"});
    calls.add(new String[] {"GET", a + "/final-reflection", null});
    calls.add(new String[] {"GET", a + "/final-reflections", null});
    calls.add(
        new String[] {
          "PUT",
          a + "/grades/" + trainee,
          "{\"marks\":{\"participation\":8,\"work\":8,\"final_reflection\":8}}"
        });
    calls.add(new String[] {"GET", a + "/evaluation", null});
    calls.add(new String[] {"GET", a + "/dashboard", null});
    calls.add(new String[] {"GET", a + "/portfolios/" + trainee, null});
    for (String record :
        List.of(
            "attendance.csv",
            "evaluation.csv",
            "attendance.pdf",
            "evaluation.pdf",
            "certificate/" + trainee + ".pdf")) {
      calls.add(new String[] {"GET", a + "/records/" + record, null});
    }
    return calls;
  }

  /**
   * What a trainee may do in her own action: read it, her figures and grade, check in, hand in her
   * final reflection; not the trainers' dashboard nor another trainee's portfolio.
   */
  private static boolean traineeMay(String method, String path) {
    return method.equals("GET")
            && path.startsWith("/api/v1/training-actions/")
            && !path.endsWith("/dashboard")
            && !path.contains("/portfolios/")
        || path.endsWith("/check-in")
        || path.endsWith("/final-reflection");
  }

  /** Refused as if the action did not exist. */
  private void hidden(String what, Answer answer) {
    fuzz.refused(what, answer);
    if (answer.status() != 404) {
      fuzz.problem(what + ": not a 404", answer);
    }
  }

  private static String[] call(String actor, String method, String path, String body) {
    return new String[] {actor, method, path, body};
  }
}
