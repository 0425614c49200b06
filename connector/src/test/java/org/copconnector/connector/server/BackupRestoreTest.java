package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.testing.Clients;
import org.copconnector.connector.testing.CoursePeople;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of a serving connector, whole: taken with the {@code backup} command while clients write,
 * restored into a fresh folder that passes {@code doctor} and holds every write confirmed before
 * the backup began; damaged archives and occupied folders refused.
 */
class BackupRestoreTest {

  private static final MediaType JSON = MediaType.get("application/json");

  @TempDir Path work;
  private final OkHttpClient http =
      Clients.asTheUi().newBuilder().readTimeout(Duration.ofSeconds(60)).build();
  private FakeMoodle fake;

  @BeforeEach
  void startMoodle() throws IOException {
    fake = new FakeMoodle().start();
  }

  @AfterEach
  void stopMoodle() {
    fake.close();
  }

  private Map<String, String> env(Path dataDir, int port) {
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", String.valueOf(port));
    env.put("COP_DATA_DIR", dataDir.toString());
    env.put("COP_MOODLE_URL", fake.urlString());
    env.put("COP_MOODLE_TOKEN", FakeMoodle.TOKEN);
    return env;
  }

  private Connector start(Path dataDir) throws Exception {
    return Connector.start(
        new ConfigLoader(env(dataDir, 0), work.resolve("none")).load(null), List.of());
  }

  private record Run(int exit, String out, String err) {}

