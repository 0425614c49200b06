package org.copconnector.plugin.training;

import java.sql.Connection;
import java.sql.SQLException;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Who may do what in a training action: its trainers run it, its trainees see their own part,
 * administrators everything; people of other courses do not learn that it exists. A closed action
 * takes no changes.
 */
final class TrainingAccess {

  /** The caller's standing in one action. */
  record Standing(TrainingStore.Row action, boolean trainer, boolean trainee, boolean admin) {

    /** Trainers and administrators see everyone's figures. */
    boolean seesEveryone() {
      return trainer || admin;
    }

    Standing requireTrainer() {
      if (!seesEveryone()) {
        throw new ApiException(Reason.TRAINERS_ONLY, "only this action's trainers can do that");
      }
      return this;
    }

    /**
     * The reason of a change: none while the action is open; once closed, only an administrator
     * changes it, saying why (the correction is logged).
     */
    String correctionReason(String given) {
      if (!action.closed()) {
        return null;
      }
      if (!admin) {
        requireOpen();
      }
      String reason = given == null ? "" : given.strip();
      if (reason.isEmpty()) {
        throw ApiException.invalid(
            Reason.CORRECTION_REASON_REQUIRED, "reason", "say why a closed action is corrected");
      }
      return reason;
    }

    Standing requireOpen() {
      if (action.closed()) {
        throw new ApiException(
            Reason.TRAINING_CLOSED, "this training action is closed: its records are frozen");
      }
      return this;
    }
  }

  private final TrainingStore store;
  private final CommunityAccess communities;

  TrainingAccess(TrainingStore store, CommunityAccess communities) {
    this.store = store;
    this.communities = communities;
  }

  /** The caller's standing; 404 when the action does not exist or is of a course not theirs. */
  Standing of(Connection c, Session session, String actionId) throws SQLException {
    return standing(c, session, store.find(c, actionId), actionId);
  }

  /** As {@link #of}, holding the action's row until the transaction ends (for changes). */
  Standing forChange(Connection c, Session session, String actionId) throws SQLException {
    return standing(c, session, store.lock(c, actionId), actionId);
  }

  /** The session, found only by those who may see its action. */
  TrainingSession session(Connection c, Session session, String sessionId) throws SQLException {
    TrainingSession found =
        store
            .session(c, sessionId)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        Reason.TRAINING_SESSION_NOT_FOUND, "training session " + sessionId));
    try {
      of(c, session, found.actionId());
    } catch (ApiException e) {
      if (e.status() == 404) {
        throw ApiException.notFound(
            Reason.TRAINING_SESSION_NOT_FOUND, "training session " + sessionId);
      }
      throw e;
    }
    return found;
  }

  private Standing standing(
      Connection c, Session session, java.util.Optional<TrainingStore.Row> row, String actionId)
      throws SQLException {
    TrainingStore.Row action =
        row.orElseThrow(
            () -> ApiException.notFound(Reason.TRAINING_NOT_FOUND, "training action " + actionId));
    boolean admin = session.role() == ProductRole.ADMIN;
    boolean trainer = store.isTrainer(c, actionId, session.lmsUserId());
    boolean trainee = store.isTrainee(c, actionId, session.lmsUserId());
    if (!admin && !trainer && !trainee) {
      if (!communities.coursesOf(c, session).contains(action.courseId())) {
        throw ApiException.notFound(Reason.TRAINING_NOT_FOUND, "training action " + actionId);
      }
      throw new ApiException(
          Reason.TRAINING_PARTICIPANTS_ONLY, "only this action's trainers and trainees can see it");
    }
    return new Standing(action, trainer, trainee, admin);
  }
}
