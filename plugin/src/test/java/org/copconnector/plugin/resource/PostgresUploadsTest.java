package org.copconnector.plugin.resource;

import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.testing.PostgresServer;

/** The sweep's queries on PostgreSQL. */
class PostgresUploadsTest extends UploadsTest {

  @Override
  protected DatabaseSettings settings() {
    return PostgresServer.shared().newDatabase();
  }

  @Override
  protected String referencesOff() {
    return "SET session_replication_role = replica";
  }

  @Override
  protected String referencesOn() {
    return "SET session_replication_role = DEFAULT";
  }
}
