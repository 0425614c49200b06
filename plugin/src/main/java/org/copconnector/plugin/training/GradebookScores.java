package org.copconnector.plugin.training;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.session.Tokens;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.Transaction;

/**
 * Trainees' grades on their way to the LMS's gradebook: each grade saved becomes a score in the
 * outbox (delivered by the LMS side's handler of {@link #KIND}), one gradebook column per action.
 * Only the last score of a trainee counts; each later one has a later timestamp.
 */
public final class GradebookScores {

  /** The outbox kind of a score. */
  public static final String KIND = "gradebook.score";

  /**
   * A score as the outbox carries it: the action's column (its title, the policy's scale maximum),
   * the trainee, the final grade, the trainer's comment and when it was given.
   */
  public record Score(
      String actionId,
      String courseId,
      String title,
      String userId,
      BigDecimal scoreGiven,
      BigDecimal scoreMaximum,
      String comment,
      Instant timestamp) {

    public static Score of(OutboxMessage message) {
      return Json.strict().fromJson(message.payload(), Score.class);
    }
  }

  /** The gradebook column an action's scores go to, once made. */
  public record LineItem(long platformId, String url) {}

  private final DataSource dataSource;
  private final Outbox outbox;

  public GradebookScores(DataSource dataSource, Outbox outbox) {
    this.dataSource = dataSource;
    this.outbox = outbox;
  }

  /**
   * Queues {@code grade} of {@code userId} for the gradebook within the caller's transaction. Its
   * timestamp is the grade's second, or one second after the trainee's last score when that is not
   * earlier: the LMS keeps the later one.
   */
  void enqueue(Connection c, TrainingStore.Row action, String userId, EvaluationStore.Grade grade)
      throws SQLException {
    Instant at = grade.gradedAt().truncatedTo(ChronoUnit.SECONDS);
    Optional<Instant> last = lastScoredAt(c, action.id(), userId);
    if (last.isPresent() && !last.get().isBefore(at)) {
      at = last.get().plusSeconds(1);
    }
    Score score =
        new Score(
            action.id(),
            action.courseId(),
            action.title(),
            userId,
            grade.grade(),
            action.policy().scaleMax(),
            grade.comment().isEmpty() ? null : grade.comment(),
            at);
    String key =
        KIND + ":" + Tokens.sha256(action.id() + "\n" + userId + "\n" + at.getEpochSecond());
    Object[] values = {Timestamp.from(at), key, action.id(), userId};
    if (Sql.update(
            c,
            "UPDATE training_grade_score SET scored_at = ?, outbox_key = ?"
                + " WHERE action_id = ? AND lms_user_id = ?",
            values)
        == 0) {
      Sql.update(
          c,
          "INSERT INTO training_grade_score (scored_at, outbox_key, action_id, lms_user_id)"
              + " VALUES (?, ?, ?, ?)",
          values);
    }
    // One action's scores go in order: its column is made once, by the first.
    outbox.enqueue(c, KIND, key, "gradebook:" + action.id(), Json.strict().toJson(score));
  }

  /**
   * Where each trainee's last score is, by trainee: {@code pending}, {@code in_gradebook}, {@code
   * waiting} (for the LMS to say where its gradebook is) or {@code failed}, with the failure.
   */
  Map<String, EvaluationSheet.Gradebook> states(Connection c, String actionId) throws SQLException {
    Map<String, String> keys = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT lms_user_id, outbox_key FROM training_grade_score WHERE action_id = ?")) {
      ps.setString(1, actionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    Map<String, Outbox.Delivery> deliveries = Outbox.deliveries(c, keys.values());
    Map<String, EvaluationSheet.Gradebook> states = new HashMap<>();
    keys.forEach(
        (userId, key) -> {
          Outbox.Delivery d = deliveries.get(key);
          if (d != null) {
            states.put(userId, state(d));
          }
        });
    return states;
  }

  private static EvaluationSheet.Gradebook state(Outbox.Delivery d) {
    return switch (d.status()) {
      case DELIVERED -> new EvaluationSheet.Gradebook("in_gradebook", null);
      case FAILED -> new EvaluationSheet.Gradebook("failed", d.failure());
      case PENDING ->
          DeliveryFailure.Kind.WAITING.code().equals(d.failure())
              ? new EvaluationSheet.Gradebook("waiting", d.failure())
              : new EvaluationSheet.Gradebook("pending", d.failure());
    };
  }

  /**
   * Whether the message of {@code key} carries the trainee's last score (a later grade replaces an
   * earlier one still on its way).
   */
  public boolean isLatest(String actionId, String userId, String key) {
    return read(
        c ->
            Sql.first(
                    c,
                    "SELECT outbox_key FROM training_grade_score WHERE action_id = ? AND lms_user_id = ?",
                    actionId,
                    userId)
                .map(key::equals)
                .orElse(false));
  }

  /** The action's gradebook column, once made. */
  public Optional<LineItem> lineItem(String actionId) {
    return read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT platform_id, url FROM training_line_item WHERE action_id = ?")) {
            ps.setString(1, actionId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new LineItem(rs.getLong(1), rs.getString(2)))
                  : Optional.empty();
            }
          }
        });
  }

  /** Keeps the action's gradebook column (replacing one the LMS no longer has). */
  public void saveLineItem(String actionId, LineItem item, Instant at) {
    read(
        c -> {
          Sql.update(c, "DELETE FROM training_line_item WHERE action_id = ?", actionId);
          return Sql.update(
              c,
              "INSERT INTO training_line_item (action_id, platform_id, url, created_at)"
                  + " VALUES (?, ?, ?, ?)",
              actionId,
              item.platformId(),
              item.url(),
              Timestamp.from(at));
        });
  }

  /** Forgets the action's column: the LMS no longer has it. */
  public void forgetLineItem(String actionId) {
    read(c -> Sql.update(c, "DELETE FROM training_line_item WHERE action_id = ?", actionId));
  }

  private Optional<Instant> lastScoredAt(Connection c, String actionId, String userId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT scored_at FROM training_grade_score WHERE action_id = ? AND lms_user_id = ?")) {
      ps.setString(1, actionId);
      ps.setString(2, userId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
      }
    }
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "gradebook scores", work);
  }
}
