package org.copconnector.plugin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one-line statements the stores repeat: an update, a column of strings, a single value. */
public final class Sql {

  private Sql() {}

  /** Runs an insert, update or delete with positional values; returns the rows changed. */
  public static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, values)) {
      return ps.executeUpdate();
    }
  }

  /** The first column of every row, as strings. */
  public static List<String> strings(Connection c, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, values);
        ResultSet rs = ps.executeQuery()) {
      List<String> found = new ArrayList<>();
      while (rs.next()) {
        found.add(rs.getString(1));
      }
      return found;
    }
  }

  /** The first column of the first row, if there is one. */
  public static Optional<String> first(Connection c, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, values);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    }
  }

  /** The number a {@code SELECT COUNT(*) ...} query answers. */
  public static int count(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, values);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... values)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}
