package org.copconnector.connector.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;

/**
 * Backups of the embedded database and the files folder, consistent while the connector serves: the
 * database is copied first, then the files its copy refers to (a file is always in place before the
 * row that refers to it commits, so each one is there). The search index is not included: a
 * connector rebuilds it from the database.
 */
public final class Backups {

  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Database database;
  private final Path dataDir;
  private final BlobStore blobs;
  private final String connectorVersion;
  private final Clock clock;

  public Backups(
      Database database, Path dataDir, BlobStore blobs, String connectorVersion, Clock clock) {
    this.database = database;
    this.dataDir = dataDir;
    this.blobs = blobs;
    this.connectorVersion = connectorVersion;
    this.clock = clock;
  }

  /**
   * Why no backup can be made of this database, or empty when one can: only the embedded database
   * in the data folder is backed up here; PostgreSQL has its own tools.
   */
  public static java.util.Optional<String> unavailable(DatabaseSettings settings, Path dataDir) {
    if (settings.isPostgres()) {
      return java.util.Optional.of(
          "the database is PostgreSQL: back it up with pg_dump, and copy data.dir/files beside it"
              + " (README: Backups)");
    }
    if (!settings.url().equals(DatabaseSettings.h2File(dataDir, 1).url())) {
      return java.util.Optional.of(
          "backups cover the embedded database in data.dir; db.url points elsewhere ("
              + settings.safeUrl()
              + ")");
    }
    return java.util.Optional.empty();
  }

  /** A backup's file name, by the time it was made. */
  public static String fileName(Instant at) {
    return "cop-backup-" + NAME_TIME.format(at) + ".zip";
  }

  /** Writes a backup to {@code out} (left open); one at a time. */
  public synchronized BackupManifest write(OutputStream out) throws IOException {
    java.util.Optional<String> why = unavailable(database.settings(), dataDir);
    if (why.isPresent()) {
      throw new BackupRefused(why.get());
    }
    Path work = dataDir.resolve("backup-work");
    clear(work);
    String createdAt = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    try (DatabaseSnapshot snapshot =
        DatabaseSnapshot.take(database.dataSource(), database.settings(), work)) {
      return BackupArchive.write(snapshot, blobs, connectorVersion, createdAt, out);
    }
  }

  /**
   * Writes a backup into {@code folder}, under a temporary name renamed only once it is whole;
   * returns where it is.
   */
  public Path writeInto(Path folder) throws IOException {
    return writeWhole(folder, fileName(Instant.now(clock)), this::write);
  }

  /** Reads a backup archive through, checking every checksum; returns its manifest. */
  public static BackupManifest verify(Path archive) throws IOException {
    return BackupArchive.read(archive, (entry, bytes) -> {});
  }

  /** Writes an archive. */
  public interface Writing {
    void to(OutputStream out) throws IOException;
  }

  /**
   * Writes a file of {@code folder} under a temporary name (starting with a dot, ending in {@code
   * .part}), forces it to disk, reads it back through {@link #verify} and renames it to {@code
   * name} only then: a file with the final name is always a whole backup. Nothing is left on a
   * failure.
   */
  public static Path writeWhole(Path folder, String name, Writing writing) throws IOException {
    Files.createDirectories(folder);
    Path target = folder.resolve(name);
    if (Files.exists(target)) {
      throw new BackupRefused(target + " already exists");
    }
    Path part = folder.resolve("." + name + ".part");
    try {
      try (FileChannel channel =
              FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out =
              new java.io.BufferedOutputStream(
                  java.nio.channels.Channels.newOutputStream(channel))) {
        writing.to(out);
        out.flush();
        channel.force(true);
      }
      verify(part);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** What a stopped backup left in the work folder. */
  private static void clear(Path work) throws IOException {
    if (!Files.isDirectory(work)) {
      return;
    }
    try (var paths = Files.walk(work)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(work)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
