package org.copconnector.plugin.discussion;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What a PNG or JPEG says about itself besides its pixels: the EXIF block (camera, time, GPS
 * location), XMP, comments and text chunks. Removed without decoding the picture, so a picture kept
 * at its size loses nothing else; only what drawing needs stays (colour profile, JFIF and Adobe
 * colour markers, transparency, gamma, pixel density).
 */
final class PictureMetadata {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** PNG chunks that say how to draw the pixels; every other ancillary chunk is dropped. */
  private static final Set<String> PNG_KEPT =
      Set.of(
          "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD",
          "pHYs");

  private static final int SOI = 0xD8;
  private static final int SOS = 0xDA;
  private static final int EOI = 0xD9;
  private static final int APP0 = 0xE0;
  private static final int APP1 = 0xE1;
  private static final int APP2 = 0xE2;
  private static final int APP14 = 0xEE;
  private static final int APP15 = 0xEF;
  private static final int COM = 0xFE;

  private PictureMetadata() {}

  /** The picture without metadata; bytes that are not a well-formed PNG or JPEG are refused. */
  static byte[] strip(byte[] picture, String mediaType) {
    return "image/png".equals(mediaType) ? stripPng(picture) : stripJpeg(picture);
  }

  /**
   * The EXIF orientation of a JPEG (1 to 8; 1 when it has none): how the camera was held, which a
   * picture kept without its EXIF must have applied to its pixels instead.
   */
  static int orientation(byte[] jpeg) {
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
      int marker = jpeg[at + 1] & 0xFF;
      if (marker == SOS || marker == EOI) {
        break;
      }
      int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
      int data = at + 4;
      if (length < 2 || data + length - 2 > jpeg.length) {
        break;
      }
      if (marker == APP1 && startsWith(jpeg, data, "Exif\0\0")) {
        return exifOrientation(ByteBuffer.wrap(jpeg, data + 6, length - 8).slice());
      }
      at += 2 + length;
    }
    return 1;
  }

  private static int exifOrientation(ByteBuffer tiff) {
    try {
      if (tiff.remaining() < 8) {
        return 1;
      }
      tiff.order(tiff.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      int ifd = tiff.getInt(4);
      int entries = tiff.getShort(ifd) & 0xFFFF;
      for (int i = 0; i < entries; i++) {
        int entry = ifd + 2 + i * 12;
        if ((tiff.getShort(entry) & 0xFFFF) == 0x0112) {
          int value = tiff.getShort(entry + 8) & 0xFFFF;
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
    } catch (IndexOutOfBoundsException e) {
      // A damaged EXIF block: draw the picture as stored.
    }
    return 1;
  }

  private static byte[] stripJpeg(byte[] jpeg) {
    if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
      throw new IllegalArgumentException("not a JPEG");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
    out.write(jpeg, 0, 2);
    int at = 2;
    while (at + 4 <= jpeg.length) {
      if ((jpeg[at] & 0xFF) != 0xFF) {
        throw new IllegalArgumentException("a JPEG segment does not start with a marker");
      }
      int marker = jpeg[at + 1] & 0xFF;
      if (marker == 0xFF) {
        at++; // fill byte
        continue;
      }
      if (marker == SOS) {
        // The compressed pixels, and whatever follows, as they are.
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
      }
      int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
      if (length < 2 || at + 2 + length > jpeg.length) {
        throw new IllegalArgumentException("a JPEG segment runs past the end");
      }
      if (keptJpegSegment(marker, jpeg, at + 4)) {
        out.write(jpeg, at, 2 + length);
      }
      at += 2 + length;
    }
    throw new IllegalArgumentException("a JPEG without pixels");
  }

  private static boolean keptJpegSegment(int marker, byte[] jpeg, int data) {
    if (marker == COM) {
      return false;
    }
    if (marker >= APP0 && marker <= APP15) {
      return marker == APP0
          || marker == APP14
          || (marker == APP2 && startsWith(jpeg, data, "ICC_PROFILE\0"));
    }
    return true;
  }

  private static byte[] stripPng(byte[] png) {
    if (png.length < PNG_SIGNATURE.length
        || !java.util.Arrays.equals(png, 0, 8, PNG_SIGNATURE, 0, 8)) {
      throw new IllegalArgumentException("not a PNG");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
    out.write(png, 0, 8);
    int at = 8;
    while (at + 12 <= png.length) {
      long length = ByteBuffer.wrap(png, at, 4).getInt() & 0xFFFFFFFFL;
      if (at + 12 + length > png.length) {
        throw new IllegalArgumentException("a PNG chunk runs past the end");
      }
      String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
      if (PNG_KEPT.contains(type)) {
        out.write(png, at, (int) (12 + length));
      }
      at += (int) (12 + length);
      if (type.equals("IEND")) {
        return out.toByteArray();
      }
    }
    throw new IllegalArgumentException("a PNG without its end");
  }

  private static boolean startsWith(byte[] bytes, int at, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
    return at + p.length <= bytes.length
        && java.util.Arrays.equals(bytes, at, at + p.length, p, 0, p.length);
  }
}
