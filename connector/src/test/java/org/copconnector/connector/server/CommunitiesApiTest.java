package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Communities and voluntary membership over HTTP, with every role's rights checked (demo schools).
 */
class CommunitiesApiTest {

  private static final String NETWORK = "demo-rede-ciencias";

  @TempDir Path dataDir;
  private DemoHub hub;
  private String filipe; // facilitator (editing teacher) of the network course
  private String gabriela; // member
  private String ines; // member
  private String rui; // administrator

  @BeforeEach
  void start() throws Exception {
    hub = DemoHub.start(dataDir, Map.of());
    filipe = enter("d07");
    gabriela = enter("d08");
    ines = enter("d10");
    rui = enter("d01");
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private String enter(String person) throws IOException {
    return hub.enter(person, NETWORK);
  }

  private Answer call(String session, String method, String path, String body) throws IOException {
    return hub.call(session, method, path, body);
  }

  private String create(String joining) throws IOException {
    Answer created =
        call(
            filipe,
            "POST",
            "/api/v1/communities",
            """
        {"name":"Laboratório aberto 🔬","domain":"Trabalho experimental no 3.º ciclo — عربي",
         "profile":{"cycles":["3.º ciclo"],"subjects":["Ciências Naturais","Físico-Química"],"sharing":"both",
                    "framework":"informal","context":"network","focus":["avaliação","trabalho prático"]},
         "joining":"%s"}"""
                .formatted(joining));
    assertEquals(201, created.status(), String.valueOf(created.json()));
    return created.object().get("id").getAsString();
  }

  @Test
  void aFacilitatorStartsACommunityThatColleaguesFindAndJoin() throws Exception {
    String id = create("open");
    Answer details = call(gabriela, "GET", "/api/v1/communities/" + id, null);
    assertEquals(
        "Laboratório aberto 🔬",
        details.object().getAsJsonObject("community").get("name").getAsString());
    assertEquals(
        "Trabalho experimental no 3.º ciclo — عربي",
        details.object().getAsJsonObject("community").get("domain").getAsString());
    assertTrue(details.object().get("members") == null, "non-members do not see the member list");

    assertEquals(
        1,
        call(
                gabriela,
                "GET",
                "/api/v1/communities?q=experimental&subject=F%C3%ADsico-Qu%C3%ADmica",
                null)
            .json()
            .getAsJsonArray()
            .size());
    assertEquals(
        0,
        call(gabriela, "GET", "/api/v1/communities?cycle=1.%C2%BA%20ciclo", null)
            .json()
            .getAsJsonArray()
            .size());

    Answer joined = call(gabriela, "POST", "/api/v1/communities/" + id + "/join", null);
    assertEquals("active", joined.object().get("status").getAsString());
    JsonObject hub = call(gabriela, "GET", "/api/v1/hub", null).object();
    JsonArray cards = hub.getAsJsonArray("communities");
    assertEquals(1, cards.size());
    assertEquals(2, cards.get(0).getAsJsonObject().get("members").getAsInt());
    JsonObject outbox = call(rui, "GET", "/api/v1/admin/outbox?status=PENDING", null).object();
    assertTrue(
        outbox.get("pending").getAsInt() + outbox.get("delivered").getAsInt() >= 2,
        "creator and joiner mirrored into the group");
  }

  @Test
  void onlyFacilitatorsAndAdministratorsStartCommunities() throws Exception {
    assertEquals(
        403,
        call(gabriela, "POST", "/api/v1/communities", "{\"name\":\"Mine\",\"domain\":\"x\"}")
            .status());
    assertEquals(
        201,
        call(rui, "POST", "/api/v1/communities", "{\"name\":\"Admin's\",\"domain\":\"x\"}")
            .status());
  }

  @Test
  void badInputIsRefusedAndNothingIsStored() throws Exception {
    assertEquals(
        422,
        call(
                filipe,
                "POST",
                "/api/v1/communities",
                "{\"name\":\"" + "x".repeat(121) + "\",\"domain\":\"d\"}")
            .status());
    assertEquals(
        422,
        call(
                filipe,
                "POST",
                "/api/v1/communities",
                "{\"name\":\"Ok name\",\"domain\":\"d\",\"colour\":\"red\"}")
            .status());
    assertEquals(
        422,
        call(
                filipe,
                "POST",
                "/api/v1/communities",
                "{\"name\":\"Ok name\",\"domain\":\"d\",\"joining\":\"secret\"}")
            .status());
    assertEquals(
        403,
        call(
                filipe,
                "POST",
                "/api/v1/communities",
                "{\"name\":\"Ok name\",\"domain\":\"d\",\"courseIds\":[\"demo-lin-serra\"]}")
            .status());
    assertEquals(
        0, call(filipe, "GET", "/api/v1/communities", null).json().getAsJsonArray().size());
  }

  @Test
  void joiningByRequestNeedsAFacilitatorsApproval() throws Exception {
    String id = create("request");
    assertEquals(
        "requested",
        call(ines, "POST", "/api/v1/communities/" + id + "/join", null)
            .object()
            .get("status")
            .getAsString());
    assertEquals(
        403,
        call(gabriela, "POST", "/api/v1/communities/" + id + "/requests/d10/approve", null)
            .status());
    assertEquals(
        403,
        call(ines, "POST", "/api/v1/communities/" + id + "/requests/d10/approve", null).status());
    assertEquals(
        "active",
        call(filipe, "POST", "/api/v1/communities/" + id + "/requests/d10/approve", null)
            .object()
            .get("status")
            .getAsString());
    assertEquals(
        2,
        call(ines, "GET", "/api/v1/communities/" + id, null)
            .object()
            .getAsJsonArray("members")
            .size());
  }

  @Test
  void invitationOnlyCommunitiesTakeInvitedColleagues() throws Exception {
    String id = create("invitation");
    assertEquals(403, call(gabriela, "POST", "/api/v1/communities/" + id + "/join", null).status());
    assertEquals(
        403,
        call(ines, "POST", "/api/v1/communities/" + id + "/invitations", "{\"userId\":\"d08\"}")
            .status());
    assertEquals(
        422,
        call(filipe, "POST", "/api/v1/communities/" + id + "/invitations", "{\"userId\":\"d13\"}")
            .status());
    assertEquals(
        "invited",
        call(filipe, "POST", "/api/v1/communities/" + id + "/invitations", "{\"userId\":\"d08\"}")
            .object()
            .get("status")
            .getAsString());
    assertEquals(
        "active",
        call(gabriela, "POST", "/api/v1/communities/" + id + "/join", null)
            .object()
            .get("status")
            .getAsString());
  }

  @Test
  void aCommunityAlwaysKeepsAFacilitator() throws Exception {
    String id = create("open");
    call(gabriela, "POST", "/api/v1/communities/" + id + "/join", null);
    assertEquals(409, call(filipe, "POST", "/api/v1/communities/" + id + "/leave", null).status());
    assertEquals(
        403,
        call(
                gabriela,
                "PUT",
                "/api/v1/communities/" + id + "/members/d08/role",
                "{\"role\":\"facilitator\"}")
            .status());
    assertEquals(
        "facilitator",
        call(
                filipe,
                "PUT",
                "/api/v1/communities/" + id + "/members/d08/role",
                "{\"role\":\"facilitator\"}")
            .object()
            .get("role")
            .getAsString());
    assertEquals(204, call(filipe, "POST", "/api/v1/communities/" + id + "/leave", null).status());
    assertEquals(
        409,
        call(
                gabriela,
                "PUT",
                "/api/v1/communities/" + id + "/members/d08/role",
                "{\"role\":\"member\"}")
            .status());
  }

  @Test
  void onlyFacilitatorsRemoveMembersAndArchive() throws Exception {
    String id = create("open");
    call(gabriela, "POST", "/api/v1/communities/" + id + "/join", null);
    call(ines, "POST", "/api/v1/communities/" + id + "/join", null);
    assertEquals(
        403, call(ines, "DELETE", "/api/v1/communities/" + id + "/members/d08", null).status());
    assertEquals(403, call(ines, "POST", "/api/v1/communities/" + id + "/archive", null).status());
    assertEquals(
        204, call(filipe, "DELETE", "/api/v1/communities/" + id + "/members/d08", null).status());
    assertEquals(200, call(rui, "POST", "/api/v1/communities/" + id + "/archive", null).status());
    assertEquals(
        0,
        call(ines, "GET", "/api/v1/communities", null).json().getAsJsonArray().size(),
        "archived: hidden from members");
    assertEquals(
        1,
        call(filipe, "GET", "/api/v1/communities", null).json().getAsJsonArray().size(),
        "but not from its facilitator");
    assertEquals(409, call(gabriela, "POST", "/api/v1/communities/" + id + "/join", null).status());
    assertEquals(
        200, call(filipe, "POST", "/api/v1/communities/" + id + "/restore", null).status());
    assertEquals(1, call(ines, "GET", "/api/v1/communities", null).json().getAsJsonArray().size());
  }

  @Test
  void itsFacilitatorsEditTheCommunityWithTheChecksOfItsStart() throws Exception {
    String id = create("open");
    call(gabriela, "POST", "/api/v1/communities/" + id + "/join", null);
    String edit =
        """
        {"name":"Laboratório de avaliação","domain":"Avaliar o trabalho prático",
         "profile":{"cycles":["secundário"],"subjects":["Biologia"],"sharing":"online",
                    "framework":"project","context":"one_school","focus":["rubricas"]},
         "joining":"request"}""";
    assertEquals(403, call(gabriela, "PUT", "/api/v1/communities/" + id, edit).status());
    Answer tooShort =
        call(
            filipe,
            "PUT",
            "/api/v1/communities/" + id,
            edit.replace("Laboratório de avaliação", "L"));
    assertEquals(422, tooShort.status());
    assertEquals("name", tooShort.object().getAsJsonObject("details").get("field").getAsString());
    Answer comma =
        call(filipe, "PUT", "/api/v1/communities/" + id, edit.replace("\"Biologia\"", "\"a,b\""));
    assertEquals(422, comma.status());
    assertEquals(
        "profile.subjects", comma.object().getAsJsonObject("details").get("field").getAsString());
    assertEquals(
        422,
        call(filipe, "PUT", "/api/v1/communities/" + id, edit.replace("\"online\"", "\"often\""))
            .status());
    JsonObject unchanged =
        call(gabriela, "GET", "/api/v1/communities/" + id, null)
            .object()
            .getAsJsonObject("community");
    assertEquals("Laboratório aberto 🔬", unchanged.get("name").getAsString(), "nothing stored");
    assertEquals("both", unchanged.getAsJsonObject("profile").get("sharing").getAsString());

    Answer edited = call(filipe, "PUT", "/api/v1/communities/" + id, edit);
    assertEquals(200, edited.status(), String.valueOf(edited.json()));
    JsonObject now =
        call(gabriela, "GET", "/api/v1/communities/" + id, null)
            .object()
            .getAsJsonObject("community");
    assertEquals("Laboratório de avaliação", now.get("name").getAsString());
    assertEquals("Avaliar o trabalho prático", now.get("domain").getAsString());
    assertEquals("request", now.get("joining").getAsString());
    JsonObject profile = now.getAsJsonObject("profile");
    assertEquals("online", profile.get("sharing").getAsString());
    assertEquals("project", profile.get("framework").getAsString());
    assertEquals("one_school", profile.get("context").getAsString());
    assertEquals("[\"Biologia\"]", profile.getAsJsonArray("subjects").toString());
    assertEquals("[\"rubricas\"]", profile.getAsJsonArray("focus").toString());
    assertEquals(1, now.getAsJsonArray("courseIds").size(), "its courses stay");
    assertEquals(200, call(rui, "PUT", "/api/v1/communities/" + id, edit).status());
  }

  @Test
  void facilitatorsFindColleaguesOfTheCoursesToInvite() throws Exception {
    String id = create("invitation");
    String candidates = "/api/v1/communities/" + id + "/candidates";
    assertEquals(403, call(gabriela, "GET", candidates + "?q=gab", null).status());
    JsonArray found = call(filipe, "GET", candidates + "?q=GAB", null).json().getAsJsonArray();
    assertEquals(1, found.size());
    assertEquals("d08", found.get(0).getAsJsonObject().get("userId").getAsString());
    assertEquals("Gabriela Lopes", found.get(0).getAsJsonObject().get("name").getAsString());
    assertEquals(
        "Inês Carvalho",
        call(filipe, "GET", candidates + "?q=ines", null)
            .json()
            .getAsJsonArray()
            .get(0)
            .getAsJsonObject()
            .get("name")
            .getAsString(),
        "accents do not matter");
    JsonArray everyone = call(filipe, "GET", candidates, null).json().getAsJsonArray();
    assertTrue(everyone.size() > 1 && everyone.size() <= 20, String.valueOf(everyone.size()));
    assertTrue(
        everyone.asList().stream()
            .noneMatch(p -> p.getAsJsonObject().get("userId").getAsString().equals("d07")),
        "members are not candidates");
    assertTrue(
        everyone.asList().stream()
            .noneMatch(p -> p.getAsJsonObject().get("userId").getAsString().equals("d13")),
        "nor people of other courses");

    call(filipe, "POST", "/api/v1/communities/" + id + "/invitations", "{\"userId\":\"d08\"}");
    assertEquals(
        0, call(filipe, "GET", candidates + "?q=gab", null).json().getAsJsonArray().size());
    assertEquals(422, call(filipe, "GET", candidates + "?q=" + "x".repeat(101), null).status());
    JsonObject hubOfGabriela = call(gabriela, "GET", "/api/v1/hub", null).object();
    JsonObject card = hubOfGabriela.getAsJsonArray("communities").get(0).getAsJsonObject();
    assertEquals("invitation", card.get("joining").getAsString());
    assertEquals("invited", card.getAsJsonObject("mine").get("status").getAsString());
  }

  @Test
  void itsFacilitatorsSeeWhichCoursesHaveAForumChosen() throws Exception {
    String id = create("open");
    call(gabriela, "POST", "/api/v1/communities/" + id + "/join", null);
    assertTrue(
        call(gabriela, "GET", "/api/v1/communities/" + id, null).object().get("courses") == null,
        "for facilitators only");
    JsonArray courses =
        call(filipe, "GET", "/api/v1/communities/" + id, null).object().getAsJsonArray("courses");
    assertEquals(1, courses.size());
    JsonObject course = courses.get(0).getAsJsonObject();
    assertEquals(NETWORK, course.get("courseId").getAsString());
    assertEquals("Rede de Professores de Ciências (3 escolas)", course.get("title").getAsString());
    assertFalse(course.get("forumChosen").getAsBoolean());
    JsonArray forums =
        call(filipe, "GET", "/api/v1/communities/" + id + "/courses/" + NETWORK + "/forums", null)
            .json()
            .getAsJsonArray();
    String forum = forums.get(0).getAsJsonObject().get("id").getAsString();
    assertEquals(
        200,
        call(
                filipe,
                "PUT",
                "/api/v1/communities/" + id + "/courses/" + NETWORK + "/forum",
                "{\"forumId\":\"" + forum + "\"}")
            .status());
    assertTrue(
        call(filipe, "GET", "/api/v1/communities/" + id, null)
            .object()
            .getAsJsonArray("courses")
            .get(0)
            .getAsJsonObject()
            .get("forumChosen")
            .getAsBoolean());
  }

  @Test
  void peopleOfOtherCoursesDoNotSeeIt() throws Exception {
    String id = create("open");
    String manuel = hub.enter("d13", "demo-lin-serra");
    assertEquals(404, call(manuel, "GET", "/api/v1/communities/" + id, null).status());
    assertEquals(404, call(manuel, "POST", "/api/v1/communities/" + id + "/join", null).status());
    assertEquals(
        0, call(manuel, "GET", "/api/v1/communities", null).json().getAsJsonArray().size());
  }

  @Test
  void aCoursesFacilitatorsCanLetEveryTeacherStartCommunities() throws Exception {
    String settings = "/api/v1/courses/" + NETWORK + "/settings";
    assertEquals(
        403,
        call(gabriela, "POST", "/api/v1/communities", "{\"name\":\"Mine\",\"domain\":\"x\"}")
            .status());
    assertEquals(
        403, call(gabriela, "PUT", settings, "{\"teachersMayStartCommunities\":true}").status());
    assertEquals(
        false,
        call(gabriela, "GET", settings, null)
            .object()
            .get("teachersMayStartCommunities")
            .getAsBoolean());
    assertEquals(
        200, call(filipe, "PUT", settings, "{\"teachersMayStartCommunities\":true}").status());
    assertEquals(
        201,
        call(gabriela, "POST", "/api/v1/communities", "{\"name\":\"Mine\",\"domain\":\"x\"}")
            .status());
    assertEquals(
        422, call(filipe, "PUT", settings, "{\"teachersMayStartCommunities\":\"yes\"}").status());
  }
}
