package org.copconnector.connector.discussion;

import static org.copconnector.connector.discussion.DiscussionWorld.ALICE;
import static org.copconnector.connector.discussion.DiscussionWorld.BOB;
import static org.copconnector.connector.discussion.DiscussionWorld.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.discussion.DiscussionViews;
import org.copconnector.plugin.discussion.PostFiles;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.testing.Photos;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures and attachments of posts against the Moodle stand-in: the copy in Moodle's forum carries
 * them (inline files and attachments, from two draft areas) exactly once after lost answers, and a
 * reply written in Moodle with a picture and a file arrives in the hub with both.
 */
class ForumFilesTest {

  private static final long GROUP_FORUM = 4;
  private static final Pattern OUR_PICTURE = Pattern.compile("/api/v1/post-files/([0-9a-f-]{36})");

  @TempDir Path dataDir;
  private FakeMoodle fake;
  private DiscussionWorld world;
  private Community community;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeMoodle().start();
    world =
        new DiscussionWorld(dataDir, fake, new ManualClock(Instant.parse("2026-11-23T10:00:00Z")));
    community =
        world.communities.create(
            ALICE,
            new NewCommunity(
                "Visible thinking", "Routines", null, Community.Joining.REQUEST, List.of("2")));
    world.deliverUntilDone();
    world.communities.chooseForum(ALICE, community.id(), "2", Long.toString(GROUP_FORUM));
    world.communities.join(BOB, community.id());
    world.communities.approve(ALICE, community.id(), BOB.lmsUserId());
    world.deliverUntilDone();
  }

  @AfterEach
  void stop() {
    world.close();
    fake.close();
  }

  private FakeMoodleState state() {
    return fake.state();
  }

  private PostFiles files() {
    return world.postFiles;
  }

  private PostFiles.Received picture(Session who, byte[] photo) {
    return files()
        .receivePicture(
            who, community.id(), new ByteArrayInputStream(photo), "quadro.jpg", photo.length);
  }

  private PostFiles.Received attachment(Session who, String name, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return files()
        .receiveAttachment(
            who, community.id(), new ByteArrayInputStream(bytes), name, bytes.length);
  }

  private byte[] stored(Session who, String id) throws IOException {
    return Files.readAllBytes(files().open(who, id).path());
  }

  @Test
  void aThreadAndAReplyWithPicturesAndFilesReachMoodleOnceAfterLostAnswers() throws Exception {
    PostFiles.Received photo = picture(ALICE, Photos.phonePhoto(2000, 1500, 1));
    assertEquals(1600, photo.width());
    PostFiles.Received plan = attachment(ALICE, "Plano de aula.txt", "Ver, pensar, perguntar.");
    DiscussionThread thread =
        world.discussions.start(
            ALICE,
            new DiscussionRequests.NewThread(
                community.id(),
                "See, think, wonder",
                "<p>The board after the routine:</p><p><img src=\""
                    + photo.url()
                    + "\" alt=\"the board\"></p>",
                List.of(plan.id())));
    // Moodle makes the discussion but its answer is lost: the retry finds it, posts nothing more.
    fake.failNextCallOf("mod_forum_add_discussion", FakeMoodle.Fault.APPLY_THEN_DROP);
    world.deliverUntilDone();

    List<FakeMoodleState.Discussion> discussions = state().discussionsOf(GROUP_FORUM);
    assertEquals(1, discussions.size(), "one discussion after the lost answer");
    FakeMoodleState.Post first = state().posts.get(discussions.get(0).firstPostId());
    assertTrue(
        first.message().contains("<img src=\"@@PLUGINFILE@@/picture-1.jpg\" alt=\"the board\" />"),
        first.message());
    assertFalse(first.message().contains("/api/v1/"), "no address of the hub: " + first.message());
    List<FakeMoodleState.PostFile> inline = state().filesOf(first.id(), "post");
    assertEquals(List.of("picture-1.jpg"), inline.stream().map(f -> f.filename()).toList());
    // Moodle redraws every JPEG it stores (its EXIF remover): the same picture, other bytes.
    BufferedImage inMoodle = ImageIO.read(new ByteArrayInputStream(inline.get(0).content()));
    assertEquals(List.of(1600, 1200), List.of(inMoodle.getWidth(), inMoodle.getHeight()));
    assertFalse(Photos.contains(stored(ALICE, photo.id()), Photos.LOCATION), "without location");
    List<FakeMoodleState.PostFile> attached = state().filesOf(first.id(), "attachment");
    assertEquals(List.of("Plano de aula.txt"), attached.stream().map(f -> f.filename()).toList());
    assertEquals(
        "Ver, pensar, perguntar.", new String(attached.get(0).content(), StandardCharsets.UTF_8));

    // A reply with two pictures and two files of the same name; its answer is lost too.
    PostFiles.Received one = picture(BOB, Photos.jpeg(400, 300));
    PostFiles.Received two = picture(BOB, Photos.jpeg(300, 400));
    PostFiles.Received a = attachment(BOB, "notas.txt", "primeira");
    PostFiles.Received b = attachment(BOB, "notas.txt", "segunda");
    world.discussions.reply(
        BOB,
        thread.id(),
        new DiscussionRequests.NewReply(
            "<p><img src=\""
                + one.url()
                + "\" alt=\"\"> and <img src=\""
                + two.url()
                + "\" alt=\"\"> and again <img src=\""
                + one.url()
                + "\" alt=\"\"></p>",
            null,
            null,
            List.of(a.id(), b.id())));
    fake.failNextCallOf("mod_forum_add_discussion_post", FakeMoodle.Fault.APPLY_THEN_DROP);
    world.deliverUntilDone();
    List<FakeMoodleState.Post> posts =
        state().postsOf(discussions.get(0).id()).stream()
            .sorted(Comparator.comparingLong(FakeMoodleState.Post::id))
            .toList();
    assertEquals(2, posts.size(), "one reply after the lost answer");
    FakeMoodleState.Post reply = posts.get(1);
    assertEquals(
        List.of("picture-1.jpg", "picture-2.jpg"),
        state().filesOf(reply.id(), "post").stream().map(f -> f.filename()).toList(),
        "each picture once");
    assertEquals(3, reply.message().split("@@PLUGINFILE@@/picture-").length - 1, reply.message());
    assertEquals(
        List.of("notas.txt", "notas (2).txt"),
        state().filesOf(reply.id(), "attachment").stream().map(f -> f.filename()).toList());

    // The hub shows the same: pictures in the text, files listed under the post.
    DiscussionViews.ThreadPage page = world.discussions.read(BOB, thread.id(), 0);
    DiscussionViews.PostView opening = page.posts().get(0);
    assertTrue(opening.body().contains("<img src=\"" + photo.url() + "\""), opening.body());
    assertEquals(
        List.of("Plano de aula.txt"),
        opening.attachments().stream().map(DiscussionViews.Attachment::fileName).toList());
    assertEquals(2, page.posts().get(1).attachments().size());
  }

  @Test
  void anEditWithAPictureReachesMoodleWithMoodlesCopyAndSoDoesACorrection() throws Exception {
    DiscussionThread thread =
        world.discussions.start(
            ALICE,
            new DiscussionRequests.NewThread(community.id(), "Exit tickets", "<p>Ideas?</p>"));
    String replyId =
        world
            .discussions
            .reply(BOB, thread.id(), new DiscussionRequests.NewReply("<p>Mine.</p>", null, null))
            .id();
    world.deliverUntilDone();
    FakeMoodleState.Discussion discussion = state().discussionsOf(GROUP_FORUM).get(0);
    String firstId = world.discussions.read(ALICE, thread.id(), 0).posts().get(0).id();

    // Alice adds a picture to her opening post: Moodle gets its own copy, shown from the post.
    PostFiles.Received photo = picture(ALICE, Photos.jpeg(400, 300));
    world.discussions.edit(
        ALICE,
        firstId,
        new DiscussionRequests.Edit(
            null, "<p>Ideas? Mine: <img src=\"" + photo.url() + "\" alt=\"the board\"></p>"));
    world.deliverUntilDone();
    FakeMoodleState.Post first = state().posts.get(discussion.firstPostId());
    assertTrue(
        first.message().contains("<img src=\"@@PLUGINFILE@@/picture-1.jpg\" alt=\"the board\""),
        first.message());
    assertFalse(first.message().contains("/api/v1/"), "no address of the hub: " + first.message());
    assertEquals(
        List.of("picture-1.jpg"),
        state().filesOf(first.id(), "post").stream().map(f -> f.filename()).toList());

    // Past Moodle's editing time Bob's edit goes as a correction, which carries the picture too.
    state().advanceClock(3600);
    PostFiles.Received board = picture(BOB, Photos.jpeg(300, 400));
    world.discussions.edit(
        BOB,
        replyId,
        new DiscussionRequests.Edit(
            null, "<p>Mine: <img src=\"" + board.url() + "\" alt=\"tickets\"></p>"));
    world.deliverUntilDone();
    List<FakeMoodleState.Post> posts =
        state().postsOf(discussion.id()).stream()
            .sorted(Comparator.comparingLong(FakeMoodleState.Post::id))
            .toList();
    assertEquals(3, posts.size(), "the copy and its correction");
    FakeMoodleState.Post correction = posts.get(2);
    assertTrue(correction.message().contains("Correction by Bob"), correction.message());
    assertTrue(
        correction.message().contains("<img src=\"@@PLUGINFILE@@/picture-1.jpg\" alt=\"tickets\""),
        correction.message());
    assertFalse(correction.message().contains("/api/v1/"), correction.message());
    assertEquals(
        List.of("picture-1.jpg"),
        state().filesOf(correction.id(), "post").stream().map(f -> f.filename()).toList());
    assertEquals(0, world.forumImport.importCourse("2").postsImported(), "no echo of the edits");
  }

  @Test
  void aReplyWrittenInMoodleWithAPictureAndAFileArrivesWithBoth() throws Exception {
    DiscussionThread thread =
        world.discussions.start(
            ALICE,
            new DiscussionRequests.NewThread(community.id(), "Exit tickets", "<p>Ideas?</p>"));
    world.deliverUntilDone();
    FakeMoodleState.Discussion discussion = state().discussionsOf(GROUP_FORUM).get(0);

    // Carol writes in Moodle: a phone photo in the text, a worksheet attached.
    byte[] photo = Photos.phonePhoto(1800, 1200, 7);
    long inline = fake.draftInMoodle(0, "foto da aula.jpg", photo);
    long attachments =
        fake.draftInMoodle(0, "ficha.txt", "Três perguntas.".getBytes(StandardCharsets.UTF_8));
    fake.replyInMoodle(
        discussion.firstPostId(),
        6,
        "Re: Exit tickets",
        "<p>Mine: <img src=\""
            + fake.draftFileUrl(6, inline, "foto da aula.jpg")
            + "\" alt=\"exit tickets\" width=\"2400\" height=\"1800\"></p>",
        inline,
        attachments);

    assertEquals(1, world.forumImport.importCourse("2").postsImported());
    assertEquals(0, world.forumImport.importCourse("2").postsImported(), "once");
    DiscussionViews.PostView imported = world.discussions.read(BOB, thread.id(), 0).posts().get(1);
    Matcher m = OUR_PICTURE.matcher(imported.body());
    assertTrue(m.find(), "the picture is at the hub's own address: " + imported.body());
    assertTrue(imported.body().contains("alt=\"exit tickets\""), imported.body());
    assertFalse(imported.body().contains("pluginfile"), imported.body());
    byte[] kept = stored(BOB, m.group(1));
    assertFalse(Photos.contains(kept, Photos.LOCATION), "the location is gone");
    assertTrue(kept.length < photo.length, "made smaller");
    assertEquals(
        List.of("ficha.txt"),
        imported.attachments().stream().map(DiscussionViews.Attachment::fileName).toList());
    assertEquals(
        "Três perguntas.",
        new String(stored(BOB, imported.attachments().get(0).id()), StandardCharsets.UTF_8));
    // Fetched with the connector's token, through the web-service file address.
    assertTrue(
        fake.calls("pluginfile.php").stream()
            .allMatch(c -> c.target().startsWith("/webservice/pluginfile.php/")),
        fake.calls("pluginfile.php").toString());

    // Not sent back: Moodle still has the thread and Carol's reply only.
    world.deliverUntilDone();
    assertEquals(2, state().postsOf(discussion.id()).size());
  }

  @Test
  void aPostTakesOnlyItsAuthorsFilesOfItsCommunityAndAtMostFiveAttachments() {
    PostFiles.Received bobs = picture(BOB, Photos.jpeg(200, 100));
    PostFiles.Received alices = picture(ALICE, Photos.jpeg(200, 100));
    // Bob's unsent picture is not Alice's to show: it is left out of her post.
    DiscussionThread thread =
        world.discussions.start(
            ALICE,
            new DiscussionRequests.NewThread(
                community.id(),
                "Pictures",
                "<p>Mine <img src=\""
                    + alices.url()
                    + "\" alt=\"\"> his <img src=\""
                    + bobs.url()
                    + "\" alt=\"\"></p>"));
    String body = world.discussions.read(ALICE, thread.id(), 0).posts().get(0).body();
    assertTrue(body.contains(alices.url()), body);
    assertFalse(body.contains(bobs.url()), body);
    ApiException notYours = assertThrows(ApiException.class, () -> files().open(ALICE, bobs.id()));
    assertEquals(Reason.POST_FILE_NOT_FOUND, notYours.reason());

    // A picture already in a post of the community may be shown again, by anyone there.
    world.discussions.reply(
        BOB,
        thread.id(),
        new DiscussionRequests.NewReply(
            "<p>Again: <img src=\"" + alices.url() + "\" alt=\"\"></p>", null, null));

    List<String> six = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      six.add(attachment(ALICE, "f" + i + ".txt", "text " + i).id());
    }
    ApiException tooMany =
        assertThrows(
            ApiException.class,
            () ->
                world.discussions.reply(
                    ALICE,
                    thread.id(),
                    new DiscussionRequests.NewReply("<p>Files</p>", null, null, six)));
    assertEquals(Reason.TOO_MANY_ATTACHMENTS, tooMany.reason());
    assertEquals(422, tooMany.status());
    assertEquals(Map.of("field", "attachments", "max", 5), tooMany.details());

    String bobsFile = attachment(BOB, "b.txt", "Bob's").id();
    ApiException foreign =
        assertThrows(
            ApiException.class,
            () ->
                world.discussions.reply(
                    ALICE,
                    thread.id(),
                    new DiscussionRequests.NewReply(
                        "<p>Files</p>", null, null, List.of(six.get(0), bobsFile))));
    assertEquals(Reason.ATTACHMENT_NOT_FOUND, foreign.reason());
    DiscussionViews.PostView five =
        world.discussions.reply(
            ALICE,
            thread.id(),
            new DiscussionRequests.NewReply("<p>Files</p>", null, null, six.subList(0, 5)));
    assertEquals(5, five.attachments().size());
    // Once in a post, a file is not taken by another.
    assertThrows(
        ApiException.class,
        () ->
            world.discussions.reply(
                ALICE,
                thread.id(),
                new DiscussionRequests.NewReply("<p>Again</p>", null, null, List.of(six.get(0)))));

    // Readers of the community only: Carol has not joined it, and it takes members on request.
    ApiException outsider =
        assertThrows(ApiException.class, () -> files().open(CAROL, alices.id()));
    assertEquals(403, outsider.status());
  }
}
