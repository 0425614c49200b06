package org.copconnector.connector.server;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.backup.BackupManifest;
import org.copconnector.connector.backup.BackupPass;
import org.copconnector.connector.backup.BackupRefused;
import org.copconnector.connector.backup.BackupRestore;
import org.copconnector.connector.backup.Backups;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code backup} and {@code restore} commands. */
final class BackupCommands {

  private BackupCommands() {}

  @Command(
      name = "backup",
      description =
          "Write a backup of the embedded database and the files into one archive; while the"
              + " connector runs, the running connector makes it.")
  static final class Backup extends Main.Subcommand {
    @Option(
        names = "--to",
        defaultValue = ".",
        description = "folder to write the archive into (default: the current folder)")
    Path to;

    @Override
    public Integer call() throws Exception {
      ConnectorConfig config = config();
      Path dataDir = config.dataDir();
      Optional<String> unavailable = Backups.unavailable(config.database(), dataDir);
      if (unavailable.isPresent()) {
        throw new BackupRefused("no backup: " + unavailable.get());
      }
      if (!Files.exists(dataDir.resolve(BackupManifest.DATABASE))) {
        throw new BackupRefused("there is no database in data.dir " + dataDir);
      }
      Path written;
      Optional<Database> database = openUnlessLocked(config);
      if (database.isEmpty()) {
        written = fromRunningConnector(config);
      } else {
        try (Database opened = database.get()) {
          written =
              new Backups(
                      opened,
                      dataDir,
                      new BlobStore(config.filesDir().resolve("blobs")),
                      Version.current(),
                      Clock.systemUTC())
                  .writeInto(to);
        }
      }
      BackupManifest manifest = Backups.verify(written);
      out.println(
          "backup written to "
              + written
              + ": the database ("
              + manifest.migrations().size()
              + " migrations) and "
              + manifest.fileCount()
              + " file(s), every checksum verified; the search index is rebuilt after a restore");
      return 0;
    }

    /** The database, or empty when a running connector holds it locked. */
    private static Optional<Database> openUnlessLocked(ConnectorConfig config) {
      try {
        return Optional.of(Database.open(config.database()));
      } catch (StoreException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("locked") || message.contains("already in use")) {
          return Optional.empty();
        }
        throw e;
      }
    }

    /** H2 locks its file to one process: the connector holding it makes the backup. */
    private Path fromRunningConnector(ConnectorConfig config) throws IOException {
      String host = config.httpHost();
      boolean everywhere =
          host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
      String address =
          "http://"
              + (everywhere ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host)
              + ":"
              + config.httpPort()
              + "/backup";
      BackupPass passes = new BackupPass(config.dataDir());
      String pass = passes.issue();
      OkHttpClient http =
          new OkHttpClient.Builder()
              .connectTimeout(Duration.ofSeconds(5))
              .readTimeout(Duration.ofMinutes(10))
              .build();
      Request request =
          new Request.Builder()
              .url(address)
              .header("Authorization", "Bearer " + pass)
              .post(RequestBody.create(new byte[0]))
              .build();
      try (Response response = http.newCall(request).execute()) {
        if (response.code() != 200) {
          throw new BackupRefused(
              "the connector at " + address + " refused: " + response.body().string());
        }
        return Backups.writeWhole(
            to,
            Backups.fileName(Instant.now()),
            archive -> response.body().byteStream().transferTo(archive));
      } catch (ConnectException e) {
        throw new BackupRefused(
            "the database in data.dir is locked by another process and no connector answers at "
                + address
                + " (http.host and http.port must be those the connector serves on)");
      } finally {
        passes.withdraw(pass);
      }
    }
  }

  @Command(
      name = "restore",
      description =
          "Restore a backup into a new or empty data folder, checking every checksum; then run"
              + " doctor and serve with data.dir set to it.")
  static final class Restore extends Main.Subcommand {
    @Option(names = "--from", required = true, description = "the backup archive")
    Path from;

    @Option(
        names = "--data-dir",
        required = true,
        description = "the new data folder (must be missing or empty)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
      BackupManifest manifest = BackupRestore.restore(from, dataDir);
      out.println(
          "restored the backup of "
              + manifest.createdAt()
              + " (connector "
              + manifest.connectorVersion()
              + ") into "
              + dataDir
              + ": the database ("
              + manifest.migrations().size()
              + " migrations) and "
              + manifest.fileCount()
              + " file(s), every checksum verified.\n"
              + "Next: set data.dir (COP_DATA_DIR) to "
              + dataDir
              + ", run doctor, then serve; the search index is rebuilt at start.");
      return 0;
    }
  }
}
