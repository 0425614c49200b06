package org.copconnector.connector.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.copconnector.plugin.session.ProductRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Communities into Moodle groups and discussions into each kind of Moodle forum, both ways, on the
 * real Moodle 4.5: what Moodle's own database holds after each step.
 */
@RealMoodle
class LabCommunityForumTest {

  private static final Duration DELIVERY = Duration.ofSeconds(60);

  private final MoodleLab lab = MoodleLab.get();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final long course = lab.courseId("SCI-COP");

  @TempDir Path dataDir;

  @Test
  void membersJoinLeaveAndAreApprovedIntoTheCommunitysGroupAcrossARestart() throws Exception {
    String name = "Leitura " + run;
    String community;
    long alice = lab.userId("teacher1");
    long bruno = lab.userId("teacher2");
    long carla = lab.userId("teacher3");
    try (LabConnector hub = LabConnector.start(lab, dataDir)) {
      hub.syncRoster(course);
      String aliceSession = hub.signIn("teacher1", course, ProductRole.FACILITATOR);
      community = create(hub, aliceSession, name, "request");
      hub.post(join(community), hub.signIn("teacher2", course, ProductRole.MEMBER), null, 200);
      hub.post(join(community), hub.signIn("teacher3", course, ProductRole.MEMBER), null, 200);
      hub.awaitDelivered(DELIVERY);
      assertEquals(Set.of(alice), members(groupOf(name)), "requests wait for approval");
      hub.post(approve(community, bruno), aliceSession, null, 200);
      hub.post(approve(community, carla), aliceSession, null, 200);
      hub.awaitDelivered(DELIVERY);
      assertEquals(Set.of(alice, bruno, carla), members(groupOf(name)));
      hub.post(
          "/api/v1/communities/" + community + "/leave",
          hub.signIn("teacher3", course, ProductRole.MEMBER),
          null,
          204);
      hub.awaitDelivered(DELIVERY);
      assertEquals(Set.of(alice, bruno), members(groupOf(name)), "Carla left");
    }
    try (LabConnector hub = LabConnector.start(lab, dataDir)) {
      String aliceSession = hub.signIn("teacher1", course, ProductRole.FACILITATOR);
      hub.post(join(community), hub.signIn("teacher3", course, ProductRole.MEMBER), null, 200);
      hub.post(approve(community, carla), aliceSession, null, 200);
      hub.awaitDelivered(DELIVERY);
      assertEquals(
          Set.of(alice, bruno, carla), members(groupOf(name)), "after a restart, the same group");

      // Two more communities of the same name: Moodle wants group names unique per course.
      create(hub, aliceSession, name, "open");
      create(hub, aliceSession, name, "open");
      hub.awaitDelivered(DELIVERY);
      assertEquals(
          Set.of(name, name + " (CoP)", name + " (CoP 2)"),
          new TreeSet<>(
              lab
                  .query(
                      "SELECT name FROM mdl_groups WHERE courseid = ? AND name LIKE ?",
                      course,
                      name + "%")
                  .stream()
                  .map(r -> (String) r.get("name"))
                  .toList()));
    }
  }

