package org.copconnector.plugin.prompt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A prompt as it opened once: its thread in the community, and until when it is open. */
record Opening(
    String threadId,
    String communityId,
    String title,
    LocalDate date,
    Instant openedAt,
    Instant closesAt,
    boolean asksEvidence) {

  private static final String SELECT =
      "SELECT o.thread_id, s.community_id, s.title, o.occurrence_date, o.opened_at, o.closes_at,"
          + " s.asks_evidence FROM prompt_opening o JOIN prompt_schedule s ON s.id = o.schedule_id ";

  boolean openAt(Instant now) {
    return closesAt == null || closesAt.isAfter(now);
  }

  /** The opening whose thread this is, if the thread is a prompt's. */
  static Optional<Opening> ofThread(Connection c, String threadId) throws SQLException {
    List<Opening> found = query(c, SELECT + "WHERE o.thread_id = ?", threadId);
    return found.stream().findFirst();
  }

  /** A community's openings, oldest first. */
  static List<Opening> ofCommunity(Connection c, String communityId) throws SQLException {
    return query(
        c, SELECT + "WHERE s.community_id = ? ORDER BY o.opened_at, o.thread_id", communityId);
  }

  private static List<Opening> query(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      List<Opening> openings = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp closes = rs.getTimestamp(6);
          openings.add(
              new Opening(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getDate(4).toLocalDate(),
                  rs.getTimestamp(5).toInstant(),
                  closes == null ? null : closes.toInstant(),
                  rs.getBoolean(7)));
        }
      }
      return openings;
    }
  }
}
