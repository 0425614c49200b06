package org.copconnector.plugin.resource;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * The words inside a document (PDF, ODF, Office, text) for search; a file that fails gives none.
 * Extraction is bounded: archives that inflate far beyond their size are refused, the text is cut
 * at {@link #MAX_CHARS}, and a file that takes longer than the time limit gives what was read.
 */
public final class TextExtraction {

  /** Enough for any lesson plan; longer texts are cut, not refused. */
  public static final int MAX_CHARS = 1_000_000;

  /** How long one file may take by default. */
  public static final Duration TIME_LIMIT = Duration.ofSeconds(30);

  /** An entry in an Office file may inflate to at most this (the largest upload is far smaller). */
  static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

  /** An entry must keep at least this share of its inflated size when compressed. */
  static final double MIN_INFLATE_RATIO = 0.01;

  /** All entries of an Office file together may inflate to at most this. */
  static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

  private static final ZipBombCheck BOMBS =
      new ZipBombCheck(MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, MIN_INFLATE_RATIO);

  private static final Logger LOG = LoggerFactory.getLogger(TextExtraction.class);

  /** Loaded on first use, like the type detection (the parsers take long to set up). */
  private static final class Loaded {
    static final AutoDetectParser PARSER = parser();

    // Extractions run on a few threads of their own, so at most that many files are held in
    // memory at once and a slow one can be abandoned.
    static final ExecutorService WORKERS =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "text-extraction");
              t.setDaemon(true);
              return t;
            });

    private static AutoDetectParser parser() {
      AutoDetectParser parser = new AutoDetectParser();
      // Tika's OOXML parser switches POI's zip-bomb check off when its class is initialised, so
      // the limits are set only once it surely has been.
      try {
        Class.forName(OOXMLParser.class.getName(), true, OOXMLParser.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
      ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
      ZipSecureFile.setMaxTextSize(4L * MAX_CHARS);
      return parser;
    }
  }

  private final Duration timeLimit;

  /**
   * Why a zip-based document (Office, ODF) is a bomb, inflating far beyond its size; null when it
   * is not one or not a zip.
   */
  static String inflationProblem(Path file) throws java.io.IOException {
    return BOMBS.problem(file);
  }

  public TextExtraction() {
    this(TIME_LIMIT);
  }

  TextExtraction(Duration timeLimit) {
    this.timeLimit = timeLimit;
  }

  public String text(Path file, String mediaType) {
    if (mediaType.startsWith("image/")) {
      return "";
    }
    StringWriter out = new StringWriter();
    WriteOutContentHandler limited = new WriteOutContentHandler(out, MAX_CHARS);
    Future<?> parsing =
        Loaded.WORKERS.submit(
            () -> {
              parse(file, mediaType, limited);
              return null;
            });
    try {
      parsing.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      parsing.cancel(true);
      LOG.info("text extraction from a {} file stopped after {}", mediaType, timeLimit);
    } catch (ExecutionException e) {
      LOG.info("no text extracted from a {} file: {}", mediaType, e.getCause().toString());
    } catch (InterruptedException e) {
      parsing.cancel(true);
      Thread.currentThread().interrupt();
    }
    String text;
    synchronized (out) {
      text = out.toString();
    }
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }

  private static void parse(Path file, String mediaType, WriteOutContentHandler limited)
      throws Exception {
    // Checked here as well as by POI's ZipSecureFile: the parsers load a whole entry into memory
    // before POI's counts are looked at.
    String bomb = BOMBS.problem(file);
    if (bomb != null) {
      throw new java.io.IOException("refused as a zip bomb: " + bomb);
    }
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    try (TikaInputStream in = TikaInputStream.get(file)) {
      Loaded.PARSER.parse(
          in, new BodyContentHandler(new Stoppable(limited)), metadata, new ParseContext());
    } catch (Exception e) {
      // A write limit reached keeps what was read.
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw e;
      }
    }
  }

  /** Stops a parse whose thread was interrupted (the time limit passed). */
  private static final class Stoppable extends ContentHandlerDecorator {
    Stoppable(WriteOutContentHandler handler) {
      super(handler);
    }

    private static void checkInterrupted() throws SAXException {
      if (Thread.currentThread().isInterrupted()) {
        throw new SAXException("text extraction stopped: time limit passed");
      }
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes atts)
        throws SAXException {
      checkInterrupted();
      super.startElement(uri, localName, name, atts);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      checkInterrupted();
      super.characters(ch, start, length);
    }
  }
}
