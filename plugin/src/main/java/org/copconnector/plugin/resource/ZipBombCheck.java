package org.copconnector.plugin.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells whether a zip-based document (Office, ODF) inflates far beyond its size. The entries are
 * really inflated (their declared sizes can lie), a buffer at a time, and the check stops as soon
 * as a limit is passed, so a bomb costs little time and no memory.
 */
final class ZipBombCheck {

  /** Below this many inflated bytes an entry may compress as well as it likes. */
  static final long GRACE_BYTES = 1024 * 1024;

  private final long maxEntryBytes;
  private final long maxTotalBytes;
  private final double minInflateRatio;

  ZipBombCheck(long maxEntryBytes, long maxTotalBytes, double minInflateRatio) {
    this.maxEntryBytes = maxEntryBytes;
    this.maxTotalBytes = maxTotalBytes;
    this.minInflateRatio = minInflateRatio;
  }

  static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4
          && magic[0] == 'P'
          && magic[1] == 'K'
          && magic[2] == 3
          && magic[3] == 4;
    }
  }

  /** Why the file is a bomb, or null when it is not (or is not a readable zip). */
  String problem(Path file) throws IOException {
    if (!isZip(file)) {
      return null;
    }
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long inflated = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          int n;
          while ((n = in.read(buffer)) != -1) {
            inflated += n;
            total += n;
            if (inflated > maxEntryBytes) {
              return entry.getName() + " inflates beyond " + maxEntryBytes + " bytes";
            }
            if (total > maxTotalBytes) {
              return "the entries inflate beyond " + maxTotalBytes + " bytes";
            }
            if (inflated > GRACE_BYTES && (double) compressed / inflated < minInflateRatio) {
              return entry.getName() + " inflates more than " + (1 / minInflateRatio) + " times";
            }
          }
        }
      }
    } catch (java.util.zip.ZipException e) {
      return null; // not a zip the parsers could read either
    }
    return null;
  }
}
