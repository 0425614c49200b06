package org.copconnector.plugin.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Store contract on the embedded H2 file database, as shipped by default. */
class H2DatabaseTest extends DatabaseContract {

  @TempDir Path dataDir;

  @Override
  protected DatabaseSettings settings() {
    return DatabaseSettings.h2File(dataDir, 5);
  }
}
