package org.copconnector.plugin.resource;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text extraction stays small and quick whatever a file claims to hold. */
class TextExtractionTest {

  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  @TempDir Path dir;

  @Test
  void aDocxWhoseXmlInflatesTo100MiBIsRefusedOrCutQuicklyWithLittleMemory() throws Exception {
    Path bomb = docxBomb(dir.resolve("bomb.docx"), 100L * 1024 * 1024);
    assertTrue(Files.size(bomb) < 1024 * 1024, "the bomb itself is small: " + Files.size(bomb));
    assertTrue(new FileTypes().detect(bomb).equals(DOCX), "it passes for a document");

    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    long start = System.nanoTime();

    String text = new TextExtraction().text(bomb, DOCX);

    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    assertTrue(text.length() <= TextExtraction.MAX_CHARS, "text cut: " + text.length());
    assertTrue(seconds < 15, "answered in " + seconds + " s");
    long grewMiB = (peak - before) / (1024 * 1024);
    assertTrue(grewMiB < 400, "heap grew by " + grewMiB + " MiB");
  }

  @Test
  void anOrdinaryDocxStillGivesItsWords() throws Exception {
    Path docx = docx(dir.resolve("plan.docx"), "Plano de aula sobre frações equivalentes");
    assertTrue(
        new TextExtraction().text(docx, DOCX).contains("frações equivalentes"),
        "the words are read");
  }

  /** A DOCX whose document.xml holds one run of {@code chars} repeated letters, streamed. */
  static Path docxBomb(Path file, long chars) throws IOException {
    try (ZipOutputStream zip = start(file)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(documentStart().getBytes(StandardCharsets.UTF_8));
      byte[] run = new byte[64 * 1024];
      Arrays.fill(run, (byte) 'a');
      for (long written = 0; written < chars; written += run.length) {
        zip.write(run, 0, (int) Math.min(run.length, chars - written));
      }
      zip.write(documentEnd().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }

  static Path docx(Path file, String words) throws IOException {
    try (ZipOutputStream zip = start(file)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write((documentStart() + words + documentEnd()).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }

  private static ZipOutputStream start(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    ZipOutputStream zip = new ZipOutputStream(out);
    zip.setLevel(Deflater.BEST_COMPRESSION);
    entry(
        zip,
        "[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "</Types>");
    entry(
        zip,
        "_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "</Relationships>");
    return zip;
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String documentStart() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:body><w:p><w:r><w:t>";
  }

  private static String documentEnd() {
    return "</w:t></w:r></w:p></w:body></w:document>";
  }
}
