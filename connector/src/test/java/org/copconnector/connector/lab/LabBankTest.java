package org.copconnector.connector.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.bank.Documents;
import org.copconnector.plugin.session.ProductRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource bank and the real Moodle: a resource shared into the community's forum arrives with
 * its file attached, and a course's file imported into the bank is the same file.
 */
@RealMoodle
class LabBankTest {

  private final MoodleLab lab = MoodleLab.get();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final long course = lab.courseId("SCI-COP");

  @TempDir Path dataDir;

  @Test
  void aSharedResourceReachesTheForumWithItsFileAndACourseFileComesIntoTheBank() throws Exception {
    long forum = lab.forumId("SCI-COP", 1);
    try (LabConnector hub = LabConnector.start(lab, dataDir)) {
      hub.syncRoster(course);
      String alice = hub.signIn("teacher1", course, ProductRole.FACILITATOR);
      String community = hub.createCommunity(alice, "Materiais " + run, "open", course);
      hub.chooseForum(alice, community, course, forum);

      byte[] pdf = Documents.pdf("Protocolo do laboratório " + run);
      String upload = hub.upload(alice, pdf, "protocolo-" + run + ".pdf");
      String title = "Protocolo " + run;
      String resource =
          hub.post(
                  "/api/v1/resources",
                  alice,
                  "{\"communityId\":\""
                      + community
                      + "\",\"uploadId\":\""
                      + upload
                      + "\",\"title\":"
                      + new JsonPrimitive(title)
                      + "}",
                  201)
              .get("id")
              .getAsString();
      hub.post("/api/v1/resources/" + resource + "/forum-posts", alice, null, 202);
      hub.awaitDelivered(Duration.ofSeconds(60));

      List<Map<String, Object>> attached =
          lab.query(
              "SELECT f.filename, f.filesize FROM mdl_forum_discussions d"
                  + " JOIN mdl_files f ON f.itemid = d.firstpost AND f.component = 'mod_forum'"
                  + " AND f.filearea = 'attachment' AND f.filename <> '.'"
                  + " WHERE d.forum = ? AND d.name = ?",
              forum,
              title);
      assertEquals(1, attached.size(), "one discussion with one attachment: " + attached);
      assertEquals("protocolo-" + run + ".pdf", attached.get(0).get("filename"));
      assertEquals((long) pdf.length, ((Number) attached.get(0).get("filesize")).longValue());

      JsonArray files =
          hub.send(
                  "GET",
                  "/api/v1/imports/moodle/files?community=" + community + "&course=" + course,
                  alice,
                  null,
                  200)
              .getAsJsonArray();
      assertTrue(files.size() >= 1, "the course's File is offered: " + files);
      JsonObject file = files.get(0).getAsJsonObject();
      JsonElement outcomes =
          hub.send(
              "POST",
              "/api/v1/imports/moodle",
              alice,
              "{\"communityId\":\""
                  + community
                  + "\",\"courseId\":\""
                  + course
                  + "\",\"files\":[{\"url\":"
                  + file.get("url")
                  + ",\"fileName\":"
                  + file.get("fileName")
                  + ",\"title\":\"Guião importado "
                  + run
                  + "\"}]}",
              200);
      JsonObject outcome = outcomes.getAsJsonArray().get(0).getAsJsonObject();
      assertTrue(outcome.get("error") == null || outcome.get("error").isJsonNull(), "" + outcome);
      assertNotNull(outcome.get("resourceId").getAsString());
      byte[] imported =
          hub.download(
              "/api/v1/resources/" + outcome.get("resourceId").getAsString() + "/versions/1/file",
              alice);
      // Moodle names a stored file by the SHA-1 of its content.
      List<Map<String, Object>> original =
          lab.query(
              "SELECT f.contenthash FROM mdl_files f WHERE f.component = 'mod_resource'"
                  + " AND f.filearea = 'content' AND f.filename = ?",
              file.get("fileName").getAsString());
      assertEquals(
          original.get(0).get("contenthash"),
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(imported)),
          "the same bytes as Moodle's file");
    }
  }
}
