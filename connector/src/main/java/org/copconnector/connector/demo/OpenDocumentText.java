package org.copconnector.connector.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small OpenDocument text (.odt, opened by LibreOffice and Word) from lines of plain text: the
 * first line is its title, lines starting with "- " are list items. Written directly, so the demo's
 * bank gets a real office document without an office library.
 */
public final class OpenDocumentText {

  private static final String MEDIA_TYPE = "application/vnd.oasis.opendocument.text";

  private OpenDocumentText() {}

  public static byte[] of(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      // The media type comes first and uncompressed: that is how readers recognise the format.
      byte[] mimetype = MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(mimetype);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(content(text).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(MANIFEST.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String content(String text) {
    StringBuilder body = new StringBuilder();
    boolean title = true;
    for (String line : text.lines().toList()) {
      if (line.isBlank()) {
        continue;
      }
      String style = title ? "Title" : line.startsWith("- ") ? "Item" : "Text";
      String words = line.startsWith("- ") ? "• " + line.substring(2) : line.strip();
      body.append("<text:p text:style-name=\"")
          .append(style)
          .append("\">")
          .append(escape(words))
          .append("</text:p>");
      title = false;
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<office:document-content"
        + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
        + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
        + " office:version=\"1.3\">"
        + "<office:automatic-styles>"
        + "<style:style style:name=\"Title\" style:family=\"paragraph\">"
        + "<style:paragraph-properties fo:margin-bottom=\"0.4cm\"/>"
        + "<style:text-properties fo:font-size=\"16pt\" fo:font-weight=\"bold\"/></style:style>"
        + "<style:style style:name=\"Text\" style:family=\"paragraph\">"
        + "<style:paragraph-properties fo:margin-top=\"0.2cm\"/></style:style>"
        + "<style:style style:name=\"Item\" style:family=\"paragraph\">"
        + "<style:paragraph-properties fo:margin-left=\"0.6cm\"/></style:style>"
        + "</office:automatic-styles>"
        + "<office:body><office:text>"
        + body
        + "</office:text></office:body></office:document-content>";
  }

  private static final String MANIFEST =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
          + " manifest:version=\"1.3\">"
          + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\""
          + MEDIA_TYPE
          + "\"/>"
          + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
          + "</manifest:manifest>";

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
