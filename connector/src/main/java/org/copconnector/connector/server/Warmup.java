package org.copconnector.connector.server;

/**
 * Loads the database side's heaviest classes (Flyway with its plugins, H2) on a second core while
 * the main thread parses the command line and sets up logging, which use only one: it shortens the
 * time to the first answer by a few hundred milliseconds and changes nothing else.
 */
final class Warmup {

  private Warmup() {}

  static void start() {
    Thread warmup =
        new Thread(
            () -> {
              try {
                org.flywaydb.core.Flyway.configure();
                Class.forName("org.h2.Driver");
                Class.forName("org.h2.engine.Engine");
                Class.forName("com.zaxxer.hikari.HikariDataSource");
              } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // Only a head start: anything missing here is loaded normally when needed.
              }
            },
            "warmup");
    warmup.setDaemon(true);
    warmup.start();
  }
}
