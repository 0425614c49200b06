package org.copconnector.plugin.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A plain printable record: a heading, lines of text and tables, flowing onto new pages. Written in
 * DejaVu Sans, embedded as a subset: Latin, Greek and Cyrillic names print as typed; a character
 * the font has no glyph for becomes "?" rather than failing the record.
 */
final class RecordPdf implements AutoCloseable {

  private static final float MARGIN = 40;
  private static final float SIZE = 9.5f;
  private static final float LEADING = 13;

  private final PDDocument document = new PDDocument();
  private final RecordFonts fonts = RecordFonts.borrow();
  private final PDFont regular = fonts.regular(document);
  private final PDFont bold = fonts.bold(document);
  private final PDRectangle format;
  private PDPageContentStream content;
  private float y;

  RecordPdf(boolean landscape) {
    format =
        landscape
            ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
            : PDRectangle.A4;
    newPage();
  }

  float width() {
    return format.getWidth() - 2 * MARGIN;
  }

  RecordPdf heading(String text) {
    room(2 * LEADING);
    write(bold, 15, MARGIN, text, width());
    y -= LEADING * 1.8f;
    return this;
  }

  RecordPdf line(String text) {
    return line(text, false);
  }

  /** A paragraph, wrapped at the margins. */
  RecordPdf line(String text, boolean strong) {
    PDFont font = strong ? bold : regular;
    StringBuilder current = new StringBuilder();
    for (String word : shown(text, font).split(" ")) {
      String tried = current.isEmpty() ? word : current + " " + word;
      if (current.length() > 0 && widthOf(font, SIZE, tried) > width()) {
        room(LEADING);
        write(font, SIZE, MARGIN, current.toString(), width());
        y -= LEADING;
        current = new StringBuilder(word);
      } else {
        current = new StringBuilder(tried);
      }
    }
    room(LEADING);
    write(font, SIZE, MARGIN, current.toString(), width());
    y -= LEADING;
    return this;
  }

  RecordPdf space() {
    y -= LEADING / 2;
    return this;
  }

  /** A table; {@code shares} divide the width between its columns. Cells too long are cut. */
  RecordPdf table(List<String> headers, List<List<String>> rows, float[] shares) {
    float total = 0;
    for (float s : shares) {
      total += s;
    }
    float[] widths = new float[shares.length];
    for (int i = 0; i < shares.length; i++) {
      widths[i] = width() * shares[i] / total;
    }
    row(headers, widths, bold);
    for (List<String> row : rows) {
      if (y - LEADING < MARGIN) {
        newPage();
        row(headers, widths, bold);
      }
      row(row, widths, regular);
    }
    return this;
  }

  private void row(List<String> cells, float[] widths, PDFont font) {
    room(LEADING);
    float x = MARGIN;
    for (int i = 0; i < cells.size(); i++) {
      write(font, SIZE, x, cells.get(i), widths[i] - 4);
      x += widths[i];
    }
    y -= LEADING;
  }

  byte[] bytes() {
    try {
      content.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      fonts.giveBack();
    }
  }

  private void room(float needed) {
    if (y - needed < MARGIN) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(format);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = format.getHeight() - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(PDFont font, float size, float x, String text, float room) {
    String shown = shown(text, font);
    while (!shown.isEmpty() && widthOf(font, size, shown) > room) {
      shown = shown.substring(0, shown.length() - 1);
    }
    try {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, y - size);
      content.showText(shown);
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float widthOf(PDFont font, float size, String text) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean encodable(PDFont font, String ch) {
    try {
      font.encode(ch);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /** The text with what the font cannot show replaced, and no line breaks. */
  private static String shown(String text, PDFont font) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              String ch = Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
              s.append(encodable(font, ch) ? ch : "?");
            });
    return s.toString();
  }
}
