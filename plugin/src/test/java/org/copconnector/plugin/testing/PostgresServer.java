package org.copconnector.plugin.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.copconnector.plugin.store.DatabaseSettings;

/**
 * A real PostgreSQL server for tests, started once per test JVM from the Debian packages (installed
 * by {@code scripts/install-test-deps.sh} when missing), on a free loopback port with its data in a
 * temporary folder. PostgreSQL refuses to run as root, so as root it runs as the {@code postgres}
 * user.
 */
public final class PostgresServer {

  private static PostgresServer shared;

  private final Path binDir;
  private final Path dataDir;
  private final int port;
  private final boolean asRoot;

  private PostgresServer(Path binDir, Path dataDir, int port, boolean asRoot) {
    this.binDir = binDir;
    this.dataDir = dataDir;
    this.port = port;
    this.asRoot = asRoot;
  }

  /** The server for this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
    }
    return shared;
  }

  /** A new, empty database on the shared server. */
  public DatabaseSettings newDatabase() {
    String name = "cop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database", e);
    }
    return new DatabaseSettings(url(name), "postgres", "", 5);
  }

  public int port() {
    return port;
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private static PostgresServer start() {
    Path binDir = findBinaries();
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    try {
      Path dataDir = Files.createTempDirectory("cop-pg-");
      Path socketDir = dataDir.resolve("socket");
      Files.createDirectories(socketDir);
      if (asRoot) {
        run(List.of("chown", "-R", "postgres:postgres", dataDir.toString()), false);
      }
      int port = freePort();
      PostgresServer server = new PostgresServer(binDir, dataDir, port, asRoot);
      Path cluster = dataDir.resolve("cluster");
      server.pg(
          List.of(
              "initdb",
              "-D",
              cluster.toString(),
              "-U",
              "postgres",
              "--auth=trust",
              "-E",
              "UTF8",
              "--locale=C",
              "--no-sync"));
      server.pg(
          List.of(
              "pg_ctl",
              "-D",
              cluster.toString(),
              "-w",
              "-t",
              "60",
              "-l",
              dataDir.resolve("server.log").toString(),
              "-o",
              "-p "
                  + port
                  + " -c listen_addresses=127.0.0.1 -k "
                  + socketDir
                  + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
              "start"));
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start PostgreSQL for tests", e);
    }
  }

  private void stop() {
    try {
      pg(
          List.of(
              "pg_ctl",
              "-D",
              dataDir.resolve("cluster").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"));
    } catch (RuntimeException e) {
      // The JVM is exiting; the server dies with its data folder below.
    }
    try (var paths = Files.walk(dataDir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // Temporary folder: left for the OS to clean.
    }
  }

  private void pg(List<String> command) {
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.add(binDir.resolve(command.get(0)).toString());
    full.addAll(command.subList(1, command.size()));
    run(full, true);
  }

  private static void run(List<String> command, boolean check) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      if (check && process.exitValue() != 0) {
        throw new IllegalStateException(
            "failed (" + process.exitValue() + "): " + command + "\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The newest installed server's bin folder. */
  private static Path findBinaries() {
    File[] versions = new File("/usr/lib/postgresql").listFiles();
    if (versions != null) {
      return Arrays.stream(versions)
          .map(v -> v.toPath().resolve("bin"))
          .filter(
              bin ->
                  Files.isExecutable(bin.resolve("initdb"))
                      && Files.isExecutable(bin.resolve("pg_ctl")))
          .max(
              Comparator.comparing(
                  bin ->
                      Integer.parseInt(
                          bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow(PostgresServer::notInstalled);
    }
    throw notInstalled();
  }

  private static IllegalStateException notInstalled() {
    return new IllegalStateException(
        "PostgreSQL server binaries not found under /usr/lib/postgresql; run scripts/install-test-deps.sh (or scripts/test.sh)");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
