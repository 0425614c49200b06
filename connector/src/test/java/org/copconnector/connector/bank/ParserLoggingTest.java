package org.copconnector.connector.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.copconnector.plugin.resource.TextExtraction;
import org.copconnector.plugin.testing.Docx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document parsers (POI, PDFBox) log through log4j-api: in a fresh JVM, as at the first upload
 * after a start, their lines go to the connector's log and nothing complains about a missing
 * logging provider.
 */
class ParserLoggingTest {

  @TempDir Path dir;

  /** Reads one Word document's text, as an upload does, then logs through log4j-api. */
  public static void main(String[] args) throws Exception {
    String text =
        new TextExtraction()
            .text(
                Path.of(args[0]),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    System.out.println("extracted: " + text.strip());
    org.apache.logging.log4j.LogManager.getLogger("parser.check").warn("through log4j-api");
  }

  @Test
  void theFirstUploadPrintsNoProviderError() throws Exception {
    Path docx = Docx.of(dir.resolve("plan.docx"), "fractions with paper strips");
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    ParserLoggingTest.class.getName(),
                    docx.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("extracted: fractions with paper strips"), output);
    assertFalse(output.contains("could not find a logging provider"), output);
    assertFalse(output.contains("StatusLogger"), output);
    assertTrue(output.contains("WARN  [main] parser.check - through log4j-api"), output);
  }
}
