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
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files kept by content: each is stored once, under its SHA-256 checksum, so no name a teacher
 * gives can choose where a file lands. A file is received into an incoming folder and moved into
 * place whole only once accepted; what a stopped run left behind is swept.
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
   * A file received but not yet kept: it waits in the incoming folder until {@link #keep} moves it
   * into the store; closing it without keeping deletes it.
   */
  public static final class Pending implements AutoCloseable {
    private final BlobStore store;
    private final String sha256;
    private final long size;
    private final Path temp;

    private Pending(BlobStore store, String sha256, long size, Path temp) {
      this.store = store;
      this.sha256 = sha256;
      this.size = size;
      this.temp = temp;
    }

    public String sha256() {
      return sha256;
    }

    public long size() {
      return size;
    }

    /** Where the bytes wait, to be judged before they are kept. */
    public Path path() {
      return temp;
    }

    /** Moves the file into the store (a file with the same checksum already there is kept). */
    public Stored keep() throws IOException {
      Path target = store.path(sha256);
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
      Files.deleteIfExists(temp);
      return new Stored(sha256, size, target);
    }

    /** Deletes the file unless it was kept. */
    @Override
    public void close() throws IOException {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Reads {@code in} to its end into the incoming folder, stopping with {@link TooLarge} as soon as
   * more than {@code limit} bytes have come (the rest is never read); nothing stays on a failure.
   */
  public Pending receive(InputStream in, long limit) throws IOException {
    Path temp = Files.createTempFile(incoming(), "upload-", ".part");
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
      return new Pending(this, HexFormat.of().formatHex(digest.digest()), size, temp);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Deletes what was left behind, once older than {@code age}: files in the incoming folder (a run
   * stopped while receiving) and stored files whose checksum {@code referenced} does not know.
   * Returns how many files were deleted.
   */
  public int sweep(Duration age, Instant now, Predicate<String> referenced) throws IOException {
    Instant before = now.minus(age);
    int deleted = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        boolean leftover =
            file.getParent().equals(incoming())
                || (SHA256.matcher(name).matches()
                    && file.equals(path(name))
                    && !referenced.test(name));
        if (leftover && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
          deleted += Files.deleteIfExists(file) ? 1 : 0;
        }
      }
    }
    return deleted;
  }

  private Path incoming() {
    return root.resolve("incoming");
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