  private static Run cli(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Answer(int status, String body) {
    JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  private Answer send(Connector connector, String session, String path, RequestBody body)
      throws IOException {
    Request.Builder request =
        new Request.Builder().url("http://127.0.0.1:" + connector.port() + path);
    if (session != null) {
      request.header("Cookie", "cop_session=" + session);
    }
    if (body != null) {
      request.post(body);
    }
    try (Response r = http.newCall(request.build()).execute()) {
      return new Answer(r.code(), r.body().string());
    }
  }

  private String created(Connector connector, String session, String path, String json)
      throws IOException {
    Answer answer = send(connector, session, path, RequestBody.create(json, JSON));
    assertEquals(201, answer.status(), path + ": " + answer.body());
    return answer.json().get("id").getAsString();
  }

  /** A write the connector confirmed with 201, and when the confirmation arrived. */
  private record Confirmed(String kind, String id, String threadId, byte[] bytes, long atNanos) {}

  /** One client: a thread, a reply to it and a small upload, over and over until told to stop. */
  private void write(
      Connector connector,
      String session,
      String community,
      int client,
      BooleanSupplier stop,
      List<Confirmed> confirmed)
      throws IOException {
    for (int round = 0; !stop.getAsBoolean(); round++) {
      String thread =
          created(
              connector,
              session,
              "/api/v1/threads",
              "{\"communityId\":\""
                  + community
                  + "\",\"title\":\"Client "
                  + client
                  + " round "
                  + round
                  + "\",\"body\":\"<p>Lab notes "
                  + round
                  + "</p>\"}");
      confirmed.add(new Confirmed("thread", thread, thread, null, System.nanoTime()));
      String reply =
          created(
              connector,
              session,
              "/api/v1/threads/" + thread + "/posts",
              "{\"body\":\"<p>Reply of client " + client + "</p>\"}");
      confirmed.add(new Confirmed("reply", reply, thread, null, System.nanoTime()));
      byte[] bytes =
          ("Notes of client "
                  + client
                  + ", round "
                  + round
                  + ": "
                  + ThreadLocalRandom.current().nextLong())
              .getBytes(StandardCharsets.UTF_8);
      Request upload =
          new Request.Builder()
              .url("http://127.0.0.1:" + connector.port() + "/api/v1/uploads")
              .header("Cookie", "cop_session=" + session)
              .header("X-File-Name", "notes-" + client + "-" + round + ".txt")
              .post(RequestBody.create(bytes, MediaType.get("application/octet-stream")))
              .build();
      try (Response r = http.newCall(upload).execute()) {
        String body = r.body().string();
        assertEquals(201, r.code(), body);
        JsonObject json = JsonParser.parseString(body).getAsJsonObject();
        confirmed.add(
            new Confirmed(
                "upload",
                json.get("uploadId").getAsString(),
                json.get("sha256").getAsString(),
                bytes,
                System.nanoTime()));
      }
    }
  }

  @Test
  void aBackupTakenWhileTwentyClientsWriteRestoresEveryConfirmedWrite() throws Exception {
    Path live = work.resolve("live");
    Path backups = work.resolve("backups");
    Path restored = work.resolve("restored");
    List<Confirmed> confirmed = Collections.synchronizedList(new ArrayList<>());
    long began;
    String facilitator;
    Run backup;
    try (Connector connector = start(live)) {
      facilitator = new CoursePeople(connector.database().dataSource()).facilitator("en");
      String community =
          created(
              connector,
              facilitator,
              "/api/v1/communities",
              "{\"name\":\"Lab\",\"domain\":\"Practical work\"}");
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(20);
      List<Future<?>> writers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int client = i;
        writers.add(
            clients.submit(
                () -> {
                  write(connector, facilitator, community, client, stop::get, confirmed);
                  return null;
                }));
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (confirmed.size() < 60 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      began = System.nanoTime();
      backup = cli(env(live, connector.port()), "backup", "--to", backups.toString());
      Thread.sleep(300);
      stop.set(true);
      clients.shutdown();
      assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
      for (Future<?> writer : writers) {
        writer.get();
      }
    }
    assertEquals(0, backup.exit(), backup.out() + backup.err());
    long after = confirmed.stream().filter(c -> c.atNanos() > began).count();
    List<Confirmed> before = confirmed.stream().filter(c -> c.atNanos() < began).toList();
    assertTrue(before.size() >= 60, "writes before the backup: " + before.size());
    assertTrue(after > 0, "the clients kept writing while the backup was made");
    List<Path> archives;
    try (Stream<Path> files = Files.list(backups)) {
      archives = files.toList();
    }
    assertEquals(1, archives.size(), "one archive, no temporary file left: " + archives);
    Path archive = archives.get(0);
    assertTrue(archive.getFileName().toString().matches("cop-backup-\\d{8}-\\d{6}Z\\.zip"));
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      assertTrue(
          zip.stream().noneMatch(e -> e.getName().startsWith("index")),
          "the search index is rebuilt, not backed up");
    }

    Run restore =
        cli(Map.of(), "restore", "--from", archive.toString(), "--data-dir", restored.toString());
    assertEquals(0, restore.exit(), restore.out() + restore.err());
    Run doctor = cli(env(restored, 0), "doctor");
    assertEquals(0, doctor.exit(), doctor.out());
    assertTrue(doctor.out().contains("[ OK ] Database"), doctor.out());

    try (Connector connector = start(restored)) {
      for (Confirmed write : before) {
        switch (write.kind()) {
          case "thread", "reply" -> {
            Answer thread =
                send(connector, facilitator, "/api/v1/threads/" + write.threadId(), null);
            assertEquals(200, thread.status(), thread.body());
            assertTrue(thread.body().contains(write.id()), write + " in " + thread.body());
          }
          default -> {
            Path file =
                restored
                    .resolve("files/blobs")
                    .resolve(write.threadId().substring(0, 2))
                    .resolve(write.threadId().substring(2, 4))
                    .resolve(write.threadId());
            assertArrayEquals(write.bytes(), Files.readAllBytes(file), write.id());
            assertEquals(1, count(connector.database(), "upload", write.id()), write.id());
          }
        }
      }
    }
  }

  private static int count(Database database, String table, String id) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void restoreRefusesADamagedArchiveAndAFolderInUse() throws Exception {
    Path live = work.resolve("live");
    Path backups = work.resolve("backups");
    try (Connector connector = start(live)) {
      CoursePeople people = new CoursePeople(connector.database().dataSource());
      String facilitator = people.facilitator("en");
      String admin = people.admin("en");
      String community =
          created(
              connector,
              facilitator,
              "/api/v1/communities",
              "{\"name\":\"Lab\",\"domain\":\"Practical work\"}");
      int[] rounds = {0};
      write(connector, facilitator, community, 1, () -> rounds[0]++ > 0, new ArrayList<>());
      // The running connector gives a backup only for a pass the command left, once.
      assertEquals(401, send(connector, null, "/backup", RequestBody.create(new byte[0])).status());
      Request forged =
          new Request.Builder()
              .url("http://127.0.0.1:" + connector.port() + "/backup")
              .header("Authorization", "Bearer " + "A".repeat(43))
              .post(RequestBody.create(new byte[0]))
              .build();
      try (Response r = http.newCall(forged).execute()) {
        assertEquals(401, r.code());
      }
      // Administrators download one from their page; nobody else.
      assertEquals(
          403, send(connector, facilitator, "/api/v1/admin/backup/archive", null).status());
      Answer about = send(connector, admin, "/api/v1/admin/backup", null);
      assertEquals(200, about.status(), about.body());
      assertTrue(about.json().get("available").getAsBoolean(), about.body());
      Request download =
          new Request.Builder()
              .url("http://127.0.0.1:" + connector.port() + "/api/v1/admin/backup/archive")
              .header("Cookie", "cop_session=" + admin)
              .build();
      Path downloaded = work.resolve("downloaded.zip");
      try (Response r = http.newCall(download).execute();
          InputStream in = r.body().byteStream()) {
        assertEquals(200, r.code());
        assertTrue(r.header("Content-Disposition").contains("cop-backup-"));
        Files.copy(in, downloaded);
      }
      assertEquals(1, org.copconnector.connector.backup.Backups.verify(downloaded).fileCount());
    }

    // Stopped: the command opens the database itself.
    Run backup = cli(env(live, 0), "backup", "--to", backups.toString());
    assertEquals(0, backup.exit(), backup.out() + backup.err());
    Path archive;
    try (Stream<Path> files = Files.list(backups)) {
      archive = files.findFirst().orElseThrow();
    }

    Path occupied = Files.createDirectories(work.resolve("occupied"));
    Files.writeString(occupied.resolve("keep.txt"), "mine");
    Run refused =
        cli(Map.of(), "restore", "--from", archive.toString(), "--data-dir", occupied.toString());
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("is not empty"), refused.err());
    try (Stream<Path> inside = Files.list(occupied)) {
      assertEquals(List.of(occupied.resolve("keep.txt")), inside.toList());
    }

    Path damaged = work.resolve("damaged.zip");
    rewrite(archive, damaged, "files/blobs/");
    Path target = work.resolve("target");
    Run corrupt =
        cli(Map.of(), "restore", "--from", damaged.toString(), "--data-dir", target.toString());
    assertEquals(2, corrupt.exit());
    assertTrue(corrupt.err().contains("does not match its checksum"), corrupt.err());
    assertFalse(Files.exists(target), "nothing is left of a refused restore");

    Path databaseDamaged = work.resolve("database-damaged.zip");
    rewrite(archive, databaseDamaged, "cop-connector.mv.db");
    Run corruptDatabase =
        cli(
            Map.of(),
            "restore",
            "--from",
            databaseDamaged.toString(),
            "--data-dir",
            target.toString());
    assertEquals(2, corruptDatabase.exit());
    assertTrue(
        corruptDatabase.err().contains("does not match its checksum"), corruptDatabase.err());

    Path truncated = work.resolve("truncated.zip");
    byte[] whole = Files.readAllBytes(archive);
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
    Run cut =
        cli(Map.of(), "restore", "--from", truncated.toString(), "--data-dir", target.toString());
    assertEquals(2, cut.exit());
    assertTrue(cut.err().contains("not a whole"), cut.err());
    assertFalse(Files.exists(target));
  }

  @Test
  void onPostgresqlTheCommandPointsToPgDump() {
    Map<String, String> env = env(work.resolve("pg"), 0);
    env.put("COP_DB_URL", "jdbc:postgresql://127.0.0.1:1/cop");
    Run refused = cli(env, "backup", "--to", work.resolve("backups").toString());
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("pg_dump"), refused.err());
    assertTrue(
        org.copconnector.connector.backup.Backups.unavailable(
                DatabaseSettings.h2File(work, 1), work)
            .isEmpty());
  }

  /** A copy of {@code archive} with one byte changed in the first entry under {@code prefix}. */
  private static void rewrite(Path archive, Path copy, String prefix) throws IOException {
    boolean changed = false;
    try (ZipFile zip = new ZipFile(archive.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        if (!changed && entry.getName().startsWith(prefix)) {
          bytes[bytes.length / 2] ^= 1;
          changed = true;
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    assertTrue(changed, "no entry under " + prefix);
  }
}
