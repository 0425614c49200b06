package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.copconnector.connector.testing.CoreWithoutLms;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.connector.testing.Teachers;
import org.copconnector.plugin.discussion.DiscussionRequests.NewReply;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.testing.PostgresServer;
import org.copconnector.plugin.training.AttendanceSheet;
import org.copconnector.plugin.training.Modality;
import org.copconnector.plugin.training.TraineePortfolio;
import org.copconnector.plugin.training.TrainerDashboard;
import org.copconnector.plugin.training.TrainingAction;
import org.copconnector.plugin.training.TrainingRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prompt after a training session, the trainer's dashboard and a trainee's portfolio behave
 * alike on H2 and PostgreSQL.
 */
class TrainingOnBothDatabasesTest {

  private static final Session MARTA =
      Teachers.in("c1", "Ciências", "17", "Marta Reis", ProductRole.FACILITATOR);
  private static final Session JOAO =
      Teachers.in("c1", "Ciências", "18", "João Pires", ProductRole.MEMBER);

  @TempDir Path h2Dir;

  /** What each step showed, as lines to compare between the databases. */
  private static List<String> run(DatabaseSettings settings) throws Exception {
    List<String> seen = new ArrayList<>();
    try (Database db = Database.open(settings)) {
      db.migrate();
      ManualClock clock = new ManualClock(Instant.parse("2026-11-24T10:00:00Z"));
      CommunityServices core = CoreWithoutLms.on(db.dataSource(), clock);
      core.people()
          .recordLaunch(
              "c1",
              "Ciências",
              new Participant("17", "Marta Reis", null, List.of("editingteacher"), List.of()));
      for (String[] p : new String[][] {{"18", "João Pires"}, {"19", "Rita Dias"}}) {
        core.people()
            .recordLaunch(
                "c1", "Ciências", new Participant(p[0], p[1], null, List.of("student"), List.of()));
      }
      PromptSchedules prompts =
          new PromptSchedules(
              db.dataSource(),
              core.discussions(),
              core.notifier(),
              core.people(),
              ZoneOffset.UTC,
              clock);
      TrainingServices training =
          TrainingServices.wire(db.dataSource(), core, prompts, ZoneOffset.UTC, clock);
      // 4 joint hours (240 min), two thirds at least (160 min).
      TrainingAction action =
          training
              .actions()
              .create(
                  MARTA,
                  new TrainingRequests.NewAction(
                      "Oficina",
                      Modality.WORKSHOP,
                      null,
                      BigDecimal.valueOf(4),
                      BigDecimal.ZERO,
                      null,
                      LocalDate.parse("2026-11-30"),
                      null,
                      null,
                      null,
                      List.of("18", "19"),
                      null));
      String first = plan(training, action, "2026-11-24T14:00:00Z");
      plan(training, action, "2026-11-26T14:00:00Z");
      training
          .attendance()
          .mark(MARTA, first, "18", new TrainingRequests.Mark(AttendanceSheet.Mark.PRESENT, 0, ""));
      training
          .attendance()
          .mark(MARTA, first, "19", new TrainingRequests.Mark(AttendanceSheet.Mark.ABSENT, 0, ""));
      seen.add("opened before the end: " + training.sessionPrompts().openDue());
      clock.advance(Duration.ofHours(6));
      seen.add("opened at the end: " + training.sessionPrompts().openDue());
      seen.add("opened again: " + training.sessionPrompts().openDue());

      TrainerDashboard board = training.dashboards().of(MARTA, action.id());
      String thread = board.reflections().get(0).threadId();
      core.discussions()
          .reply(JOAO, thread, new NewReply("<p>Vou tentar no 7.º B.</p>", null, null));
      board = training.dashboards().of(MARTA, action.id());
      seen.add("upcoming: " + board.upcoming().size());
      board
          .atRisk()
          .forEach(r -> seen.add("at risk: " + r.userId() + " " + r.state() + " " + r.percent()));
      board
          .reflections()
          .forEach(
              r -> seen.add("session " + r.number() + ": " + r.reflected() + "/" + r.missing()));
      TrainerDashboard.FinalReflections finals = board.finalReflections();
      seen.add("finals: " + finals.missing() + " " + finals.due() + " " + finals.daysLeft());
      seen.add("to grade: " + board.evaluation().toGrade());
      TraineePortfolio portfolio = training.portfolios().of(JOAO, action.id(), "18");
      for (TraineePortfolio.SessionPart part : portfolio.sessions()) {
        seen.add(
            "portfolio session "
                + part.number()
                + " ended "
                + part.ended()
                + " answers "
                + part.answers().stream().map(TraineePortfolio.Answer::body).toList());
      }
      seen.add("course: " + training.dashboards().ofCourse(MARTA, "c1").size());
    }
    return seen;
  }

  private static String plan(TrainingServices training, TrainingAction action, String start) {
    return training
        .actions()
        .addSession(
            MARTA,
            action.id(),
            new TrainingRequests.SessionPlan(Instant.parse(start), 120, null, null, null))
        .id();
  }

  @Test
  void h2AndPostgresShowTheSameDashboardAndPortfolio() throws Exception {
    List<String> h2 = run(DatabaseSettings.h2File(h2Dir, 4));
    List<String> pg = run(PostgresServer.shared().newDatabase());
    // João 120 of 240 min (50.0 %): missing the second session would leave him below 160;
    // Rita none, and at most 120 more: lost.
    assertEquals(
        List.of(
            "opened before the end: 0",
            "opened at the end: 1",
            "opened again: 0",
            "upcoming: 1",
            "at risk: 18 AT_RISK 50.0",
            "at risk: 19 LOST 0.0",
            "session 1: 1/1",
            "finals: 2 SOON 6",
            "to grade: 2",
            "portfolio session 1 ended true answers [<p>Vou tentar no 7.º B.</p>]",
            "portfolio session 2 ended false answers []",
            "course: 1"),
        h2);
    assertEquals(h2, pg);
  }
}
