package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.testing.Clients;
import org.copconnector.connector.testing.CoursePeople;
import org.copconnector.plugin.community.GroupMirror;
import org.copconnector.plugin.people.PeopleStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Create and join over HTTP; the Moodle stand-in ends up with the community's group and members.
 */
class CommunityMirrorTest {

  @TempDir Path dataDir;
  private final OkHttpClient http = Clients.asTheUi();

  @Test
  void creatorAndJoinerBecomeMembersOfTheAnchorsMoodleGroup() throws Exception {
    try (FakeMoodle fake = new FakeMoodle().start()) {
      Map<String, String> env =
          Map.of(
              "COP_HTTP_HOST",
              "127.0.0.1",
              "COP_HTTP_PORT",
              "0",
              "COP_DATA_DIR",
              dataDir.toString(),
              "COP_MOODLE_URL",
              fake.urlString(),
              "COP_MOODLE_TOKEN",
              FakeMoodle.TOKEN);
      try (Connector connector =
          Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of())) {
        // Alice (facilitator) and Bob (member), as their launches from course 2 recorded them.
        CoursePeople course = new CoursePeople(connector.database().dataSource());
        // Alice's Moodle is in Portuguese: the group she makes is described in her language.
        new PeopleStore(connector.database().dataSource(), Clock.systemUTC())
            .languages()
            .rememberLaunch(null, "4", "pt_PT");
        String alice = course.facilitator("en");
        String bob = course.member("en");
        String base = "http://127.0.0.1:" + connector.port();

        String id;
        try (Response r =
            http.newCall(
                    new Request.Builder()
                        .url(base + "/api/v1/communities")
                        .header("Cookie", "cop_session=" + alice)
                        .post(
                            RequestBody.create(
                                "{\"name\":\"Chemistry lab\",\"domain\":\"Practical work\"}",
                                MediaType.get("application/json")))
                        .build())
                .execute()) {
          assertEquals(201, r.code());
          id = JsonParser.parseString(r.body().string()).getAsJsonObject().get("id").getAsString();
        }
        try (Response r =
            http.newCall(
                    new Request.Builder()
                        .url(base + "/api/v1/communities/" + id + "/join")
                        .header("Cookie", "cop_session=" + bob)
                        .post(RequestBody.create(new byte[0]))
                        .build())
                .execute()) {
          assertEquals(200, r.code());
        }

        long deadline = System.currentTimeMillis() + 20_000;
        List<FakeMoodleState.Group> groups = List.of();
        while (System.currentTimeMillis() < deadline) {
          groups =
              fake.state().groups.values().stream()
                  .filter(g -> g.idnumber().startsWith("cop-anchor-"))
                  .toList();
          if (groups.size() == 1 && fake.state().groupMembers.get(groups.get(0).id()).size() == 2) {
            break;
          }
          Thread.sleep(200);
        }
        assertEquals(1, groups.size(), "one group for the anchor");
        assertEquals("Chemistry lab", groups.get(0).name());
        assertEquals("Comunidade de prática", groups.get(0).description());
        assertEquals(2L, groups.get(0).courseId());
        assertEquals(Set.of(4L, 5L), fake.state().groupMembers.get(groups.get(0).id()));
        assertTrue(groups.get(0).idnumber().startsWith(GroupMirror.groupIdnumber("")));

        // The facilitator picks the forum; the one without groups carries a warning, and the
        // Announcements forum (1), where teachers cannot start discussions, is not offered.
        String forums;
        try (Response r =
            http.newCall(
                    new Request.Builder()
                        .url(base + "/api/v1/communities/" + id + "/courses/2/forums")
                        .header("Cookie", "cop_session=" + alice)
                        .build())
                .execute()) {
          assertEquals(200, r.code());
          forums = r.body().string();
        }
        var list = JsonParser.parseString(forums).getAsJsonArray();
        assertEquals(
            List.of("3", "4"),
            list.asList().stream().map(f -> f.getAsJsonObject().get("id").getAsString()).toList(),
            "the course's forums but its Announcements");
        var general =
            list.asList().stream()
                .map(e -> e.getAsJsonObject())
                .filter(f -> f.get("id").getAsString().equals("3"))
                .findFirst()
                .orElseThrow();
        var grouped =
            list.asList().stream()
                .map(e -> e.getAsJsonObject())
                .filter(f -> f.get("id").getAsString().equals("4"))
                .findFirst()
                .orElseThrow();
        assertTrue(general.get("warning").getAsString().contains("not in groups mode"));
        assertEquals(1, grouped.get("groupMode").getAsInt());
        assertTrue(!grouped.has("warning") || grouped.get("warning").isJsonNull());
        RequestBody choose =
            RequestBody.create("{\"forumId\":\"4\"}", MediaType.get("application/json"));
        try (Response r =
            http.newCall(
                    new Request.Builder()
                        .url(base + "/api/v1/communities/" + id + "/courses/2/forum")
                        .header("Cookie", "cop_session=" + bob)
                        .put(choose)
                        .build())
                .execute()) {
          assertEquals(403, r.code(), "members do not choose the forum");
        }
        try (Response r =
            http.newCall(
                    new Request.Builder()
                        .url(base + "/api/v1/communities/" + id + "/courses/2/forum")
                        .header("Cookie", "cop_session=" + alice)
                        .put(choose)
                        .build())
                .execute()) {
          assertEquals(200, r.code());
          assertTrue(
              JsonParser.parseString(r.body().string())
                  .getAsJsonObject()
                  .get("chosen")
                  .getAsBoolean());
        }
        try (Response r =
            http.newCall(
                    new Request.Builder()
                        .url(base + "/api/v1/communities/" + id + "/courses/2/forum")
                        .header("Cookie", "cop_session=" + alice)
                        .put(
                            RequestBody.create(
                                "{\"forumId\":\"999\"}", MediaType.get("application/json")))
                        .build())
                .execute()) {
          assertEquals(422, r.code());
        }
      }
    }
  }
}
