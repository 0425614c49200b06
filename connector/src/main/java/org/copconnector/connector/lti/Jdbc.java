package org.copconnector.connector.lti;

import java.sql.SQLException;

/** Small JDBC helpers shared by the LTI stores. */
final class Jdbc {

  private Jdbc() {}

  /**
   * True for a unique or primary-key violation (SQLSTATE class 23), the same on H2 and PostgreSQL.
   */
  static boolean isDuplicate(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }
}
