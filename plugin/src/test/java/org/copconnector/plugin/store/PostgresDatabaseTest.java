package org.copconnector.plugin.store;

import org.copconnector.plugin.testing.PostgresServer;

/** Store contract on a real PostgreSQL server started by the test suite. */
class PostgresDatabaseTest extends DatabaseContract {

  @Override
  protected DatabaseSettings settings() {
    return PostgresServer.shared().newDatabase();
  }
}
