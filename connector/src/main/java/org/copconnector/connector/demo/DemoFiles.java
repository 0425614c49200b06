package org.copconnector.connector.demo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the demo keeps files (uploads and the bank's files): a temporary folder, deleted with
 * everything in it when the demo stops.
 */
public final class DemoFiles implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoFiles.class);
  private static final String FONT_CACHE = "pdfbox.fontcache";

  /** The font cache folder a demo chose last (a later demo moves it; an operator's stays). */
  private static String chosenFontCache;

  private final Path folder;

  private DemoFiles(Path folder) {
    this.folder = folder;
  }

  /**
   * A new, empty folder in the system's temporary folder. PDFBox, which reads the text of uploaded
   * PDFs, keeps its font cache there too rather than in the home folder (unless told otherwise).
   */
  public static synchronized DemoFiles create() throws IOException {
    Path folder = Files.createTempDirectory("cop-demo-");
    String fontCache = System.getProperty(FONT_CACHE);
    if (fontCache == null || fontCache.equals(chosenFontCache)) {
      chosenFontCache = folder.toString();
      System.setProperty(FONT_CACHE, chosenFontCache);
    }
    return new DemoFiles(folder);
  }

  public Path folder() {
    return folder;
  }

  /** Deletes the folder and its contents; what cannot be deleted is named in the log. */
  @Override
  public void close() {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      // Deepest first, so each folder is empty when its turn comes.
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.warn("the demo's temporary folder {} was not fully deleted: {}", folder, e.toString());
    }
  }
}
