package org.copconnector.plugin.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** The connector's database: a connection pool plus the schema migrations that shape it. */
public final class Database implements AutoCloseable {

  private final DatabaseSettings settings;
  private final HikariDataSource dataSource;

  private Database(DatabaseSettings settings, HikariDataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
  }

  /** Opens the pool; fails with a {@link StoreException} when the database cannot be reached. */
  public static Database open(DatabaseSettings settings) {
    return open(settings, 5_000);
  }

  /**
   * Creates the pool without connecting yet, so start-up can connect (and migrate) in parallel with
   * other work; the first use reports an unreachable database.
   */
  public static Database openLazily(DatabaseSettings settings) {
    return open(settings, -1);
  }

  private static Database open(DatabaseSettings settings, long initializationFailTimeoutMillis) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    // Connections are opened as load needs them, not all at start-up.
    config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
    config.setPoolName("cop-db");
    config.setConnectionTimeout(5_000);
    config.setValidationTimeout(2_000);
    config.setInitializationFailTimeout(initializationFailTimeoutMillis);
    try {
      return new Database(settings, new HikariDataSource(config));
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot open database " + settings.safeUrl() + ": " + rootMessage(e), e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** Applies every pending migration; returns how many were applied. */
  public int migrate() {
    try {
      return flyway().migrate().migrationsExecuted;
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot migrate database " + settings.safeUrl() + ": " + rootMessage(e), e);
    }
  }

  /** Migrations known to this build that the database has not applied yet. */
  public List<String> pendingMigrations() {
    return Arrays.stream(flyway().info().pending())
        .map(MigrationInfo::getVersion)
        .map(v -> "V" + v)
        .toList();
  }

  /** True when a trivial query answers within a couple of seconds. */
  public boolean isUp() {
    // The driver's own check: a round trip for PostgreSQL, no statement to compile for H2.
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load();
  }

  /** Closes the pool; an in-memory database is dropped too, not kept until the JVM exits. */
  @Override
  public void close() {
    if (settings.url().startsWith("jdbc:h2:mem:") && !dataSource.isClosed()) {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException | RuntimeException e) {
        // Never opened or already gone: nothing is left to drop.
      }
    }
    dataSource.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
