package org.copconnector.connector.discussion;

import static org.copconnector.connector.discussion.DiscussionWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.discussion.DiscussionViews;
import org.copconnector.plugin.prompt.Dialogue;
import org.copconnector.plugin.prompt.Occurrences;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled prompts against a controllable clock: across a daylight-saving change and restarts. */
class PromptScheduleTest {

  private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

  @TempDir Path dataDir;

  private static PromptSchedules schedules(DiscussionWorld world, ManualClock clock) {
    return new PromptSchedules(
        world.dataSource(), world.discussions, world.notifier, world.people(), LISBON, clock);
  }

  private static List<Instant> openings(DiscussionWorld world, Community c) {
    DiscussionViews.ThreadList list = world.discussions.threads(ALICE, c.id(), 0);
    return list.threads().stream()
        .map(DiscussionViews.ListedThread::thread)
        .filter(t -> t.title().equals("Depois da aula"))
        .map(DiscussionThread::createdAt)
        .sorted()
        .toList();
  }

  @Test
  void aWeeklyPromptOpensExactlyFourTimesInFourWeeksAcrossADaylightSavingChangeAndARestart()
      throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-10-18T12:00:00Z"));
    try (FakeMoodle fake = new FakeMoodle().start()) {
      DiscussionWorld world = new DiscussionWorld(dataDir, fake, clock);
      Community c =
          world.communities.create(
              ALICE, new NewCommunity("Reflexão", "Depois das aulas", null, null, List.of("2")));
      PromptSchedules scheduler = schedules(world, clock);
      scheduler.schedule(
          ALICE,
          new PromptSchedules.NewSchedule(
              c.id(),
              "Depois da aula",
              "<p>O que correu bem hoje? O que mudaria?</p>",
              Occurrences.Repeat.WEEKLY,
              LocalDate.parse("2026-10-19"),
              "18:00",
              "Europe/Lisbon",
              3,
              null,
              null,
              null));
      Instant end = clock.instant().plus(Duration.ofDays(28));
      boolean restarted = false;
      while (clock.instant().isBefore(end)) {
        scheduler.openDue();
        scheduler.openDue(); // a second round (or instance) in the same minute opens nothing more
        clock.advance(Duration.ofMinutes(30));
        if (!restarted && clock.instant().isAfter(Instant.parse("2026-10-28T09:00:00Z"))) {
          world.close();
          world = new DiscussionWorld(dataDir, fake, clock);
          scheduler = schedules(world, clock);
          restarted = true;
        }
      }
      assertEquals(
          List.of(
              Instant.parse("2026-10-19T17:00:00Z"), // 18:00 summer time (UTC+1)
              Instant.parse("2026-10-26T18:00:00Z"), // 18:00 winter time (UTC), after 25 October
              Instant.parse("2026-11-02T18:00:00Z"),
              Instant.parse("2026-11-09T18:00:00Z")),
          openings(world, c));
      assertEquals(4, scheduler.list(ALICE, c.id()).get(0).opened());
      world.close();
    }
  }

  @Test
  void openingsMissedWhileTheConnectorWasDownAreCaughtUpOnce() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-01T12:00:00Z"));
    try (FakeMoodle fake = new FakeMoodle().start();
        DiscussionWorld world = new DiscussionWorld(dataDir, fake, clock)) {
      Community c =
          world.communities.create(
              ALICE, new NewCommunity("Reflexão", "Depois das aulas", null, null, List.of("2")));
      PromptSchedules scheduler = schedules(world, clock);
      schedule(scheduler, c, Occurrences.Repeat.WEEKLY, null);
      clock.advance(Duration.ofDays(22)); // down over three occurrences
      assertEquals(1, scheduler.openDue());
      assertEquals(0, scheduler.openDue());
      assertEquals(List.of(Instant.parse("2026-11-23T12:00:00Z")), openings(world, c));
      clock.advance(Duration.ofDays(7));
      assertEquals(1, scheduler.openDue(), "then weekly again");
      assertEquals(2, openings(world, c).size());
    }
  }

  @Test
  void membersWhoHaveNotAnsweredGetOneReminderBeforeThePromptCloses() throws Exception {
    // Alice wrote the prompt, Carol turned notifications off: only Bob is reminded, once, in his
    // language, with the closing time in the prompt's time zone.
    Reminders reminders = remind(false);
    assertEquals(1, reminders.queued());
    assertEquals(
        List.of(
            "A proposta «Depois da aula» fecha em 5 de novembro de 2026 18:00. Bastam algumas"
                + " linhas: os seus colegas vão lê-las."),
        reminders.toBob());
  }

  @Test
  void anAnswerKeptInTheJournalCountsAsAnsweredForTheReminder() throws Exception {
    assertEquals(0, remind(true).queued());
  }

  /** How many reminders were queued, and the text of those Bob got. */
  private record Reminders(int queued, List<String> toBob) {}

  /**
   * Reminders queued over the 80 hours after a prompt open for 3 days opened in Alice's community
   * of three, where Carol turned notifications off, Bob's Moodle is in Portuguese and Bob may keep
   * an answer in his journal.
   */
  private Reminders remind(boolean bobWritesInHisJournal) throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-02T12:00:00Z"));
    try (FakeMoodle fake = new FakeMoodle().start();
        DiscussionWorld world = new DiscussionWorld(dataDir, fake, clock)) {
      Community c = communityOfThree(world);
      world.people().languages().rememberLaunch(null, DiscussionWorld.BOB.lmsUserId(), "pt_PT");
      world.discussions.setNotifications(
          DiscussionWorld.CAROL,
          c.id(),
          org.copconnector.plugin.discussion.NotificationChoice.NONE);
      PromptSchedules scheduler = schedules(world, clock);
      scheduleOnce(scheduler, c, 3);
      clock.advance(Duration.ofHours(6));
      assertEquals(1, scheduler.openDue());
      if (bobWritesInHisJournal) {
        new org.copconnector.plugin.prompt.Reflections(
                world.dataSource(), world.discussions, null, world.people(), clock)
            .write(
                DiscussionWorld.BOB,
                new org.copconnector.plugin.prompt.Reflections.NewReflection(
                    openingsThread(world, c), "<p>Só para mim, por agora.</p>", false, null));
      }
      int before = world.outbox.count(org.copconnector.plugin.outbox.OutboxMessage.Status.PENDING);
      for (int hour = 0; hour < 80; hour++) {
        clock.advance(Duration.ofHours(1));
        scheduler.openDue();
      }
      int queued =
          world.outbox.count(org.copconnector.plugin.outbox.OutboxMessage.Status.PENDING) - before;
      world.deliverUntilDone();
      return new Reminders(
          queued,
          fake.state().messages.stream()
              .filter(m -> m.toUserId() == 5 && m.text().contains("«Depois da aula» fecha"))
              .map(m -> m.text())
              .toList());
    }
  }

  @Test
  void theDialogueViewCountsRespondentsRepliesToColleaguesAndMedianWords() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-02T12:00:00Z"));
    try (FakeMoodle fake = new FakeMoodle().start();
        DiscussionWorld world = new DiscussionWorld(dataDir, fake, clock)) {
      Community c = communityOfThree(world);
      PromptSchedules scheduler = schedules(world, clock);
      scheduleOnce(scheduler, c, null);
      clock.advance(Duration.ofHours(6));
      scheduler.openDue();
      String thread = openingsThread(world, c);
      String bobs =
          world
              .discussions
              .reply(
                  DiscussionWorld.BOB,
                  thread,
                  new org.copconnector.plugin.discussion.DiscussionRequests.NewReply(
                      "<p>one two three four</p>", null, null))
              .id();
      world.discussions.reply(
          DiscussionWorld.CAROL,
          thread,
          new org.copconnector.plugin.discussion.DiscussionRequests.NewReply(
              "<p>yes, and five six</p>", bobs, null));
      world.discussions.reply(
          DiscussionWorld.BOB,
          thread,
          new org.copconnector.plugin.discussion.DiscussionRequests.NewReply(
              "<p>thanks</p>", null, null));
      Dialogue.DialogueRow row =
          new Dialogue(world.dataSource(), world.people(), null, clock)
              .community(ALICE, c.id())
              .get(0);
      assertEquals(3, row.members());
      assertEquals(2, row.respondents());
      assertEquals(66.7, row.responseRate());
      assertEquals(3, row.answers());
      assertEquals(1, row.repliesToColleagues());
      assertEquals(33.3, row.dialogueShare());
      assertEquals(4, row.medianWords(), "1, 4 and 4 words");
    }
  }

  @Test
  void aStoppedScheduleOpensNothingMore() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-02T12:00:00Z"));
    try (FakeMoodle fake = new FakeMoodle().start();
        DiscussionWorld world = new DiscussionWorld(dataDir, fake, clock)) {
      Community c = communityOfThree(world);
      PromptSchedules scheduler = schedules(world, clock);
      PromptSchedules.Schedule weekly = schedule(scheduler, c, Occurrences.Repeat.WEEKLY, null);
      clock.advance(Duration.ofHours(6));
      assertEquals(1, scheduler.openDue());
      org.junit.jupiter.api.Assertions.assertThrows(
          org.copconnector.plugin.web.ApiException.class,
          () -> scheduler.stop(DiscussionWorld.BOB, weekly.id()),
          "members cannot stop it");
      PromptSchedules.Schedule stopped = scheduler.stop(ALICE, weekly.id());
      assertEquals(clock.instant(), stopped.stoppedAt());
      assertEquals(null, stopped.nextOpeningAt());
      for (int day = 0; day < 21; day++) {
        clock.advance(Duration.ofDays(1));
        assertEquals(0, scheduler.openDue());
      }
      assertEquals(1, scheduler.list(ALICE, c.id()).get(0).opened(), "what it opened stays");
    }
  }

  /** Alice's community with Bob and Carol as members. */
  private static Community communityOfThree(DiscussionWorld world) {
    Community c =
        world.communities.create(
            ALICE, new NewCommunity("Reflexão", "Aulas", null, null, List.of("2")));
    world.communities.join(DiscussionWorld.BOB, c.id());
    world.communities.join(DiscussionWorld.CAROL, c.id());
    return c;
  }

  /**
   * A one-off prompt at 18:00 Lisbon on 2 November 2026, open for {@code openDays} (or unbounded).
   */
  private static void scheduleOnce(PromptSchedules scheduler, Community c, Integer openDays) {
    schedule(scheduler, c, Occurrences.Repeat.ONCE, openDays);
  }

  /**
   * "Depois da aula" from 2 November 2026 at 18:00 Lisbon, open for {@code openDays} or unbounded.
   */
  private static PromptSchedules.Schedule schedule(
      PromptSchedules scheduler, Community c, Occurrences.Repeat repeat, Integer openDays) {
    return scheduler.schedule(
        ALICE,
        new PromptSchedules.NewSchedule(
            c.id(),
            "Depois da aula",
            "<p>Uma coisa que aprendi.</p>",
            repeat,
            LocalDate.parse("2026-11-02"),
            "18:00",
            null,
            openDays,
            null,
            null,
            null));
  }

  private static String openingsThread(DiscussionWorld world, Community c) {
    return world.discussions.threads(ALICE, c.id(), 0).threads().stream()
        .map(DiscussionViews.ListedThread::thread)
        .filter(t -> t.title().equals("Depois da aula"))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
