package org.copconnector.connector.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Restores a backup archive into a new data folder: never into one holding anything (it would mix
 * two connectors' data), and only what matches the manifest's checksums. On any refusal the folder
 * is left as it was found.
 */
public final class BackupRestore {

  private BackupRestore() {}

  /** Restores {@code archive} into {@code target}, which must be missing or empty. */
  public static BackupManifest restore(Path archive, Path target) throws IOException {
    if (!Files.isRegularFile(archive)) {
      throw new BackupRefused("there is no backup at " + archive);
    }
    boolean created = !Files.exists(target);
    if (!created) {
      if (!Files.isDirectory(target)) {
        throw new BackupRefused(target + " is not a folder");
      }
      try (Stream<Path> inside = Files.list(target)) {
        if (inside.findAny().isPresent()) {
          throw new BackupRefused(
              target
                  + " is not empty: restore writes only into a new or empty folder, never over a"
                  + " connector's data");
        }
      }
    }
    Files.createDirectories(target);
    try {
      BackupManifest manifest =
          BackupArchive.read(
              archive,
              (entry, bytes) -> {
                Path file = target.resolve(entry.path()).normalize();
                Files.createDirectories(file.getParent());
                Files.copy(bytes, file);
              });
      checkDatabase(target, manifest);
      return manifest;
    } catch (IOException | RuntimeException e) {
      empty(target, created);
      throw e;
    }
  }

  /**
   * The restored database opens, has the manifest's migrations and files, and is not newer than
   * this version of the connector.
   */
  private static void checkDatabase(Path target, BackupManifest manifest) throws IOException {
    try (Database database = Database.open(DatabaseSettings.h2File(target, 2))) {
      try (Connection c = database.dataSource().getConnection()) {
        List<String> migrations = DatabaseSnapshot.migrations(c);
        if (!migrations.equals(manifest.migrations())) {
          throw new BackupRefused("the restored database's migrations differ from the manifest's");
        }
        if (DatabaseSnapshot.files(c).size() != manifest.fileCount()) {
          throw new BackupRefused(
              "the restored database refers to other files than the manifest's");
        }
      }
      MigrationInfo[] applied =
          Flyway.configure()
              .dataSource(database.dataSource())
              .locations("classpath:db/migration")
              .load()
              .info()
              .applied();
      for (MigrationInfo m : applied) {
        if (m.getState().isFailed() || m.getState().name().startsWith("FUTURE")) {
          throw new BackupRefused(
              "the backup was made by a newer connector (migration V"
                  + m.getVersion()
                  + " is unknown here): restore it with version "
                  + manifest.connectorVersion()
                  + " or later");
        }
      }
    } catch (SQLException | org.copconnector.plugin.store.StoreException e) {
      throw new BackupRefused("the restored database does not open: " + e.getMessage());
    }
  }

  private static void empty(Path target, boolean created) {
    try (Stream<Path> paths = Files.walk(target)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (created || !p.equals(target)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // Reported with the refusal's own message; the operator sees the folder.
    }
  }
}
