package org.copconnector.plugin.resource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * What a file is, judged by its content (never by its name), and whether the bank takes it:
 * documents, presentations, spreadsheets, plain text and pictures.
 */
public final class FileTypes {

  /** Accepted media types, with the extension offered on download. */
  static final Map<String, String> ALLOWED =
      Map.ofEntries(
          Map.entry("application/pdf", "pdf"),
          Map.entry("application/vnd.oasis.opendocument.text", "odt"),
          Map.entry("application/vnd.oasis.opendocument.presentation", "odp"),
          Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ods"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
          Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
          Map.entry("text/plain", "txt"),
          Map.entry("image/png", "png"),
          Map.entry("image/jpeg", "jpg"));

  /** Loaded on first use: Tika's set-up takes a second that start-up should not pay. */
  private static final class Loaded {
    static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();
  }

  /** The media type of the file's content, without parameters (e.g. no charset). */
  public String detect(Path file) throws IOException {
    try (TikaInputStream in = TikaInputStream.get(file)) {
      MediaType type = Loaded.DETECTOR.detect(in, new Metadata());
      return type.getBaseType().toString();
    }
  }

  public static boolean allowed(String mediaType) {
    return ALLOWED.containsKey(mediaType);
  }
}
