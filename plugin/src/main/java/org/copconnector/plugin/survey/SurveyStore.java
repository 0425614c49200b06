package org.copconnector.plugin.survey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.SqlStates;

/** SQL for surveys, rounds, participation and anonymous answers. */
final class SurveyStore {

  /** A survey as stored. */
  record Row(String id, String communityId, Survey.Template template, String title) {}

  /** A round as stored. */
  record RoundRow(
      String id, String surveyId, Instant opensAt, Instant closesAt, int minRespondents) {}

  void insertSurvey(Connection c, Row s, List<String> items, String by, Instant at)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO survey (id, community_id, template, title, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        s.id(),
        s.communityId(),
        s.template().name(),
        s.title(),
        by,
        Timestamp.from(at));
    for (int i = 0; i < items.size(); i++) {
      Sql.update(
          c,
          "INSERT INTO survey_item (survey_id, position, text) VALUES (?, ?, ?)",
          s.id(),
          i + 1,
          items.get(i));
    }
  }

  Optional<Row> survey(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, community_id, template, title FROM survey WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Row(
                    rs.getString(1),
                    rs.getString(2),
                    Survey.Template.valueOf(rs.getString(3)),
                    rs.getString(4)))
            : Optional.empty();
      }
    }
  }

  List<String> surveysOf(Connection c, String communityId) throws SQLException {
    return Sql.strings(
        c, "SELECT id FROM survey WHERE community_id = ? ORDER BY created_at, id", communityId);
  }

  List<String> items(Connection c, String surveyId) throws SQLException {
    return Sql.strings(
        c, "SELECT text FROM survey_item WHERE survey_id = ? ORDER BY position", surveyId);
  }

  /** Holds the survey's row until the transaction ends, so that rounds open one at a time. */
  void lock(Connection c, String surveyId) throws SQLException {
    Sql.first(c, "SELECT id FROM survey WHERE id = ? FOR UPDATE", surveyId);
  }

  void insertRound(Connection c, RoundRow r, Instant at) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO survey_round (id, survey_id, opens_at, closes_at, min_respondents, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        r.id(),
        r.surveyId(),
        Timestamp.from(r.opensAt()),
        Timestamp.from(r.closesAt()),
        r.minRespondents(),
        Timestamp.from(at));
  }

  /** A survey's rounds, oldest first. */
  List<RoundRow> rounds(Connection c, String surveyId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, survey_id, opens_at, closes_at, min_respondents FROM survey_round"
                + " WHERE survey_id = ? ORDER BY opens_at, id")) {
      ps.setString(1, surveyId);
      List<RoundRow> rounds = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rounds.add(
              new RoundRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getTimestamp(3).toInstant(),
                  rs.getTimestamp(4).toInstant(),
                  rs.getInt(5)));
        }
      }
      return rounds;
    }
  }

  boolean answered(Connection c, String roundId, String user) throws SQLException {
    return Sql.first(
            c,
            "SELECT lms_user_id FROM survey_participation WHERE round_id = ? AND lms_user_id = ?",
            roundId,
            user)
        .isPresent();
  }

  /**
   * Records that the person took part (false if they already had), then their answers apart from
   * them; {@code agreements[i]} is item i+1's answer, 1 to 5, or null when skipped.
   */
  boolean answer(Connection c, String roundId, String user, List<Integer> agreements)
      throws SQLException {
    try {
      Sql.update(
          c,
          "INSERT INTO survey_participation (round_id, lms_user_id) VALUES (?, ?)",
          roundId,
          user);
    } catch (SQLException e) {
      if (SqlStates.isDuplicate(e)) {
        return false;
      }
      throw e;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO survey_answer (id, round_id, position, agreement) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < agreements.size(); i++) {
        if (agreements.get(i) != null) {
          ps.setString(1, UUID.randomUUID().toString());
          ps.setString(2, roundId);
          ps.setInt(3, i + 1);
          ps.setInt(4, agreements.get(i));
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
    return true;
  }

  /** An open comment, kept apart from its author as the answers are. */
  void comment(Connection c, String roundId, String body) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO survey_comment (id, round_id, body) VALUES (?, ?, ?)",
        UUID.randomUUID().toString(),
        roundId,
        body);
  }

  /** A round's comments in the order of their random keys, which says nothing of who or when. */
  List<String> comments(Connection c, String roundId) throws SQLException {
    return Sql.strings(
        c, "SELECT body FROM survey_comment WHERE round_id = ? ORDER BY id", roundId);
  }

  /** Ends a round at {@code at} if it would close later. */
  void closeRound(Connection c, String roundId, Instant at) throws SQLException {
    Sql.update(
        c,
        "UPDATE survey_round SET closes_at = ? WHERE id = ? AND closes_at > ?",
        Timestamp.from(at),
        roundId,
        Timestamp.from(at));
  }

  int respondents(Connection c, String roundId) throws SQLException {
    return Sql.count(c, "SELECT COUNT(*) FROM survey_participation WHERE round_id = ?", roundId);
  }

  /** Answer counts per item and scale point: {@code counts[item-1][agreement-1]}. */
  int[][] counts(Connection c, String roundId, int items) throws SQLException {
    int[][] counts = new int[items][5];
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT position, agreement, COUNT(*) FROM survey_answer WHERE round_id = ?"
                + " GROUP BY position, agreement")) {
      ps.setString(1, roundId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int position = rs.getInt(1);
          int agreement = rs.getInt(2);
          if (position >= 1 && position <= items && agreement >= 1 && agreement <= 5) {
            counts[position - 1][agreement - 1] = rs.getInt(3);
          }
        }
      }
    }
    return counts;
  }
}
