package org.copconnector.connector.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.testing.Clients;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.testing.Photos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures and attachments of posts on the real Moodle 4.5: a thread and a reply written in the hub
 * reach the forum once each, after lost answers, with their pictures in the posts' own files and
 * their attachments (Moodle's database holds both); a reply a teacher writes in Moodle with a
 * picture and a file arrives in the hub with both. Edits carry pictures too, both ways.
 */
@RealMoodle
class LabPostFilesTest {

  private static final Duration DELIVERY = Duration.ofSeconds(90);
  private static final MediaType BYTES = MediaType.get("application/octet-stream");
  private static final Pattern OUR_PICTURE = Pattern.compile("/api/v1/post-files/[0-9a-f-]{36}");

  private final MoodleLab lab = MoodleLab.get();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final long course = lab.courseId("SCI-COP");
  // A picture's first upload also loads the content detector: slow on a busy machine.
  private final OkHttpClient http =
      Clients.asTheUi().newBuilder().readTimeout(Duration.ofSeconds(60)).build();

  @TempDir Path dataDir;

  @Test
  void picturesAndFilesCrossBetweenTheHubAndMoodlesForumOnceEachWay() throws Exception {
    long forum = lab.forumId("SCI-COP", 1);
    String title = "Rotinas " + run;
    try (MoodleCallCounter moodle = new MoodleCallCounter(lab.url()).start();
        LabConnector hub =
            LabConnector.start(lab, dataDir, Map.of("COP_MOODLE_URL", moodle.url()))) {
      hub.syncRoster(course);
      String alice = hub.signIn("teacher1", course, ProductRole.FACILITATOR);
      String bruno = hub.signIn("teacher2", course, ProductRole.MEMBER);
      String community = hub.createCommunity(alice, "Pensamento visível " + run, "open", course);
      hub.post("/api/v1/communities/" + community + "/join", bruno, null, 200);
      hub.chooseForum(alice, community, course, forum);

      // Alice pastes a phone photo and attaches a plan; Moodle's answer to the discussion is lost.
      JsonObject photo =
          upload(
              hub,
              alice,
              "/api/v1/post-pictures?community=" + community,
              Photos.phonePhoto(2400, 1600, 3),
              "IMG_2041.jpg");
      assertEquals(1600, photo.get("width").getAsInt());
      JsonObject plan =
          upload(
              hub,
              alice,
              "/api/v1/post-attachments?community=" + community,
              ("Plano " + run).getBytes(StandardCharsets.UTF_8),
              "Plano de aula.txt");
      moodle.loseAnswerOfNext("mod_forum_add_discussion");
      JsonObject thread = new JsonObject();
      thread.addProperty("communityId", community);
      thread.addProperty("title", title);
      thread.addProperty(
          "body",
          "<p>O quadro no fim da aula "
              + run
              + ":</p><p><img src=\""
              + photo.get("url").getAsString()
              + "\" alt=\"quadro\"></p>");
      JsonArray files = new JsonArray();
      files.add(plan.get("id").getAsString());
      thread.add("attachments", files);
      String threadId =
          hub.post("/api/v1/threads", alice, thread.toString(), 201).get("id").getAsString();
      deliver(hub);

      List<Map<String, Object>> discussions =
          lab.query(
              "SELECT id, firstpost FROM mdl_forum_discussions WHERE forum = ? AND name = ?",
              forum,
              title);
      assertEquals(1, discussions.size(), "one discussion after the lost answer");
      long firstPost = ((Number) discussions.get(0).get("firstpost")).longValue();
      String message =
          (String)
              lab.query("SELECT message FROM mdl_forum_posts WHERE id = ?", firstPost)
                  .get(0)
                  .get("message");
      assertTrue(message.contains("@@PLUGINFILE@@/picture-1.jpg"), message);
      assertFalse(message.contains("/api/v1/"), message);
      assertFalse(
          Photos.contains(hub.download(photo.get("url").getAsString(), alice), Photos.LOCATION),
          "no location in the kept picture");
      // Moodle redraws every JPEG it stores (its EXIF remover, through GD): other bytes.
      assertEquals(List.of("picture-1.jpg"), List.copyOf(files(firstPost, "post").keySet()));
      assertPicture(1600, 1067, moodleFile(firstPost, "post", "picture-1.jpg"));
      assertEquals(
          Map.of("Plano de aula.txt", sha1(("Plano " + run).getBytes(StandardCharsets.UTF_8))),
          files(firstPost, "attachment"),
          "the attachment");

      // Bruno replies in the hub with a picture and a file; that answer is lost too.
      JsonObject diagram =
          upload(
              hub,
              bruno,
              "/api/v1/post-pictures?community=" + community,
              Photos.jpeg(800, 600),
              "esquema.jpg");
      JsonObject notes =
          upload(
              hub,
              bruno,
              "/api/v1/post-attachments?community=" + community,
              "Notas".getBytes(StandardCharsets.UTF_8),
              "notas.txt");
      moodle.loseAnswerOfNext("mod_forum_add_discussion_post");
      JsonObject reply = new JsonObject();
      reply.addProperty(
          "body",
          "<p>O meu esquema "
              + run
              + " <img src=\""
              + diagram.get("url").getAsString()
              + "\" alt=\"\"></p>");
      JsonArray replyFiles = new JsonArray();
      replyFiles.add(notes.get("id").getAsString());
      reply.add("attachments", replyFiles);
      hub.post("/api/v1/threads/" + threadId + "/posts", bruno, reply.toString(), 201);
      deliver(hub);
      List<Map<String, Object>> replies =
          lab.query(
              "SELECT id FROM mdl_forum_posts WHERE parent = ? AND message LIKE ?",
              firstPost,
              "%O meu esquema " + run + "%");
      assertEquals(1, replies.size(), "one reply after the lost answer");
      long replyId = ((Number) replies.get(0).get("id")).longValue();
      assertEquals(List.of("picture-1.jpg"), List.copyOf(files(replyId, "post").keySet()));
      assertPicture(800, 600, moodleFile(replyId, "post", "picture-1.jpg"));
      assertEquals(
          Map.of("notas.txt", sha1("Notas".getBytes(StandardCharsets.UTF_8))),
          files(replyId, "attachment"));

      // Carla writes in Moodle itself: a photo in her text, a worksheet attached.
      String carla = lab.userToken("teacher3");
      hub.post(
          "/api/v1/communities/" + community + "/join",
          hub.signIn("teacher3", course, ProductRole.MEMBER),
          null,
          200);
      deliver(hub);
      byte[] carlasPhoto = Photos.phonePhoto(2000, 1500, 9);
      JsonObject inline = draft(carla, 0, "foto da aula.jpg", carlasPhoto);
      JsonObject worksheet =
          draft(carla, 0, "ficha.txt", ("Ficha " + run).getBytes(StandardCharsets.UTF_8));
      String draftUrl =
          lab.url()
              + "/draftfile.php/"
              + inline.get("contextid").getAsLong()
              + "/user/draft/"
              + inline.get("itemid").getAsLong()
              + "/foto%20da%20aula.jpg";
      lab.call(
          carla,
          "mod_forum_add_discussion_post",
          "postid",
          Long.toString(firstPost),
          "subject",
          "Re: " + title,
          "message",
          "<p>A minha turma " + run + ": <img src=\"" + draftUrl + "\" alt=\"turma\"></p>",
          "options[0][name]",
          "inlineattachmentsid",
          "options[0][value]",
          inline.get("itemid").getAsString(),
          "options[1][name]",
          "attachmentsid",
          "options[1][value]",
          worksheet.get("itemid").getAsString());

      hub.importForums(course);
      hub.importForums(course);
      JsonArray posts =
          hub.send("GET", "/api/v1/threads/" + threadId, alice, null, 200)
              .getAsJsonObject()
              .getAsJsonArray("posts");
      JsonObject fromMoodle = null;
      for (var p : posts) {
        if (p.getAsJsonObject().get("body").getAsString().contains("A minha turma " + run)) {
          assertEquals(null, fromMoodle, "once");
          fromMoodle = p.getAsJsonObject();
        }
      }
      assertTrue(fromMoodle != null, "Carla's reply arrives: " + posts);
      String body = fromMoodle.get("body").getAsString();
      Matcher m = OUR_PICTURE.matcher(body);
      assertTrue(m.find(), "her picture is at the hub's address: " + body);
      assertFalse(body.contains("pluginfile"), body);
      byte[] carlasKept = hub.download(m.group(), bruno);
      assertFalse(Photos.contains(carlasKept, Photos.LOCATION), "without its location");
      assertTrue(carlasKept.length < carlasPhoto.length, "made smaller");
      JsonArray attached = fromMoodle.getAsJsonArray("attachments");
      assertEquals(1, attached.size(), attached.toString());
      assertEquals("ficha.txt", attached.get(0).getAsJsonObject().get("fileName").getAsString());
      assertArrayEquals(
          ("Ficha " + run).getBytes(StandardCharsets.UTF_8),
          hub.download(attached.get(0).getAsJsonObject().get("url").getAsString(), bruno));
      deliver(hub);
      assertEquals(
          0,
          lab.count(
              "SELECT COUNT(*) FROM mdl_forum_posts WHERE message LIKE ? AND userid = ?",
              "%A minha turma " + run + "%",
              lab.userId("wsconnector")),
          "not sent back to the forum it came from");
    }
  }

  @Test
  void editsCarryTheirPicturesBothWays() throws Exception {
    long forum = lab.forumId("SCI-COP", 1);
    String title = "Bilhetes " + run;
    try (LabConnector hub = LabConnector.start(lab, dataDir)) {
      hub.syncRoster(course);
      String alice = hub.signIn("teacher1", course, ProductRole.FACILITATOR);
      String carla = hub.signIn("teacher3", course, ProductRole.MEMBER);
      String community = hub.createCommunity(alice, "Bilhetes de saída " + run, "open", course);
      hub.post("/api/v1/communities/" + community + "/join", carla, null, 200);
      hub.chooseForum(alice, community, course, forum);
      JsonObject thread = new JsonObject();
      thread.addProperty("communityId", community);
      thread.addProperty("title", title);
      thread.addProperty("body", "<p>Que perguntas " + run + "?</p>");
      String threadId =
          hub.post("/api/v1/threads", alice, thread.toString(), 201).get("id").getAsString();
      deliver(hub);
      List<Map<String, Object>> discussions =
          lab.query(
              "SELECT id, firstpost FROM mdl_forum_discussions WHERE forum = ? AND name = ?",
              forum,
              title);
      long firstPost = ((Number) discussions.get(0).get("firstpost")).longValue();

      // Alice adds a picture to her post in the hub: Moodle's copy shows Moodle's own file.
      JsonObject photo =
          upload(
              hub,
              alice,
              "/api/v1/post-pictures?community=" + community,
              Photos.jpeg(800, 600),
              "quadro.jpg");
      JsonArray hubPosts =
          hub.send("GET", "/api/v1/threads/" + threadId, alice, null, 200)
              .getAsJsonObject()
              .getAsJsonArray("posts");
      JsonObject edit = new JsonObject();
      edit.addProperty(
          "body",
          "<p>Que perguntas "
              + run
              + "? <img src=\""
              + photo.get("url").getAsString()
              + "\" alt=\"quadro\"></p>");
      hub.send(
          "PUT",
          "/api/v1/posts/" + hubPosts.get(0).getAsJsonObject().get("id").getAsString(),
          alice,
          edit.toString(),
          200);
      deliver(hub);
      String message =
          (String)
              lab.query("SELECT message FROM mdl_forum_posts WHERE id = ?", firstPost)
                  .get(0)
                  .get("message");
      assertTrue(message.contains("src=\"@@PLUGINFILE@@/picture-1.jpg\""), message);
      assertFalse(message.contains("/api/v1/"), "no address of the hub: " + message);
      assertEquals(List.of("picture-1.jpg"), List.copyOf(files(firstPost, "post").keySet()));
      assertPicture(800, 600, moodleFile(firstPost, "post", "picture-1.jpg"));

      // Carla replies in Moodle, then her reply is edited there with a picture (by an account
      // that may edit any post: the lab's teacher service has no update function).
      JsonObject added =
          lab.call(
                  lab.userToken("teacher3"),
                  "mod_forum_add_discussion_post",
                  "postid",
                  Long.toString(firstPost),
                  "subject",
                  "Re: " + title,
                  "message",
                  "<p>Três perguntas " + run + ".</p>")
              .getAsJsonObject();
      long carlasPost = added.get("postid").getAsLong();
      hub.importForums(course);
      LabConnector.sleep(1100); // Moodle's times are in seconds: the edit is a second later
      JsonObject inline = draft(lab.token(), 0, "cartões.jpg", Photos.phonePhoto(1600, 1200, 5));
      String draftUrl =
          lab.url()
              + "/draftfile.php/"
              + inline.get("contextid").getAsLong()
              + "/user/draft/"
              + inline.get("itemid").getAsLong()
              + "/cart%C3%B5es.jpg";
      lab.call(
          lab.token(),
          "mod_forum_update_discussion_post",
          "postid",
          Long.toString(carlasPost),
          "subject",
          "",
          "message",
          "<p><strong>Duas</strong> perguntas "
              + run
              + ", com cartões: <img src=\""
              + draftUrl
              + "\" alt=\"cartões\"></p>",
          "options[0][name]",
          "inlineattachmentsid",
          "options[0][value]",
          inline.get("itemid").getAsString());
      assertTrue(
          lab.count(
                  "SELECT COUNT(*) FROM mdl_forum_posts WHERE id = ? AND modified > created",
                  carlasPost)
              == 1,
          "Moodle marks the post modified");
      hub.importForums(course);
      hub.importForums(course);
      JsonArray posts =
          hub.send("GET", "/api/v1/threads/" + threadId, alice, null, 200)
              .getAsJsonObject()
              .getAsJsonArray("posts");
      assertEquals(2, posts.size(), "the edit, not a new post: " + posts);
      JsonObject carlas = posts.get(1).getAsJsonObject();
      String body = carlas.get("body").getAsString();
      assertTrue(body.contains("<strong>Duas</strong> perguntas " + run), body);
      Matcher m = OUR_PICTURE.matcher(body);
      assertTrue(m.find(), "the picture at the hub's address: " + body);
      assertFalse(body.contains("pluginfile"), body);
      assertFalse(Photos.contains(hub.download(m.group(), alice), Photos.LOCATION));
      assertFalse(carlas.get("editedAt").isJsonNull(), "marked edited: " + carlas);
      deliver(hub);
      assertEquals(
          0,
          lab.count(
              "SELECT COUNT(*) FROM mdl_forum_posts WHERE discussion = ? AND message LIKE ?",
              discussions.get(0).get("id"),
              "%ref cop-%Duas perguntas%"),
          "not sent back");
      assertEquals(
          2,
          lab.count(
              "SELECT COUNT(*) FROM mdl_forum_posts WHERE discussion = ?",
              discussions.get(0).get("id")));
    }
  }

  /** The files of one area of a Moodle post, by name, with their SHA-1 (Moodle's content hash). */
  private Map<String, String> files(long postId, String area) {
    Map<String, String> files = new java.util.TreeMap<>();
    for (Map<String, Object> row :
        lab.query(
            "SELECT filename, contenthash FROM mdl_files WHERE component = 'mod_forum'"
                + " AND filearea = ? AND itemid = ? AND filename <> '.'",
            area,
            postId)) {
      files.put((String) row.get("filename"), (String) row.get("contenthash"));
    }
    return files;
  }

  /** A file of a Moodle post, as Moodle gives it to the holder of the connector's token. */
  private byte[] moodleFile(long postId, String area, String name) throws IOException {
    long context =
        ((Number)
                lab.query(
                        "SELECT contextid FROM mdl_files WHERE component = 'mod_forum'"
                            + " AND filearea = ? AND itemid = ? AND filename = ?",
                        area,
                        postId,
                        name)
                    .get(0)
                    .get("contextid"))
            .longValue();
    Request request =
        new Request.Builder()
            .url(
                lab.url()
                    + "/webservice/pluginfile.php/"
                    + context
                    + "/mod_forum/"
                    + area
                    + "/"
                    + postId
                    + "/"
                    + name
                    + "?token="
                    + lab.token())
            .build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      assertEquals(200, response.code());
      return response.body().bytes();
    }
  }

  private static void assertPicture(int width, int height, byte[] jpeg) throws IOException {
    java.awt.image.BufferedImage image =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
    assertEquals(List.of(width, height), List.of(image.getWidth(), image.getHeight()));
    assertFalse(Photos.contains(jpeg, Photos.LOCATION), "no location");
  }

  private static String sha1(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
  }

  /** Sends a file to the hub as its pages do; the answer. */
  private JsonObject upload(
      LabConnector hub, String session, String path, byte[] content, String name)
      throws IOException {
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + hub.connector().port() + path)
            .header("Cookie", "cop_session=" + session)
            .header("X-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8))
            .post(RequestBody.create(content, BYTES))
            .build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      assertEquals(201, response.code(), text);
      return JsonParser.parseString(text).getAsJsonObject();
    }
  }

  /**
   * A file a teacher puts in a draft area of theirs, as Moodle's editor does; upload.php's answer.
   */
  private JsonObject draft(String token, long itemId, String name, byte[] content)
      throws IOException {
    MultipartBody form =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("token", token)
            .addFormDataPart("itemid", Long.toString(itemId))
            .addFormDataPart("file_1", name, RequestBody.create(content, BYTES))
            .build();
    Request request =
        new Request.Builder().url(lab.url() + "/webservice/upload.php").post(form).build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      String text = response.body().string();
      JsonObject file = JsonParser.parseString(text).getAsJsonArray().get(0).getAsJsonObject();
      assertTrue(file.has("itemid"), text);
      return file;
    }
  }

  /** Delivers what is pending, retrying at once what waits after a lost answer. */
  private static void deliver(LabConnector hub) {
    Outbox outbox = new Outbox(hub.connector().database().dataSource(), Clock.systemUTC());
    long deadline = System.nanoTime() + DELIVERY.toNanos();
    while (outbox.count(OutboxMessage.Status.PENDING) > 0 && System.nanoTime() < deadline) {
      outbox.retryWaitingNow();
      LabConnector.sleep(200);
    }
    hub.awaitDelivered(Duration.ofSeconds(1));
  }
}
