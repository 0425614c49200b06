package org.copconnector.connector.discussion;

import static org.copconnector.connector.discussion.DiscussionWorld.ALICE;
import static org.copconnector.connector.discussion.DiscussionWorld.BOB;
import static org.copconnector.connector.discussion.DiscussionWorld.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.discussion.NotificationChoice;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.junit.jupiter.api.Test;

/** The edit window and its history, and the daily digest: one message per person per day. */
class DiscussionRulesTest extends OnDiscussionWorld {

  DiscussionRulesTest() {
    super("2026-11-23T09:00:00Z");
  }

  private Community community(String name) {
    Community c =
        world.communities.create(
            ALICE, new NewCommunity(name, "Shared concern", null, null, List.of("2")));
    world.communities.join(BOB, c.id());
    world.communities.join(CAROL, c.id());
    return c;
  }

  private DiscussionThread thread(Community c, String title) {
    return world.discussions.start(
        ALICE, new DiscussionRequests.NewThread(c.id(), title, "<p>" + title + "</p>"));
  }

  @Test
  void authorsEditWithinTheWindowAndEarlierTextIsKept() {
    Community c = community("Editing");
    DiscussionThread t = thread(c, "Draft title");
    String first = world.discussions.read(ALICE, t.id(), 0).posts().get(0).id();
    clock.advance(Duration.ofMinutes(29));
    world.discussions.edit(
        ALICE, first, new DiscussionRequests.Edit("Final title", "<p>Second</p>"));
    assertEquals("Final title", world.discussions.read(ALICE, t.id(), 0).thread().title());
    var history = world.discussions.history(BOB, first);
    assertEquals("<p>Second</p>", history.current().body());
    assertEquals(1, history.earlier().size());
    assertEquals("Draft title", history.earlier().get(0).title());
    assertEquals("<p>Draft title</p>", history.earlier().get(0).body());
    clock.advance(Duration.ofMinutes(2));
    ApiException late =
        assertThrows(
            ApiException.class,
            () ->
                world.discussions.edit(
                    ALICE, first, new DiscussionRequests.Edit(null, "<p>Third</p>")));
    assertEquals(409, late.status());
    assertEquals(Reason.EDIT_WINDOW_PASSED, late.reason());
    assertEquals(30L, late.details().get("minutes"), "the window the message quotes");
  }

  @Test
  void aDigestIsOneMessagePerPersonPerDayAcrossCommunities() {
    Community a = community("Lesson study");
    Community b = community("Assessment");
    world.discussions.setNotifications(CAROL, b.id(), NotificationChoice.NONE);
    thread(a, "Fractions");
    thread(b, "Rubrics");
    clock.advance(Duration.ofHours(3));
    thread(a, "Decimals");
    clock.advance(Duration.ofDays(1)); // the next day, when digests of the day before go out

    assertEquals(2, world.notifier.queueYesterdaysDigests(), "Bob and Carol; Alice wrote it all");
    assertEquals(0, world.notifier.queueYesterdaysDigests(), "asking again adds nothing");
    world.deliverUntilDone();
    List<FakeMoodleState.Message> toBob = messagesTo(5);
    assertEquals(1, toBob.size());
    assertTrue(
        toBob.get(0).text().contains("Lesson study") && toBob.get(0).text().contains("Assessment"));
    assertTrue(
        toBob.get(0).text().contains("Fractions") && toBob.get(0).text().contains("Decimals"));
    String digest = toBob.get(0).text();
    assertEquals(2, toBob.get(0).format(), "sent as plain text: Moodle previews it as written");
    assertFalse(digest.contains("<") || digest.contains("&amp;"), digest);
    assertTrue(digest.startsWith("New in your communities on November 23, 2026:"), digest);
    assertTrue(digest.contains("\n• «Fractions»: new from Alice Anderson"), digest);
    List<FakeMoodleState.Message> toCarol = messagesTo(6);
    assertEquals(1, toCarol.size());
    assertTrue(!toCarol.get(0).text().contains("Rubrics"), "Carol chose none for Assessment");
    assertEquals(0, messagesTo(4).size());
    assertEquals(0, world.notifier.queueDigests(LocalDate.parse("2026-11-20")), "a quiet day");
  }

  @Test
  void aNotificationIsWrittenInItsRecipientsLanguage() {
    world.people.languages().rememberLaunch(null, BOB.lmsUserId(), "pt_PT");
    world.people.languages().rememberLaunch(null, CAROL.lmsUserId(), "pt_PT");
    world.people.languages().choose(null, CAROL.lmsUserId(), "en"); // her choice beats her Moodle's
    Community c = community("Lesson study");
    world.discussions.setNotifications(BOB, c.id(), NotificationChoice.EVERY_POST);
    world.discussions.setNotifications(CAROL, c.id(), NotificationChoice.EVERY_POST);
    thread(c, "Fractions");
    world.deliverUntilDone();
    assertEquals(1, messagesTo(5).size());
    String toBob = messagesTo(5).get(0).text();
    assertTrue(toBob.startsWith("Alice Anderson iniciou «Fractions» (Lesson study):"), toBob);
    String toCarol = messagesTo(6).get(0).text();
    assertTrue(toCarol.startsWith("Alice Anderson started «Fractions» (Lesson study):"), toCarol);

    world.discussions.setNotifications(BOB, c.id(), NotificationChoice.DAILY_DIGEST);
    thread(c, "Decimals");
    clock.advance(Duration.ofDays(1));
    assertEquals(1, world.notifier.queueYesterdaysDigests());
    world.deliverUntilDone();
    String digest = messagesTo(5).get(1).text();
    assertTrue(
        digest.startsWith("Novidades nas suas comunidades em 23 de novembro de 2026:"), digest);
    assertTrue(digest.contains("\n• «Decimals»: novidades de Alice Anderson"), digest);
  }

  private List<FakeMoodleState.Message> messagesTo(long user) {
    return fake.state().messages.stream().filter(m -> m.toUserId() == user).toList();
  }
}
