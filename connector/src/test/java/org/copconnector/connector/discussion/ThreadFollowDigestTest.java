package org.copconnector.connector.discussion;

import static org.copconnector.connector.discussion.DiscussionWorld.ALICE;
import static org.copconnector.connector.discussion.DiscussionWorld.BOB;
import static org.copconnector.connector.discussion.DiscussionWorld.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.discussion.ThreadFollow;
import org.copconnector.plugin.session.Session;
import org.junit.jupiter.api.Test;

/**
 * Following and muting against the daily digest, delivered to the Moodle stand-in: a followed
 * thread's replies come at once and not again in the digest; a muted thread comes in neither.
 */
class ThreadFollowDigestTest extends OnDiscussionWorld {

  ThreadFollowDigestTest() {
    super("2026-11-23T09:00:00Z");
  }

  @Test
  void aFollowedThreadComesAtOnceAndAMutedOneNotAtAll() {
    Community c =
        world.communities.create(
            ALICE, new NewCommunity("Lesson study", "Shared concern", null, null, List.of("2")));
    world.communities.join(BOB, c.id());
    world.communities.join(CAROL, c.id());
    DiscussionThread fractions = thread(c, "Fractions");
    DiscussionThread decimals = thread(c, "Decimals");
    reply(BOB, fractions, "Bar models"); // Bob wrote in it: he follows it
    world.discussions.follow(CAROL, fractions.id(), ThreadFollow.MUTED);
    reply(ALICE, fractions, "Number lines too");
    reply(ALICE, decimals, "Money first");
    world.deliverUntilDone();
    List<FakeMoodleState.Message> toBob = messagesTo(5);
    assertEquals(1, toBob.size(), "Alice's reply in the thread he follows, at once");
    assertTrue(toBob.get(0).text().contains("Fractions"), toBob.get(0).text());
    assertEquals(0, messagesTo(6).size(), "Carol keeps her digest");
    assertEquals(1, messagesTo(4).size(), "Alice follows her thread: Bob's reply reached her");

    clock.advance(Duration.ofDays(1));
    assertEquals(2, world.notifier.queueYesterdaysDigests(), "Bob and Carol");
    world.deliverUntilDone();
    String bobsDigest = messagesTo(5).get(1).text();
    assertTrue(bobsDigest.contains("Decimals"), bobsDigest);
    assertFalse(bobsDigest.contains("Fractions"), "it came at once: " + bobsDigest);
    String carolsDigest = messagesTo(6).get(0).text();
    assertTrue(carolsDigest.contains("Decimals"), carolsDigest);
    assertFalse(carolsDigest.contains("Fractions"), "she muted it: " + carolsDigest);
  }

  private DiscussionThread thread(Community c, String title) {
    return world.discussions.start(
        ALICE, new DiscussionRequests.NewThread(c.id(), title, "<p>" + title + "</p>"));
  }

  private void reply(Session who, DiscussionThread t, String text) {
    world.discussions.reply(
        who, t.id(), new DiscussionRequests.NewReply("<p>" + text + "</p>", null, null));
  }

  private List<FakeMoodleState.Message> messagesTo(long user) {
    return fake.state().messages.stream().filter(m -> m.toUserId() == user).toList();
  }
}
