package org.copconnector.plugin.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refused upload leaves no bytes behind; what refused or abandoned uploads left is swept. */
class UploadsTest {

  private static final long LIMIT = 1024 * 1024;
  private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
  private static final Session TEACHER =
      new Session(
          null, "t1", "Teacher", null, "pt", "c1", "Course", ProductRole.MEMBER, false, null);

  @TempDir Path dir;
  private Database database;
  private Path blobFolder;
  private BlobStore blobs;

  @BeforeEach
  void open() {
    database = Database.open(settings());
    database.migrate();
    blobFolder = dir.resolve("blobs");
    blobs = new BlobStore(blobFolder);
  }

  /** The embedded database; {@link PostgresUploadsTest} runs the same on PostgreSQL. */
  protected DatabaseSettings settings() {
    return DatabaseSettings.h2File(dir.resolve("db"), 5);
  }

  /** The statement that lets a test insert a row without the rows it refers to. */
  protected String referencesOff() {
    return "SET REFERENTIAL_INTEGRITY FALSE";
  }

  protected String referencesOn() {
    return "SET REFERENTIAL_INTEGRITY TRUE";
  }

  @AfterEach
  void close() {
    database.close();
  }

  private Uploads uploads(Instant now) {
    return new Uploads(database.dataSource(), blobs, LIMIT, Clock.fixed(now, ZoneOffset.UTC));
  }

  private List<String> blobFiles() throws IOException {
    try (Stream<Path> files = Files.walk(blobFolder)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> blobFolder.relativize(f).toString())
          .sorted()
          .toList();
    }
  }

  private static byte[] zip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("notes.bin"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void aRefusedUploadLeavesTheBlobFolderAsItWas() throws Exception {
    Uploads uploads = uploads(NOW);
    uploads.receive(TEACHER, text("Plano de aula"), "plano.txt", -1);
    List<String> before = blobFiles();

    ApiException type =
        assertThrows(
            ApiException.class,
            () -> uploads.receive(TEACHER, new ByteArrayInputStream(zip()), "lesson.pdf", -1));
    assertEquals(Reason.FILE_TYPE_NOT_ALLOWED, type.reason());
    assertEquals(before, blobFiles(), "nothing kept of a file of the wrong type");

    ApiException size =
        assertThrows(
            ApiException.class,
            () ->
                uploads.receive(
                    TEACHER, new ByteArrayInputStream(new byte[(int) LIMIT + 1]), "big.txt", -1));
    assertEquals(Reason.FILE_TOO_LARGE, size.reason());
    assertEquals(before, blobFiles(), "nothing kept of a file over the limit");
  }

  @Test
  void leftoversOlderThanTheAgeAreSweptAndTheRestKept() throws Exception {
    Uploads.Received used =
        uploads(NOW.minus(Duration.ofDays(3))).receive(TEACHER, text("Usado"), "a.txt", -1);
    Uploads.Received abandoned =
        uploads(NOW.minus(Duration.ofDays(3))).receive(TEACHER, text("Abandonado"), "b.txt", -1);
    Uploads.Received fresh = uploads(NOW).receive(TEACHER, text("Recente"), "c.txt", -1);
    try (var c = database.dataSource().getConnection()) {
      // A version of some resource refers to the first file (no resource row needed for the sweep).
      c.createStatement().execute(referencesOff());
      c.createStatement()
          .execute(
              "INSERT INTO resource_version (resource_id, version, sha256, note, created_by,"
                  + " created_at) VALUES ('r1', 1, '"
                  + used.sha256()
                  + "', '', 't1', CURRENT_TIMESTAMP)");
      c.createStatement().execute(referencesOn());
    }
    FileTime old = FileTime.from(NOW.minus(Duration.ofDays(3)));
    for (String sha : List.of(used.sha256(), abandoned.sha256())) {
      Files.setLastModifiedTime(blobs.path(sha), old);
    }
    Path oldPart = Files.writeString(blobFolder.resolve("incoming").resolve("upload-1.part"), "x");
    Files.setLastModifiedTime(oldPart, old);
    Path newPart = Files.writeString(blobFolder.resolve("incoming").resolve("upload-2.part"), "y");
    Files.setLastModifiedTime(newPart, FileTime.from(NOW));
    String orphanSha = "ab".repeat(32);
    Path orphan = blobs.path(orphanSha);
    Files.createDirectories(orphan.getParent());
    Files.writeString(orphan, "z");
    Files.setLastModifiedTime(orphan, old);

    int swept = uploads(NOW).sweep(Duration.ofDays(1));

    assertFalse(Files.exists(oldPart), "an old half-received file is swept");
    assertFalse(Files.exists(orphan), "an old file no row knows is swept");
    assertFalse(
        Files.exists(blobs.path(abandoned.sha256())), "an abandoned upload's file is swept");
    assertTrue(Files.exists(newPart), "a file being received now stays");
    assertTrue(Files.exists(blobs.path(used.sha256())), "a version's file stays");
    assertTrue(Files.exists(blobs.path(fresh.sha256())), "a recent upload's file stays");
    assertEquals(3, swept);
  }

  private static ByteArrayInputStream text(String words) {
    return new ByteArrayInputStream(words.getBytes(StandardCharsets.UTF_8));
  }
}
