package org.copconnector.plugin.training;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;

/**
 * Trainers' dashboards: one action's in one request, or every open action they train in a course.
 * Each action is read with a fixed number of queries, however many trainees and sessions it has.
 */
public final class TrainerDashboards {

  private final DataSource dataSource;
  private final Attendance attendance;
  private final Clock clock;
  private final TrainingStore store = new TrainingStore();
  private final EvaluationStore evaluations = new EvaluationStore();
  private final SessionReflectionStore answers = new SessionReflectionStore();
  private final TrainingAccess access;

  public TrainerDashboards(
      DataSource dataSource, PeopleStore people, Attendance attendance, Clock clock) {
    this.dataSource = dataSource;
    this.attendance = attendance;
    this.clock = clock;
    this.access = new TrainingAccess(store, new CommunityAccess(people));
  }

  /** One action's dashboard; its trainers and administrators. */
  public TrainerDashboard of(Session session, String actionId) {
    return read(
        c -> {
          TrainingAccess.Standing standing = access.of(c, session, actionId).requireTrainer();
          return dashboard(c, standing.action(), Instant.now(clock));
        });
  }

  /** The dashboards of the open actions of a course the caller trains (administrators: all). */
  public List<TrainerDashboard> ofCourse(Session session, String courseId) {
    return read(
        c -> {
          Instant now = Instant.now(clock);
          boolean admin = session.role() == ProductRole.ADMIN;
          List<TrainerDashboard> found = new ArrayList<>();
          for (TrainingStore.Row action : store.inCourse(c, courseId)) {
            if (!action.closed()
                && (admin || store.isTrainer(c, action.id(), session.lmsUserId()))) {
              found.add(dashboard(c, action, now));
            }
          }
          return found;
        });
  }

  private TrainerDashboard dashboard(Connection c, TrainingStore.Row action, Instant now)
      throws SQLException {
    List<String> trainees = store.trainees(c, action.id());
    List<TrainingSession> scheduled =
        store.sessionsOf(c, action.id()).stream().filter(TrainingSession::scheduled).toList();
    List<TrainingSession> upcoming =
        scheduled.stream()
            .filter(s -> now.isBefore(s.endsAt()))
            .limit(TrainerDashboard.UPCOMING)
            .toList();
    List<TrainerDashboard.AtRisk> atRisk = new ArrayList<>();
    for (AttendanceSummary.Row row : attendance.summary(c, action, trainees, now).rows()) {
      if (row.state() == AttendanceSummary.State.AT_RISK
          || row.state() == AttendanceSummary.State.LOST) {
        atRisk.add(
            new TrainerDashboard.AtRisk(
                row.userId(), row.name(), row.state(), row.attendedMinutes(), row.percent()));
      }
    }
    Map<String, String> threads = answers.threads(c, action.id());
    Map<String, Set<String>> answered = answers.answeredBy(c, action.id());
    List<TrainerDashboard.SessionReflections> reflections = new ArrayList<>();
    int number = 0;
    for (TrainingSession s : scheduled) {
      number++;
      if (now.isBefore(s.endsAt())) {
        continue;
      }
      Set<String> who = answered.getOrDefault(s.id(), Set.of());
      int reflected = (int) trainees.stream().filter(who::contains).count();
      reflections.add(
          new TrainerDashboard.SessionReflections(
              s, number, threads.get(s.id()), reflected, trainees.size() - reflected));
    }
    Set<String> handedIn = evaluations.reflectionAuthors(c, action.id());
    Set<String> graded = evaluations.graded(c, action.id());
    int submitted = (int) trainees.stream().filter(handedIn::contains).count();
    int gradedCount = (int) trainees.stream().filter(graded::contains).count();
    int ready =
        (int) trainees.stream().filter(t -> handedIn.contains(t) && !graded.contains(t)).count();
    return new TrainerDashboard(
        action.id(),
        action.title(),
        action.status(),
        trainees.size(),
        upcoming,
        atRisk,
        reflections,
        finalReflections(action.endsOn(), submitted, trainees.size() - submitted, now),
        new TrainerDashboard.Grading(gradedCount, trainees.size() - gradedCount, ready));
  }

  /** Days are counted in UTC, as the final reflection's last day is. */
  private static TrainerDashboard.FinalReflections finalReflections(
      LocalDate dueOn, int submitted, int missing, Instant now) {
    if (dueOn == null) {
      return new TrainerDashboard.FinalReflections(
          submitted, missing, null, null, TrainerDashboard.Due.NONE);
    }
    int daysLeft = (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(now, ZoneOffset.UTC), dueOn);
    TrainerDashboard.Due due =
        daysLeft < 0
            ? TrainerDashboard.Due.PASSED
            : daysLeft < TrainerDashboard.DUE_SOON_DAYS
                ? TrainerDashboard.Due.SOON
                : TrainerDashboard.Due.LATER;
    return new TrainerDashboard.FinalReflections(submitted, missing, dueOn, daysLeft, due);
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "trainer dashboard", work);
  }
}
