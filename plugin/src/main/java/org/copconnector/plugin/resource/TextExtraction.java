package org.copconnector.plugin.resource;

import java.nio.file.Path;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The words inside a document (PDF, ODF, Office, text) for search; a file that fails gives none.
 */
public final class TextExtraction {

  /** Enough for any lesson plan; longer texts are cut, not refused. */
  public static final int MAX_CHARS = 1_000_000;

  private static final Logger LOG = LoggerFactory.getLogger(TextExtraction.class);

  /** Loaded on first use, like the type detection (the parsers take long to set up). */
  private static final class Loaded {
    static final AutoDetectParser PARSER = new AutoDetectParser();
  }

  public String text(Path file, String mediaType) {
    if (mediaType.startsWith("image/")) {
      return "";
    }
    BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    try (TikaInputStream in = TikaInputStream.get(file)) {
      Loaded.PARSER.parse(in, handler, metadata, new ParseContext());
    } catch (Exception e) {
      // A write limit reached keeps what was read; anything else leaves the file without text.
      if (!(e instanceof org.xml.sax.SAXException) || handler.toString().isEmpty()) {
        LOG.info("no text extracted from a {} file: {}", mediaType, e.toString());
      }
    }
    String text = handler.toString().replaceAll("\\s+", " ").strip();
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }
}
