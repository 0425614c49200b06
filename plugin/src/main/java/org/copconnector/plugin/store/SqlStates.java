package org.copconnector.plugin.store;

import java.sql.SQLException;

/** Portable reading of SQL errors, the same on H2 and PostgreSQL. */
public final class SqlStates {

  private SqlStates() {}

  /** True for a unique or primary-key violation (SQLSTATE class 23). */
  public static boolean isDuplicate(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }
}
