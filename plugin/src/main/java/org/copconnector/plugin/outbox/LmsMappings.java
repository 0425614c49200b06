package org.copconnector.plugin.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.copconnector.plugin.store.SqlStates;
import org.copconnector.plugin.store.StoreException;

/**
 * Which LMS object each connector object was mirrored as (e.g. a community anchor → a Moodle group
 * id).
 */
public final class LmsMappings {

  private final DataSource dataSource;
  private final Clock clock;

  public LmsMappings(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  public Optional<String> find(String kind, String localId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT lms_id FROM lms_mapping WHERE kind = ? AND local_id = ?")) {
      ps.setString(1, kind);
      ps.setString(2, localId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read an LMS mapping", e);
    }
  }

  /** The local object mirrored as {@code lmsId}, if any. */
  public Optional<String> findLocal(String kind, String lmsId) {
    try (Connection c = dataSource.getConnection()) {
      return findLocal(c, kind, lmsId);
    } catch (SQLException e) {
      throw new StoreException("cannot read an LMS mapping", e);
    }
  }

  /** As {@link #findLocal(String, String)}, within the caller's transaction. */
  public Optional<String> findLocal(Connection c, String kind, String lmsId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT local_id FROM lms_mapping WHERE kind = ? AND lms_id = ?")) {
      ps.setString(1, kind);
      ps.setString(2, lmsId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Records a mapping within the caller's transaction (stored with the object it maps). */
  public void put(Connection c, String kind, String localId, String lmsId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO lms_mapping (kind, local_id, lms_id, created_at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, kind);
      ps.setString(2, localId);
      ps.setString(3, lmsId);
      ps.setTimestamp(4, Timestamp.from(Instant.now(clock)));
      ps.executeUpdate();
    }
  }

  /** Records a mapping; recording the same one again keeps the first. */
  public void put(String kind, String localId, String lmsId) {
    if (find(kind, localId).isPresent()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      put(c, kind, localId, lmsId);
    } catch (SQLException e) {
      if (!SqlStates.isDuplicate(e)) {
        throw new StoreException("cannot store an LMS mapping", e);
      }
    }
  }
}
