package org.copconnector.connector.bank;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real documents with known words inside, made for tests. */
public final class Documents {

  private Documents() {}

  public static byte[] pdf(String text) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  public static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
      return out.toByteArray();
    }
  }

  public static byte[] pptx(String text) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSLFTextBox box = show.createSlide().createTextBox();
      box.setText(text);
      show.write(out);
      return out.toByteArray();
    }
  }

  /** A minimal OpenDocument text: the stored mimetype entry first, then content and manifest. */
  public static byte[] odt(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] mimetype =
          "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
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
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                  + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                  + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                  + "<office:body><office:text><text:p>"
                  + text
                  + "</text:p></office:text></office:body></office:document-content>")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                  + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                  + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                  + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                  + "</manifest:manifest>")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  /** A plain zip archive: not a document the bank takes. */
  public static byte[] zip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("tool.sh"));
      zip.write("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
