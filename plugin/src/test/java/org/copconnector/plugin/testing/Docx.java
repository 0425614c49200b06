package org.copconnector.plugin.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Word documents for tests: with given words, or a bomb small to send and huge to read. */
public final class Docx {

  private Docx() {}

  /** The bytes of a bomb of {@code chars} letters, for sending. */
  public static byte[] bombBytes(long chars) throws IOException {
    Path file = Files.createTempFile("bomb", ".docx");
    try {
      return Files.readAllBytes(bomb(file, chars));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** A DOCX whose document.xml holds one run of {@code chars} repeated letters, streamed. */
  public static Path bomb(Path file, long chars) throws IOException {
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

  public static Path of(Path file, String words) throws IOException {
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
