package org.copconnector.plugin.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The regular and bold faces of the training records (DejaVu Sans, from the font pack on the class
 * path). Parsing a face costs about five times writing a whole record, so parsed faces are kept and
 * lent to one record at a time: a parsed font reads its glyphs from one shared buffer and is not
 * safe to use from two threads.
 */
final class RecordFonts {

  private static final String FOLDER = "/net/sf/jasperreports/fonts/dejavu/";
  private static final Queue<RecordFonts> IDLE = new ConcurrentLinkedQueue<>();

  private final TrueTypeFont regular;
  private final TrueTypeFont bold;

  private RecordFonts() {
    regular = parse("DejaVuSans.ttf");
    bold = parse("DejaVuSans-Bold.ttf");
  }

  /** A pair of faces for one record; give it back when the record is done. */
  static RecordFonts borrow() {
    RecordFonts fonts = IDLE.poll();
    return fonts != null ? fonts : new RecordFonts();
  }

  void giveBack() {
    IDLE.offer(this);
  }

  PDFont regular(PDDocument document) {
    return embed(document, regular);
  }

  PDFont bold(PDDocument document) {
    return embed(document, bold);
  }

  /** Embedded as a subset: only the glyphs the record uses travel in the file. */
  private static PDFont embed(PDDocument document, TrueTypeFont face) {
    try {
      return PDType0Font.load(document, face, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TrueTypeFont parse(String file) {
    try (InputStream in = RecordFonts.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the class path: " + file);
      }
      return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
