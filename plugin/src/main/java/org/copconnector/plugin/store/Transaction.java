package org.copconnector.plugin.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one database transaction: all of it is stored, or none. */
public final class Transaction {

  /** Work done with the transaction's connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Transaction() {}

  /**
   * Commits when {@code work} returns, rolls back when it throws; SQL failures become {@link
   * StoreException}s naming {@code what}.
   */
  public static <T> T run(DataSource dataSource, String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(what + " failed", e);
    }
  }
}
