package org.copconnector.connector.doctor;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.plugin.store.Database;

/**
 * The database check: from the command line it opens the configured database; inside a running
 * connector it asks the database that connector holds.
 */
public final class DatabaseCheck {

  private DatabaseCheck() {}

  /**
   * Opens the configured database and closes it again.
   *
   * @param http used only to ask a running connector on this machine about its embedded database,
   *     which it holds locked while it runs
   */
  public static Supplier<CheckResult> opening(ConnectorConfig config, OkHttpClient http) {
    return () -> {
      String where = config.database().safeUrl();
      try (Database database = Database.open(config.database())) {
        return migrations(database, where);
      } catch (RuntimeException e) {
        if (config.database().isEmbeddedFile()
            && String.valueOf(e.getMessage()).contains("locked")) {
          return askRunningConnector(config, http, where);
        }
        return CheckResult.fail(
                Check.DATABASE,
                "unreachable",
                e.getMessage(),
                "check db.url, db.user and db.password, and that the database server is running")
            .with("database", where);
      }
    };
  }

  /** Asks the database a running connector holds. */
  public static Supplier<CheckResult> running(Database database) {
    return () -> {
      String where = database.settings().safeUrl();
      if (!database.isUp()) {
        return CheckResult.fail(
                Check.DATABASE,
                "unreachable",
                where + " does not answer",
                "look at the connector's log; check that the database server is running")
            .with("database", where);
      }
      try {
        return migrations(database, where);
      } catch (RuntimeException e) {
        return CheckResult.fail(
                Check.DATABASE,
                "unreachable",
                "the migrations of " + where + " cannot be read",
                "look at the connector's log")
            .with("database", where);
      }
    };
  }

  private static CheckResult migrations(Database database, String where) {
    List<String> pending = database.pendingMigrations();
    if (!pending.isEmpty()) {
      return CheckResult.fail(
              Check.DATABASE,
              "pending_migrations",
              "opens ("
                  + where
                  + ") but "
                  + pending.size()
                  + " migration(s) are pending: "
                  + pending,
              "run 'java -jar cop-connector.jar migrate' (or start 'serve', which migrates)")
          .with("database", where)
          .with("count", pending.size())
          .with("migrations", String.join(", ", pending));
    }
    return CheckResult.pass(Check.DATABASE, "opens (" + where + "), migrations current")
        .with("database", where);
  }

  /** The embedded database is locked by a running connector: ask that connector instead. */
  private static CheckResult askRunningConnector(
      ConnectorConfig config, OkHttpClient http, String where) {
    String health = "http://127.0.0.1:" + config.httpPort() + "/health";
    try (Response response = http.newCall(new Request.Builder().url(health).build()).execute()) {
      String body = response.body().string();
      if (response.code() == 200 && body.contains("\"database\":\"UP\"")) {
        return CheckResult.pass(
                Check.DATABASE,
                where
                    + " is held by the connector running on port "
                    + config.httpPort()
                    + ", which reports it UP (serve applies migrations at start)")
            .with("database", where)
            .with("port", config.httpPort());
      }
      return CheckResult.fail(
              Check.DATABASE,
              "held_by_unhealthy_connector",
              where
                  + " is locked and the connector on port "
                  + config.httpPort()
                  + " reports "
                  + body,
              "look at that connector's log; restart it")
          .with("database", where)
          .with("port", config.httpPort());
    } catch (IOException e) {
      return CheckResult.fail(
              Check.DATABASE,
              "locked",
              where
                  + " is locked by another process and nothing answers on port "
                  + config.httpPort(),
              "stop the other process using data.dir, or use PostgreSQL (db.url) to share the database between processes")
          .with("database", where)
          .with("port", config.httpPort());
    }
  }
}
