package org.copconnector.connector.backup;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a backup archive holds, written into it as {@code manifest.json}: who made it and when, the
 * database's applied migrations, and every other entry with its size and SHA-256 checksum, so that
 * a restore can tell a whole archive from a damaged one.
 */
public record BackupManifest(
    int format,
    String connectorVersion,
    String h2Version,
    String createdAt,
    List<String> migrations,
    int fileCount,
    List<Entry> entries) {

  /** The only layout there is so far. */
  public static final int FORMAT = 1;

  /** The manifest's own name in the archive. */
  public static final String NAME = "manifest.json";

  /** The database file's name, in the archive as in the data folder. */
  public static final String DATABASE = "cop-connector.mv.db";

  /** Where the files live, in the archive as in the data folder. */
  public static final String FILES = "files/blobs/";

  private static final Pattern FILE_PATH =
      Pattern.compile("files/blobs/([0-9a-f]{2})/([0-9a-f]{2})/(\\1\\2[0-9a-f]{60})");

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  /** One entry of the archive besides the manifest. */
  public record Entry(String path, String sha256, long size) {

    /** True for the database file; otherwise it is a stored file. */
    boolean isDatabase() {
      return DATABASE.equals(path);
    }

    /**
     * True when the path is one a backup writes (the database or a stored file named by its own
     * checksum); anything else, such as {@code ../x}, is refused before it is written anywhere.
     */
    boolean isWellFormed() {
      if (isDatabase()) {
        return sha256 != null && sha256.matches("[0-9a-f]{64}") && size >= 0;
      }
      var m = path == null ? null : FILE_PATH.matcher(path);
      return m != null && m.matches() && m.group(3).equals(sha256) && size >= 0;
    }
  }

  /** The archive path of the stored file with this checksum. */
  static String filePath(String sha256) {
    return FILES + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
  }

  String toJson() {
    return GSON.toJson(this);
  }

  /** Reads a manifest; a damaged or foreign one is refused. */
  static BackupManifest fromJson(String json) throws BackupRefused {
    BackupManifest manifest;
    try {
      manifest = GSON.fromJson(json, BackupManifest.class);
    } catch (JsonParseException e) {
      throw new BackupRefused("its manifest.json cannot be read: " + e.getMessage());
    }
    if (manifest == null || manifest.entries() == null || manifest.migrations() == null) {
      throw new BackupRefused("its manifest.json is incomplete");
    }
    if (manifest.format() != FORMAT) {
      throw new BackupRefused(
          "it has layout " + manifest.format() + ", this version reads layout " + FORMAT);
    }
    return manifest;
  }
}
