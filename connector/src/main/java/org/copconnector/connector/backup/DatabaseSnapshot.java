package org.copconnector.connector.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.copconnector.plugin.store.DatabaseSettings;

/**
 * A copy of the embedded database as it stood at one moment, taken while it serves with H2's online
 * {@code BACKUP TO} (transactionally consistent, nothing locked), and what a backup needs to know
 * of that copy: its applied migrations and the stored files its rows refer to.
 */
final class DatabaseSnapshot implements AutoCloseable {

  /** A stored file the snapshot's rows refer to. */
  record StoredFile(String sha256, long size) {}

  private final Path folder;
  private final Path file;
  private final List<String> migrations;
  private final List<StoredFile> files;

  private DatabaseSnapshot(
      Path folder, Path file, List<String> migrations, List<StoredFile> files) {
    this.folder = folder;
    this.file = file;
    this.migrations = migrations;
    this.files = files;
  }

  /** Takes the copy into a new folder under {@code work}; closing deletes it. */
  static DatabaseSnapshot take(DataSource dataSource, DatabaseSettings settings, Path work)
      throws IOException {
    Files.createDirectories(work);
    Path folder = Files.createTempDirectory(work, "snapshot-");
    try {
      Path zip = folder.resolve("h2-backup.zip");
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      Path file = folder.resolve(BackupManifest.DATABASE);
      extractDatabase(zip, file);
      Files.delete(zip);
      // Read from the copy itself: exactly the files its rows refer to, none written since.
      Properties login = new Properties();
      login.setProperty("user", settings.user());
      login.setProperty("password", settings.password());
      String url =
          "jdbc:h2:file:"
              + folder.resolve("cop-connector").toAbsolutePath().toString().replace('\\', '/')
              + ";ACCESS_MODE_DATA=r";
      try (Connection c = new org.h2.Driver().connect(url, login)) {
        return new DatabaseSnapshot(folder, file, migrations(c), files(c));
      }
    } catch (SQLException e) {
      delete(folder);
      throw new BackupRefused("the database could not be copied: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      delete(folder);
      throw e;
    }
  }

  private static void extractDatabase(Path zip, Path file) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().endsWith(".mv.db")) {
          Files.copy(in, file);
          return;
        }
      }
    }
    throw new BackupRefused("the database's backup held no database file");
  }

  /** The versions of the migrations the copy has applied, in the order they were applied. */
  static List<String> migrations(Connection c) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }

  /** The stored files the copy's rows refer to. */
  static List<StoredFile> files(Connection c) throws SQLException {
    List<StoredFile> files = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT sha256, size_bytes FROM blob ORDER BY sha256")) {
      while (rs.next()) {
        files.add(new StoredFile(rs.getString(1), rs.getLong(2)));
      }
    }
    return files;
  }

  Path file() {
    return file;
  }

  InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  List<String> migrations() {
    return migrations;
  }

  List<StoredFile> files() {
    return files;
  }

  @Override
  public void close() {
    delete(folder);
  }

  private static void delete(Path folder) {
    try (var paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover in the work folder is removed by the next backup.
    }
  }
}
