package org.copconnector.plugin.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Files kept by content: each is stored once, under its SHA-256 checksum, so no name a teacher
 * gives can choose where a file lands. Writes go to a temporary file first and are moved into place
 * whole.
 */
public final class BlobStore {

  /** A file as stored. */
  public record Stored(String sha256, long size, Path path) {}

  /** Raised when a file is longer than the limit; nothing is kept. */
  public static final class TooLarge extends IOException {
    private final long limit;

    TooLarge(long limit) {
      super("file is larger than " + limit + " bytes");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path root;

  public BlobStore(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root.resolve("incoming"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the file store at " + root, e);
    }
  }

  /**
   * Reads {@code in} to its end, stopping with {@link TooLarge} as soon as more than {@code limit}
   * bytes have come (the rest is never read).
   */
  public Stored store(InputStream in, long limit) throws IOException {
    Path temp = Files.createTempFile(root.resolve("incoming"), "upload-", ".part");
    try {
      MessageDigest digest = sha256();
      long size = 0;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
          size += n;
          if (size > limit) {
            throw new TooLarge(limit);
          }
          out.write(buffer, 0, n);
        }
      }
      String sha = HexFormat.of().formatHex(digest.digest());
      Path target = path(sha);
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
          if (!Files.exists(target)) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return new Stored(sha, size, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Where the file with this checksum lives; anything but a checksum is refused. */
  public Path path(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a SHA-256 checksum");
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
