package org.copconnector.plugin.discussion;

import static org.copconnector.plugin.testing.Photos.contains;
import static org.copconnector.plugin.testing.Photos.jpeg;
import static org.copconnector.plugin.testing.Photos.withExif;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.copconnector.plugin.testing.Photos;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.junit.jupiter.api.Test;

/** Pictures as posts keep them: small enough, turned upright, and telling nothing but pixels. */
class PicturesTest {

  private final Pictures pictures = new Pictures();

  @Test
  void aSmallPhotoKeepsItsPixelsAndLosesItsExifWithTheLocation() throws IOException {
    byte[] plain = jpeg(800, 600);
    byte[] withExif = withExif(plain, 1);
    assertTrue(contains(withExif, Photos.LOCATION), "the test photo carries a location");

    Pictures.Cleaned cleaned = pictures.clean(withExif, "image/jpeg");

    assertEquals(800, cleaned.width());
    assertEquals(600, cleaned.height());
    assertFalse(contains(cleaned.bytes(), "GPS"), "no location");
    assertFalse(contains(cleaned.bytes(), "Exif"), "no EXIF block at all");
    assertArrayEquals(plain, cleaned.bytes(), "the same bytes as the photo without its EXIF");
  }

  @Test
  void aLargePhotoIsMadeSmallerInItsOwnFormat() throws IOException {
    Pictures.Cleaned cleaned = pictures.clean(withExif(jpeg(4000, 3000), 1), "image/jpeg");

    assertEquals(1600, cleaned.width());
    assertEquals(1200, cleaned.height());
    assertEquals("image/jpeg", cleaned.mediaType());
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(cleaned.bytes()));
    assertEquals(1600, read.getWidth());
    assertFalse(contains(cleaned.bytes(), "GPS"));
  }

  @Test
  void aPhotoTakenWithThePhoneTurnedIsTurnedUpright() throws IOException {
    // Orientation 6: the stored pixels are to be turned a quarter clockwise to be seen upright.
    Pictures.Cleaned cleaned = pictures.clean(withExif(jpeg(2000, 1000), 6), "image/jpeg");

    assertEquals(800, cleaned.width());
    assertEquals(1600, cleaned.height());
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(cleaned.bytes()));
    // The red left edge of the stored picture is at the top once turned.
    Color top = new Color(read.getRGB(400, 5));
    assertTrue(top.getRed() > 200 && top.getGreen() < 80, "red on top: " + top);
  }

  @Test
  void aPngLosesItsTextAndExifChunksAndKeepsItsTransparency() throws IOException {
    BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(10, 10, 0x00FFFFFF);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    byte[] png = withChunks(out.toByteArray(), chunk("tEXt", "Author\0Ana"), chunk("eXIf", "GPS"));
    assertTrue(contains(png, "Author"));

    Pictures.Cleaned cleaned = pictures.clean(png, "image/png");

    assertFalse(contains(cleaned.bytes(), "Author"));
    assertFalse(contains(cleaned.bytes(), "GPS"));
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(cleaned.bytes()));
    assertEquals(0, read.getRGB(10, 10) >>> 24, "still transparent");
  }

  @Test
  void aPictureClaimingHugeSizeIsRefusedBeforeDecoding() {
    byte[] png = withChunks(signatureOnly(), ihdr(20_000, 20_000), chunk("IEND", ""));
    ApiException e = assertThrows(ApiException.class, () -> pictures.clean(png, "image/png"));
    assertEquals(Reason.PICTURE_TOO_MANY_PIXELS, e.reason());
  }

  @Test
  void bytesThatAreNoPictureAreRefused() {
    byte[] junk = "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        Reason.PICTURE_UNREADABLE,
        assertThrows(ApiException.class, () -> pictures.clean(junk, "image/jpeg")).reason());
    byte[] cut = Arrays.copyOf(withExif(jpeg(100, 100), 1), 40);
    assertEquals(
        Reason.PICTURE_UNREADABLE,
        assertThrows(ApiException.class, () -> pictures.clean(cut, "image/jpeg")).reason());
  }

  private static byte[] signatureOnly() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  }

  private static byte[] ihdr(int width, int height) {
    ByteBuffer data = ByteBuffer.allocate(13).putInt(width).putInt(height);
    data.put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
    return chunk("IHDR", data.array());
  }

  private static byte[] chunk(String type, String data) {
    return chunk(type, data.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(name)
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  /** The PNG with the chunks put right after its header chunk (or after the signature). */
  private static byte[] withChunks(byte[] png, byte[]... chunks) {
    int at = png.length > 8 ? 8 + 12 + 13 : 8;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, at);
    for (byte[] c : chunks) {
      out.writeBytes(c);
    }
    out.write(png, at, png.length - at);
    return out.toByteArray();
  }
}
