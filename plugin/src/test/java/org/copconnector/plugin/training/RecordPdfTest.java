package org.copconnector.plugin.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class RecordPdfTest {

  private static String text(RecordPdf pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void namesBeyondLatin1PrintAsTyped() throws Exception {
    List<String> names =
        List.of("Łukasz Wróblewski", "Ζωή Παπαδοπούλου", "Дмитрий Иванов", "Nguyễn Thị Hồng");
    try (RecordPdf pdf = new RecordPdf(false)) {
      pdf.heading("Registo de avaliação — Ação ŠKOLA");
      names.forEach(pdf::line);
      pdf.table(
          List.of("Formando", "Nota"),
          names.stream().map(n -> List.of(n, "8,5")).toList(),
          new float[] {3, 1});
      String text = text(pdf);
      assertTrue(text.contains("Registo de avaliação — Ação ŠKOLA"), text);
      for (String name : names) {
        assertTrue(text.contains(name), name + " in " + text);
      }
      assertFalse(text.contains("?"), "nothing replaced: " + text);
    }
  }

  @Test
  void aCharacterWithoutGlyphBecomesAQuestionMarkInsteadOfFailing() throws Exception {
    try (RecordPdf pdf = new RecordPdf(true)) {
      pdf.line("Ana 李 ひ");
      String text = text(pdf);
      assertTrue(text.contains("Ana ? ?"), text);
    }
  }
}
