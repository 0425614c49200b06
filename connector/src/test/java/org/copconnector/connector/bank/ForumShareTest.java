package org.copconnector.connector.bank;

import static org.copconnector.connector.discussion.DiscussionWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.copconnector.connector.discussion.DiscussionWorld;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodle.Fault;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.GroupMirror;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.outbox.LmsMappings;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.outbox.OutboxWorker;
import org.copconnector.plugin.outbox.RetryPolicy;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.resource.ForumShare;
import org.copconnector.plugin.resource.NewResource;
import org.copconnector.plugin.resource.Resource;
import org.copconnector.plugin.resource.ResourceIndex;
import org.copconnector.plugin.resource.Resources;
import org.copconnector.plugin.resource.Uploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource posted to the community's Moodle forum: a discussion in its group with the file
 * attached, once even when an answer is lost; the forum import leaves it alone.
 */
class ForumShareTest {

  @TempDir Path dataDir;

  @Test
  void aSharedResourceBecomesOneDiscussionWithItsFileAttached() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-24T10:00:00Z"));
    try (FakeMoodle fake = new FakeMoodle().start();
        DiscussionWorld world = new DiscussionWorld(dataDir, fake, clock);
        ResourceIndex index = new ResourceIndex(dataDir.resolve("index"))) {
      Community community =
          world
              .communities()
              .create(ALICE, new NewCommunity("Laboratório", "Práticas", null, null, List.of("2")));
      world.communities().chooseForum(ALICE, community.id(), "2", "4");
      BlobStore blobs = new BlobStore(dataDir.resolve("files"));
      Uploads uploads = new Uploads(world.dataSource(), blobs, 1 << 20, clock);
      Resources bank =
          new Resources(
              world.dataSource(),
              blobs,
              index,
              world.people(),
              new Notifier(
                  world.dataSource(), world.outbox(), world.people(), ZoneOffset.UTC, clock),
              clock);
      byte[] pdf = Documents.pdf("Protocolo do laboratorio");
      String upload =
          uploads
              .receive(ALICE, new ByteArrayInputStream(pdf), "protocolo.pdf", pdf.length)
              .uploadId();
      Resource r =
          bank.create(
              ALICE,
              NewResource.ofUpload(
                  community.id(), upload, "Protocolo de laboratório", "Para o 8.º ano"));
      ForumShare share = new ForumShare(world.dataSource(), blobs, world.outbox(), world.people());
      LmsMappings mappings = new LmsMappings(world.dataSource(), clock);
      GroupMirror groups = new GroupMirror(world.lms(), mappings);
      OutboxWorker worker =
          new OutboxWorker(
              world.outbox(),
              List.of(groups.adding(), share.handler(world.lms(), mappings, groups)),
              new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 30, () -> 0.5),
              clock);

      assertEquals(1, share.share(ALICE, r.id()));
      assertEquals(0, share.share(ALICE, r.id()), "asking twice posts nothing new");
      // The discussion is made but its answer is lost: the retry must find it, not post again.
      fake.failNextCallOf("mod_forum_add_discussion", Fault.APPLY_THEN_DROP);
      worker.deliverDue();
      for (int round = 0;
          round < 10 && world.outbox().count(OutboxMessage.Status.PENDING) > 0;
          round++) {
        clock.advance(Duration.ofMinutes(2));
        worker.deliverDue();
      }
      assertEquals(0, world.outbox().count(OutboxMessage.Status.PENDING));
      assertTrue(
          world.outbox().list(OutboxMessage.Status.DELIVERED, 10).stream()
              .anyMatch(m -> m.kind().equals(ForumShare.KIND) && m.attempts() == 2),
          "delivered on the second attempt");
      List<FakeMoodleState.Discussion> discussions = fake.state().discussionsOf(4);
      assertEquals(1, discussions.size());
      FakeMoodleState.Discussion d = discussions.get(0);
      FakeMoodleState.Group group =
          fake.state().groups.values().stream()
              .filter(g -> g.idnumber().startsWith("cop-anchor-"))
              .findFirst()
              .orElseThrow();
      assertEquals(group.id(), d.groupId());
      assertEquals("Protocolo de laboratório", d.subject());
      FakeMoodleState.Post first = fake.state().posts.get(d.firstPostId());
      assertTrue(first.attachmentsId() != 0, "the file is attached");
      FakeMoodleState.DraftFile attached =
          fake.state().draftFiles.stream()
              .filter(f -> f.itemId() == first.attachmentsId())
              .findFirst()
              .orElseThrow();
      assertEquals("protocolo.pdf", attached.filename());
      assertArrayEquals(pdf, attached.content());

      fake.replyInMoodle(first.id(), 5, "Re", "<p>Obrigado!</p>");
      assertEquals(
          0, world.forumImport().importCourse("2").postsImported(), "not a thread of the hub");
      int before = fake.requestCount();
      world.forumImport().importCourse("2");
      assertEquals(1, fake.requestCount() - before, "and it costs nothing more afterwards");
    }
  }
}
