package org.copconnector.plugin.resource;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.copconnector.plugin.testing.Docx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text extraction stays small and quick whatever a file claims to hold. */
class TextExtractionTest {

  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  @TempDir Path dir;

  @Test
  void aDocxWhoseXmlInflatesTo100MiBIsRefusedOrCutQuicklyWithLittleMemory() throws Exception {
    Path bomb = Docx.bomb(dir.resolve("bomb.docx"), 100L * 1024 * 1024);
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
    Path docx = Docx.of(dir.resolve("plan.docx"), "Plano de aula sobre frações equivalentes");
    assertTrue(
        new TextExtraction().text(docx, DOCX).contains("frações equivalentes"),
        "the words are read");
  }
}