  @Test
  void threadsAndRepliesReachEachKindOfForumAndMoodleRepliesComeBackOnce() throws Exception {
    long separate = lab.forumId("SCI-COP", 1);
    long visible = lab.forumId("SCI-COP", 2);
    long noGroups = lab.forumId("SCI-COP", 0);
    try (LabConnector hub = LabConnector.start(lab, dataDir)) {
      hub.syncRoster(course);
      String alice = hub.signIn("teacher1", course, ProductRole.FACILITATOR);
      String bruno = hub.signIn("teacher2", course, ProductRole.MEMBER);
      String inSeparate = create(hub, alice, "Avaliação " + run, "open");
      String inVisible = create(hub, alice, "Projetos " + run, "open");
      String inWhole = create(hub, alice, "Curso inteiro " + run, "open");
      hub.post(join(inSeparate), bruno, null, 200);
      hub.send(
          "PUT",
          "/api/v1/notifications/" + inSeparate,
          alice,
          "{\"delivery\":\"every_post\"}",
          200);

      JsonArray offered =
          hub.send(
                  "GET",
                  "/api/v1/communities/" + inSeparate + "/courses/" + course + "/forums",
                  alice,
                  null,
                  200)
              .getAsJsonArray();
      List<Long> offeredIds = new ArrayList<>();
      offered.forEach(f -> offeredIds.add(f.getAsJsonObject().get("id").getAsLong()));
      assertEquals(List.of(noGroups, separate, visible), offeredIds, "no Announcements forum");

      chooseForum(hub, alice, inSeparate, separate);
      chooseForum(hub, alice, inVisible, visible);
      chooseForum(hub, alice, inWhole, noGroups);

      String rubric = "Rubrica " + run;
      String thread = startThread(hub, alice, inSeparate, rubric, "Proposta de rubrica " + run);
      reply(hub, bruno, thread, "Concordo com os critérios " + run);
      startThread(hub, alice, inVisible, "Feira " + run, "Ideias para a feira " + run);
      startThread(hub, alice, inWhole, "Boas-vindas " + run, "Olá a todos " + run);
      hub.awaitDelivered(DELIVERY);

      Map<String, Object> discussion = discussion(separate, rubric);
      assertEquals(
          ((Number) groupOf("Avaliação " + run).get("id")).longValue(),
          ((Number) discussion.get("groupid")).longValue(),
          "in the community's group");
      assertEquals(1, postsWith(separate, "Proposta de rubrica " + run));
      assertEquals(1, postsWith(separate, "Concordo com os critérios " + run));
      assertEquals(
          ((Number) groupOf("Projetos " + run).get("id")).longValue(),
          ((Number) discussion(visible, "Feira " + run).get("groupid")).longValue());
      assertEquals(
          -1L,
          ((Number) discussion(noGroups, "Boas-vindas " + run).get("groupid")).longValue(),
          "a forum without groups files it for all participants");

      // Bruno answers in Moodle itself, as himself.
      lab.call(
          lab.userToken("teacher2"),
          "mod_forum_add_discussion_post",
          "postid",
          discussion.get("firstpost").toString(),
          "subject",
          "Re: " + rubric,
          "message",
          "<p>Escrevi no Moodle " + run + "</p>");
      // Carla starts a discussion in the forum without groups, in Moodle.
      lab.call(
          lab.userToken("teacher3"),
          "mod_forum_add_discussion",
          "forumid",
          Long.toString(noGroups),
          "subject",
          "Pergunta do Moodle " + run,
          "message",
          "<p>Alguém usa portefólios? " + run + "</p>");

      hub.importForums(course);
      hub.importForums(course);
      hub.awaitDelivered(DELIVERY);

      List<String> bodies = bodies(hub, alice, thread);
      assertEquals(
          1,
          bodies.stream().filter(b -> b.contains("Escrevi no Moodle " + run)).count(),
          "the Moodle reply arrives once: " + bodies);
      assertEquals(3, bodies.size(), bodies.toString());
      assertEquals(1, postsWith(separate, "Escrevi no Moodle " + run), "no echo into Moodle");
      assertEquals(1, postsWith(separate, "Concordo com os critérios " + run));

      // Alice asked to hear of every post: Bruno's reply reaches her in Moodle's messages.
      assertTrue(
          lab.count(
                  "SELECT COUNT(*) FROM mdl_messages m JOIN mdl_message_conversation_members cm"
                      + " ON cm.conversationid = m.conversationid AND cm.userid = ?"
                      + " WHERE m.useridfrom <> ? AND m.fullmessage LIKE ?",
                  lab.userId("teacher1"),
                  lab.userId("teacher1"),
                  "%" + rubric + "%")
              >= 1,
          "Alice is told of Bruno's reply in Moodle");

      List<String> titles = threadTitles(hub, alice, inWhole);
      assertTrue(
          titles.contains("Pergunta do Moodle " + run),
          "a discussion of the forum without groups arrives: " + titles);
      assertFalse(
          threadTitles(hub, alice, inSeparate).contains("Pergunta do Moodle " + run),
          "and only in its community");
      assertEquals(1, postsWith(noGroups, "Alguém usa portefólios? " + run), "no echo");
    }
  }

  private String create(LabConnector hub, String session, String name, String joining) {
    return hub.createCommunity(session, name, joining, course);
  }

  private static String join(String community) {
    return "/api/v1/communities/" + community + "/join";
  }

  private static String approve(String community, long userId) {
    return "/api/v1/communities/" + community + "/requests/" + userId + "/approve";
  }

  private void chooseForum(LabConnector hub, String session, String community, long forum) {
    hub.chooseForum(session, community, course, forum);
  }

  private static String startThread(
      LabConnector hub, String session, String community, String title, String text) {
    return hub.startThread(session, community, title, text);
  }

  private static void reply(LabConnector hub, String session, String thread, String text) {
    hub.reply(session, thread, text);
  }

  private static List<String> bodies(LabConnector hub, String session, String thread) {
    List<String> bodies = new ArrayList<>();
    for (JsonElement p :
        hub.send("GET", "/api/v1/threads/" + thread, session, null, 200)
            .getAsJsonObject()
            .getAsJsonArray("posts")) {
      bodies.add(p.getAsJsonObject().get("body").getAsString());
    }
    return bodies;
  }

  private static List<String> threadTitles(LabConnector hub, String session, String community) {
    List<String> titles = new ArrayList<>();
    for (JsonElement t :
        hub.send("GET", "/api/v1/threads?community=" + community, session, null, 200)
            .getAsJsonObject()
            .getAsJsonArray("threads")) {
      JsonObject listed = t.getAsJsonObject();
      JsonObject thread = listed.has("thread") ? listed.getAsJsonObject("thread") : listed;
      titles.add(thread.get("title").getAsString());
    }
    return titles;
  }

  private Map<String, Object> groupOf(String name) {
    List<Map<String, Object>> rows =
        lab.query(
            "SELECT id, idnumber FROM mdl_groups WHERE courseid = ? AND name = ?", course, name);
    assertEquals(1, rows.size(), "one group named " + name);
    assertTrue(((String) rows.get(0).get("idnumber")).startsWith("cop-anchor-"));
    return rows.get(0);
  }

  private Set<Long> members(Map<String, Object> group) {
    Set<Long> members = new TreeSet<>();
    for (Map<String, Object> row :
        lab.query("SELECT userid FROM mdl_groups_members WHERE groupid = ?", group.get("id"))) {
      members.add(((Number) row.get("userid")).longValue());
    }
    return members;
  }

  private Map<String, Object> discussion(long forum, String name) {
    List<Map<String, Object>> rows =
        lab.query(
            "SELECT id, groupid, firstpost FROM mdl_forum_discussions WHERE forum = ? AND name = ?",
            forum,
            name);
    assertEquals(1, rows.size(), "one discussion " + name + " in forum " + forum);
    return rows.get(0);
  }

  private long postsWith(long forum, String text) {
    return lab.count(
        "SELECT COUNT(*) FROM mdl_forum_posts p JOIN mdl_forum_discussions d ON d.id = p.discussion"
            + " WHERE d.forum = ? AND p.message LIKE ?",
        forum,
        "%" + text + "%");
  }
}
