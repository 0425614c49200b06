package org.copconnector.plugin.training;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Trainees' portfolios of an action: a trainee opens their own, the action's trainers and
 * administrators anyone's.
 */
public final class TraineePortfolios {

  private final DataSource dataSource;
  private final PeopleStore people;
  private final Clock clock;
  private final TrainingStore store = new TrainingStore();
  private final EvaluationStore evaluations = new EvaluationStore();
  private final SessionReflectionStore answers = new SessionReflectionStore();
  private final TrainingAccess access;

  public TraineePortfolios(DataSource dataSource, PeopleStore people, Clock clock) {
    this.dataSource = dataSource;
    this.people = people;
    this.clock = clock;
    this.access = new TrainingAccess(store, new CommunityAccess(people));
  }

  /** {@code userId}'s portfolio in the action; theirs, or its trainers'. */
  public TraineePortfolio of(Session session, String actionId, String userId) {
    return Transaction.run(
        dataSource,
        "trainee portfolio",
        c -> {
          TrainingAccess.Standing standing = access.of(c, session, actionId);
          boolean own = session.lmsUserId().equals(userId);
          if (!own) {
            standing.requireTrainer();
          }
          if (!store.isTrainee(c, actionId, userId)) {
            throw ApiException.notFound(Reason.TRAINEE_NOT_FOUND, "trainee " + userId);
          }
          return portfolio(c, standing.action(), userId, own);
        });
  }

  private TraineePortfolio portfolio(
      Connection c, TrainingStore.Row action, String userId, boolean own) throws SQLException {
    Instant now = Instant.now(clock);
    Map<String, String> threads = answers.threads(c, action.id());
    List<SessionReflectionStore.Answer> written = answers.answersOf(c, action.id(), userId, own);
    List<TraineePortfolio.SessionPart> sessions = new ArrayList<>();
    int number = 0;
    for (TrainingSession s : store.sessionsOf(c, action.id())) {
      if (!s.scheduled()) {
        continue;
      }
      number++;
      List<TraineePortfolio.Answer> mine =
          written.stream()
              .filter(a -> a.sessionId().equals(s.id()))
              .map(a -> new TraineePortfolio.Answer(a.body(), a.shared(), a.writtenAt()))
              .toList();
      sessions.add(
          new TraineePortfolio.SessionPart(
              s, number, !now.isBefore(s.endsAt()), threads.get(s.id()), mine));
    }
    EvaluationStore.Reflection reflection =
        evaluations.reflection(c, action.id(), userId).orElse(null);
    EvaluationStore.Grade grade = evaluations.grade(c, action.id(), userId).orElse(null);
    String name = people.names(c, List.of(userId)).getOrDefault(userId, "User " + userId);
    return new TraineePortfolio(
        action.id(),
        action.title(),
        userId,
        name,
        own,
        sessions,
        reflection == null
            ? new TraineePortfolio.FinalPart(false, null, null)
            : new TraineePortfolio.FinalPart(true, reflection.body(), reflection.submittedAt()),
        grade == null
            ? null
            : new TraineePortfolio.GradePart(
                // Stored with two decimals; shown with the policy's, which it was rounded to.
                grade.grade().setScale(action.policy().decimals(), RoundingMode.HALF_UP),
                action.policy().decimals(),
                grade.mention(),
                grade.gradedAt()));
  }
}
