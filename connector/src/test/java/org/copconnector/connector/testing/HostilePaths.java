package org.copconnector.connector.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Paths and queries an attacker writes by hand: broken percent-encoding, climbing folders, numbers
 * and pages out of range, over-long searches, unknown paths, methods and media types.
 */
final class HostilePaths {

  private final HostileFuzz fuzz;
  private final HostileWorld w;

  HostilePaths(HostileFuzz fuzz) {
    this.fuzz = fuzz;
    this.w = fuzz.world;
  }

  void send() throws IOException {
    String session = w.facilitator;
    String a = w.communityA;
    List<String> raw =
        List.of(
            "/api/v1/communities/%zz",
            "/api/v1/communities/%E0%A4%A",
            "/api/v1/communities/%",
            "/api/v1/threads?community=%zz",
            "/api/v1/resources?q=%E0%A4%A",
            "/api/v1/threads/..%2f..%2f..%2fetc%2fpasswd",
            "/api/v1/threads/%2e%2e/%2e%2e/admin/status",
            "/api/v1/communities/" + a + "%00",
            "/api/v1/resources/%c0%ae%c0%ae/versions/1/file");
    for (String path : raw) {
      fuzz.refused(
          "raw GET " + path,
          fuzz.client.raw(
              "GET " + path + " HTTP/1.1\r\nCookie: cop_session=" + session, new byte[0]));
    }
    List<String> paths =
        List.of(
            "/api/v1/resources?page=99999999999",
            "/api/v1/resources?page=-1",
            "/api/v1/resources?page=1e3",
            "/api/v1/resources?sort=1;DROP TABLE resource",
            "/api/v1/resources?q=" + "a".repeat(5000),
            "/api/v1/threads?community=" + a + "&page=99999999999",
            "/api/v1/threads?community=" + a + "&page=NaN",
            "/api/v1/threads",
            "/api/v1/communities?q=" + "%27%20OR%201%3D1%20--".repeat(40),
            "/api/v1/communities/" + a + "/candidates?q=" + "x".repeat(500),
            "/api/v1/communities/' OR '1'='1",
            "/api/v1/communities/" + "9".repeat(4000),
            "/api/v1/resources/" + w.resourceA + "/versions/99999999999/file",
            "/api/v1/resources/" + w.resourceA + "/versions/-1/file",
            "/api/v1/resources/" + w.resourceA + "/versions/x/file",
            "/api/v1/surveys/" + w.surveyA + "/rounds/" + w.roundA + "/items/99999999999/chart.svg",
            "/api/v1/surveys/" + w.surveyA + "/rounds/nope/report",
            "/api/v1/prompt-openings/nope",
            "/api/v1/resources/export",
            "/api/v1/resources/export?community=",
            "/api/v1/admin/outbox?status=<script>",
            "/api/v1/no-such-thing",
            "/api/v2/communities",
            "/api/v1/../../../etc/passwd");
    for (String path : paths) {
      fuzz.refused("GET " + path, fuzz.json(session, "GET", path, null));
    }
    fuzz.refused("DELETE a collection", fuzz.json(session, "DELETE", "/api/v1/communities", null));
    fuzz.refused(
        "PATCH a community", fuzz.json(session, "PATCH", "/api/v1/communities/" + a, "{}"));
    fuzz.refused(
        "asks for XML",
        fuzz.client.send(
            session, "GET", "/api/v1/hub", null, true, Map.of("Accept", "application/xml")));
    fuzz.refused(
        "a path of 20,000 characters",
        fuzz.json(session, "GET", "/api/v1/communities/" + "a".repeat(20_000), null));
    fuzz.refused(
        "a header of 20,000 characters",
        fuzz.client.send(
            session, "GET", "/api/v1/hub", null, true, Map.of("X-Padding", "a".repeat(20_000))));
    fuzz.refused(
        "a Content-Length that is not a number",
        fuzz.client.rawHead(
            "POST /api/v1/threads HTTP/1.1\r\nCookie: cop_session="
                + session
                + "\r\nX-Requested-With: cop-connector\r\nContent-Type: application/json\r\n"
                + "Content-Length: 12abc"));
    fuzz.refused(
        "a body declared 10 GiB",
        fuzz.client.rawHead(
            "POST /api/v1/threads HTTP/1.1\r\nCookie: cop_session="
                + session
                + "\r\nX-Requested-With: cop-connector\r\nContent-Type: application/json\r\n"
                + "Content-Length: 10737418240"));
  }
}
