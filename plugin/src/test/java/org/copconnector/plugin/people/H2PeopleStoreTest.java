package org.copconnector.plugin.people;

import java.nio.file.Path;
import org.copconnector.plugin.store.DatabaseSettings;
import org.junit.jupiter.api.io.TempDir;

class H2PeopleStoreTest extends PeopleStoreContract {

  @TempDir Path dataDir;

  @Override
  protected DatabaseSettings settings() {
    return DatabaseSettings.h2File(dataDir, 5);
  }
}
