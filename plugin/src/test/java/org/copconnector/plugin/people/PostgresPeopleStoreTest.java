package org.copconnector.plugin.people;

import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.testing.PostgresServer;

class PostgresPeopleStoreTest extends PeopleStoreContract {

  @Override
  protected DatabaseSettings settings() {
    return PostgresServer.shared().newDatabase();
  }
}
