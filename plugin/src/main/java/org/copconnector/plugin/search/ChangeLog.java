package org.copconnector.plugin.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.copconnector.plugin.store.Sql;

/**
 * A table of changes that a search index follows: one row per change of a record, numbered in
 * order, written in the changing transaction. {@code table} and {@code idColumn} are the code's own
 * constants, never input.
 */
public record ChangeLog(String table, String idColumn) {

  /** One entry: its number and the record that changed. */
  public record Change(long seq, String id) {}

  /** Notes a change of {@code id}, in the changing transaction. */
  public void changed(Connection c, String id) throws SQLException {
    Sql.update(c, "INSERT INTO " + table + " (" + idColumn + ") VALUES (?)", id);
  }

  /** Up to {@code limit} changes after {@code seq}, in order. */
  public List<Change> after(Connection c, long seq, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT seq, " + idColumn + " FROM " + table + " WHERE seq > ? ORDER BY seq")) {
      ps.setLong(1, seq);
      ps.setMaxRows(limit);
      List<Change> changes = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          changes.add(new Change(rs.getLong(1), rs.getString(2)));
        }
      }
      return changes;
    }
  }

  /** The number of the last change, 0 when there is none. */
  public long last(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
