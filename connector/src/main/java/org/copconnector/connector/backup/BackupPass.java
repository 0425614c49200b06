package org.copconnector.connector.backup;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.copconnector.plugin.session.Tokens;

/**
 * One-time passes with which the {@code backup} command asks the connector running on the same data
 * folder for a backup. The command leaves a file named by the pass's SHA-256 in {@code
 * data.dir/backup-passes/} (readable by the owner only) and sends the pass; the connector accepts
 * it once, and only while that file is there and fresh. Whoever can write into the data folder can
 * read the database anyway, so the pass gives nobody more than they have; the pass itself never
 * rests on disk.
 */
public final class BackupPass {

  /** How long a pass stays good after it was left. */
  static final Duration VALID_FOR = Duration.ofMinutes(2);

  private static final Pattern PASS = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path folder;

  public BackupPass(Path dataDir) {
    this.folder = dataDir.resolve("backup-passes");
  }

  /** Leaves a new pass for the connector and returns it. */
  public String issue() throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, posix ? owner("rwx------") : new FileAttribute<?>[0]);
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String pass = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.createFile(
        folder.resolve(Tokens.sha256(pass)), posix ? owner("rw-------") : new FileAttribute<?>[0]);
    return pass;
  }

  /** True once for a pass that was left less than {@link #VALID_FOR} ago; it is used up. */
  public boolean redeem(String pass, Instant now) {
    if (pass == null || !PASS.matcher(pass).matches()) {
      return false;
    }
    Path file = folder.resolve(Tokens.sha256(pass));
    try {
      Instant left = Files.getLastModifiedTime(file).toInstant();
      // Deleting decides: of two requests with the same pass, only one deletes the file.
      Files.delete(file);
      return left.isAfter(now.minus(VALID_FOR));
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes a pass that was not used (the command gave up). */
  public void withdraw(String pass) {
    try {
      Files.deleteIfExists(folder.resolve(Tokens.sha256(pass)));
    } catch (IOException e) {
      // A stale pass is refused once too old.
    }
  }

  private static FileAttribute<?>[] owner(String permissions) {
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }
}
