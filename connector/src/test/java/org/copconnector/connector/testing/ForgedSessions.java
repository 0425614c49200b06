package org.copconnector.connector.testing;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.RequestBody;

/** Requests with no session, a forged or altered one, or without the header the pages send. */
final class ForgedSessions {

  private final HostileFuzz fuzz;
  private final HostileWorld w;

  ForgedSessions(HostileFuzz fuzz) {
    this.fuzz = fuzz;
    this.w = fuzz.world;
  }

  void send() throws IOException {
    String valid = w.facilitator;
    Map<String, String> forged = new java.util.LinkedHashMap<>();
    byte[] random = new byte[32];
    for (int i = 0; i < 3; i++) {
      fuzz.random.nextBytes(random);
      forged.put("random " + i, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }
    char last = valid.charAt(valid.length() - 1);
    forged.put(
        "last letter changed", valid.substring(0, valid.length() - 1) + (last == 'A' ? 'B' : 'A'));
    forged.put("first letter dropped", valid.substring(1));
    forged.put("a letter added", valid + "A");
    forged.put("upper case", valid.toUpperCase(java.util.Locale.ROOT));
    forged.put("empty", "");
    forged.put("null", "null");
    forged.put("SQL", "' OR '1'='1' --");
    forged.put("a path", "../../../../etc/passwd");
    forged.put("NUL-prefixed", "%00" + valid);
    forged.put("40 times over", valid.repeat(40));
    forged.put("an unsigned JWT", "eyJhbGciOiJub25lIn0.eyJyb2xlIjoiQURNSU4iLCJzdWIiOiJkMDcifQ.");
    forged.values().forEach(fuzz::secret);
    String thread = "{\"communityId\":\"" + w.communityA + "\",\"title\":\"T\",\"body\":\"B\"}";
    for (Map.Entry<String, String> token : forged.entrySet()) {
      for (String[] call :
          List.of(
              new String[] {"GET", "/api/v1/hub", null},
              new String[] {"GET", "/api/v1/threads/" + w.threadA, null},
              new String[] {"POST", "/api/v1/threads", thread},
              new String[] {"POST", "/api/v1/communities/" + w.communityA + "/archive", null},
              new String[] {"GET", "/api/v1/admin/status", null})) {
        fuzz.refused(
            "session " + token.getKey() + " " + call[0] + " " + call[1],
            fuzz.json(token.getValue(), call[0], call[1], call[2]));
      }
    }
    for (String path : List.of("/api/v1/hub", "/api/v1/resources", "/api/v1/communities")) {
      fuzz.refused("no session GET " + path, fuzz.client.send(null, "GET", path, null, true));
    }
    fuzz.refused(
        "no session POST /api/v1/threads",
        fuzz.client.send(
            null, "POST", "/api/v1/threads", RequestBody.create(thread, FuzzClient.JSON), true));
    // A page elsewhere can make a browser send the cookie, never the header.
    for (String[] call :
        List.of(
            new String[] {"POST", "/api/v1/threads", thread},
            new String[] {"POST", "/api/v1/communities/" + w.communityA + "/archive", "{}"},
            new String[] {"DELETE", "/api/v1/communities/" + w.communityA + "/members/d08", null},
            new String[] {"PUT", "/api/v1/me/language", "{\"language\":\"es\"}"})) {
      fuzz.refused(
          "without the pages' header " + call[0] + " " + call[1],
          fuzz.client.send(
              valid,
              call[0],
              call[1],
              call[2] == null ? null : RequestBody.create(call[2], FuzzClient.JSON),
              false));
      fuzz.refused(
          "a wrong pages' header " + call[0] + " " + call[1],
          fuzz.client.send(
              valid,
              call[0],
              call[1],
              call[2] == null ? null : RequestBody.create(call[2], FuzzClient.JSON),
              false,
              Map.of("X-Requested-With", "XMLHttpRequest")));
    }
  }
}
