package org.copconnector.connector.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.testing.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uses said before a use counted once per person: each person keeps their latest use and note, and
 * the count is made again, on H2 and on PostgreSQL.
 */
class ResourceUseMigrationTest {

  @TempDir Path h2Dir;

  @Test
  void onH2() throws Exception {
    check(DatabaseSettings.h2File(h2Dir, 2));
  }

  @Test
  void onPostgres() throws Exception {
    check(PostgresServer.shared().newDatabase());
  }

  private static void check(DatabaseSettings settings) throws SQLException {
    try (Database db = Database.open(settings)) {
      Flyway.configure()
          .dataSource(db.dataSource())
          .locations("classpath:db/migration")
          .target("13")
          .load()
          .migrate();
      try (Connection c = db.dataSource().getConnection()) {
        Sql.update(
            c,
            "INSERT INTO community (id, name, domain, cycles, subjects, sharing, framework, context,"
                + " focus, joining, created_by, created_at)"
                + " VALUES ('c1', 'Ciências', 'Práticas', '', '', 'BOTH', 'INFORMAL', 'ONE_SCHOOL',"
                + " '', 'OPEN', '7', CURRENT_TIMESTAMP)");
        Sql.update(
            c,
            "INSERT INTO resource (id, community_id, title, description, kind, subjects, cycles,"
                + " language, licence, tags, authors, visibility, created_by, created_at,"
                + " current_version, use_count, rating_sum, rating_count, comment_count,"
                + " adaptation_count) VALUES ('r1', 'c1', 'Ficha', '', 'OTHER', '', '', 'pt',"
                + " 'CC_BY', '', 'Ana', 'COMMUNITY', '7', CURRENT_TIMESTAMP, 2, 3, 0, 0, 0, 0)");
        use(c, "u1", "7", 1, "primeira vez", "2026-01-10 10:00:00");
        use(c, "u2", "7", 2, "segunda vez, melhor", "2026-02-10 10:00:00");
        use(c, "u3", "8", 1, "", "2026-01-12 10:00:00");
      }
      db.migrate();
      try (Connection c = db.dataSource().getConnection()) {
        assertEquals(
            List.of("7:2:segunda vez, melhor", "8:1:"),
            Sql.strings(
                c,
                "SELECT lms_user_id || ':' || CAST(version AS VARCHAR(5)) || ':' || note"
                    + " FROM resource_use ORDER BY lms_user_id"));
        assertEquals(
            2, Sql.count(c, "SELECT use_count FROM resource WHERE id = 'r1'"), "one per person");
      }
    }
  }

  private static void use(Connection c, String id, String user, int version, String note, String at)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO resource_use (id, resource_id, lms_user_id, version, note, used_at)"
            + " VALUES (?, 'r1', ?, ?, ?, CAST(? AS TIMESTAMP))",
        id,
        user,
        version,
        note,
        at);
  }
}
