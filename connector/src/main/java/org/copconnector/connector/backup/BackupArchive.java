package org.copconnector.connector.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.copconnector.plugin.resource.BlobStore;

/**
 * The backup archive: one zip laid out like a data folder (the database file and {@code
 * files/blobs/}), with {@code manifest.json} listing every entry's checksum. Written from a {@link
 * DatabaseSnapshot} and then the stored files its rows refer to; read back only after every
 * checksum matched.
 */
final class BackupArchive {

  private BackupArchive() {}

  /**
   * Writes the snapshot and its files to {@code out} (left open). A file the snapshot refers to
   * that is missing or whose bytes no longer match its checksum stops the backup: it would not
   * restore.
   */
  static BackupManifest write(
      DatabaseSnapshot snapshot,
      BlobStore blobs,
      String connectorVersion,
      String createdAt,
      OutputStream out)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(new KeptOpen(out));
    List<BackupManifest.Entry> entries = new ArrayList<>();
    try (InputStream in = snapshot.open()) {
      entries.add(add(zip, BackupManifest.DATABASE, in));
    }
    for (DatabaseSnapshot.StoredFile file : snapshot.files()) {
      String path = BackupManifest.filePath(file.sha256());
      BackupManifest.Entry entry;
      try (InputStream in = Files.newInputStream(blobs.path(file.sha256()))) {
        entry = add(zip, path, in);
      } catch (NoSuchFileException e) {
        throw new BackupRefused(
            "the file "
                + file.sha256()
                + " that the database refers to is missing from the files folder");
      }
      if (!entry.sha256().equals(file.sha256()) || entry.size() != file.size()) {
        throw new BackupRefused(
            "the file " + file.sha256() + " in the files folder no longer matches its checksum");
      }
      entries.add(entry);
    }
    BackupManifest manifest =
        new BackupManifest(
            BackupManifest.FORMAT,
            connectorVersion,
            org.h2.engine.Constants.FULL_VERSION,
            createdAt,
            snapshot.migrations(),
            snapshot.files().size(),
            List.copyOf(entries));
    zip.putNextEntry(new ZipEntry(BackupManifest.NAME));
    zip.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.finish();
    zip.flush();
    return manifest;
  }

  private static BackupManifest.Entry add(ZipOutputStream zip, String path, InputStream in)
      throws IOException {
    zip.putNextEntry(new ZipEntry(path));
    MessageDigest digest = sha256();
    long size = new DigestInputStream(in, digest).transferTo(zip);
    zip.closeEntry();
    return new BackupManifest.Entry(path, HexFormat.of().formatHex(digest.digest()), size);
  }

  /** What to do with each entry's bytes once its checksum is known to match. */
  interface EntrySink {
    /** Receives the entry's bytes; the entry counts as good only if the checksum then matches. */
    void accept(BackupManifest.Entry entry, InputStream bytes) throws IOException;
  }

  /**
   * Reads an archive: its manifest, then every entry it lists, handed to {@code sink} and checked
   * against its checksum and size. Refused when the manifest is missing or damaged, an entry is
   * missing, unlisted, oddly named or does not match.
   */
  static BackupManifest read(Path archive, EntrySink sink) throws IOException {
    try (ZipFile zip = open(archive)) {
      ZipEntry manifestEntry = zip.getEntry(BackupManifest.NAME);
      if (manifestEntry == null) {
        throw new BackupRefused(archive + " is not a whole backup: it has no manifest.json");
      }
      BackupManifest manifest;
      try (InputStream in = zip.getInputStream(manifestEntry)) {
        manifest = BackupManifest.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      Set<String> listed = new HashSet<>();
      boolean database = false;
      for (BackupManifest.Entry entry : manifest.entries()) {
        if (!entry.isWellFormed() || !listed.add(entry.path())) {
          throw new BackupRefused("its manifest lists an entry it cannot hold: " + entry.path());
        }
        database |= entry.isDatabase();
      }
      if (!database || manifest.entries().size() != manifest.fileCount() + 1) {
        throw new BackupRefused("its manifest does not list the database and every file");
      }
      Set<String> seen = new HashSet<>();
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (!seen.add(e.getName())
            || (!e.getName().equals(BackupManifest.NAME) && !listed.contains(e.getName()))) {
          throw new BackupRefused("it holds an entry its manifest does not list: " + e.getName());
        }
      }
      for (BackupManifest.Entry entry : manifest.entries()) {
        ZipEntry e = zip.getEntry(entry.path());
        if (e == null) {
          throw new BackupRefused("it lacks " + entry.path() + ", which its manifest lists");
        }
        MessageDigest digest = sha256();
        CountingInput in = new CountingInput(new DigestInputStream(zip.getInputStream(e), digest));
        try (in) {
          sink.accept(entry, in);
          in.transferTo(OutputStream.nullOutputStream());
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (!sha256.equals(entry.sha256()) || in.count() != entry.size()) {
          throw new BackupRefused(
              entry.path()
                  + " does not match its checksum in the manifest: the archive is damaged");
        }
      }
      return manifest;
    } catch (java.util.zip.ZipException e) {
      throw new BackupRefused(archive + " is damaged: " + e.getMessage());
    }
  }

  private static ZipFile open(Path archive) throws IOException {
    try {
      return new ZipFile(archive.toFile());
    } catch (java.util.zip.ZipException e) {
      throw new BackupRefused(archive + " is not a whole zip archive (" + e.getMessage() + ")");
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts what is read through it. */
  private static final class CountingInput extends java.io.FilterInputStream {
    private long count;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }

    long count() {
      return count;
    }
  }

  /** Leaves the stream it wraps open when closed: the caller owns it. */
  private static final class KeptOpen extends FilterOutputStream {
    KeptOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
