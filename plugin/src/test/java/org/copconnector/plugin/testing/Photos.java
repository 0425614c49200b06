package org.copconnector.plugin.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Pictures as teachers paste them: phone photos with their EXIF block and location. */
public final class Photos {

  /** The location text the EXIF block of {@link #withExif} carries. */
  public static final String LOCATION = "GPS 38.7223 N, 9.1393 W";

  private Photos() {}

  /** A JPEG whose left fifth is red and the rest blue. */
  public static byte[] jpeg(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 5, height);
    g.dispose();
    return write(image, 0.75f);
  }

  /**
   * A photograph-like JPEG (shapes under fine noise, which compresses as poorly as a real photo's
   * detail) of about {@code megabytes}, with an EXIF block and its location: a phone's photo.
   */
  public static byte[] phonePhoto(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    Graphics2D g = image.createGraphics();
    for (int i = 0; i < 40; i++) {
      g.setColor(new Color(random.nextInt(0xFFFFFF)));
      g.fillOval(random.nextInt(width), random.nextInt(height), width / 4 + 1, height / 4 + 1);
    }
    g.dispose();
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int noise = random.nextInt(48) - 24;
        int r = clamp(((row[x] >> 16) & 0xFF) + noise);
        int gr = clamp(((row[x] >> 8) & 0xFF) + noise);
        int b = clamp((row[x] & 0xFF) + noise);
        row[x] = (r << 16) | (gr << 8) | b;
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    return withExif(write(image, 0.92f), 1);
  }

  /**
   * The JPEG with an EXIF block after its start marker: big-endian TIFF, IFD0 with the orientation
   * and an ASCII description standing for the GPS block a phone writes.
   */
  public static byte[] withExif(byte[] jpeg, int orientation) {
    byte[] text = (LOCATION + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + text.length);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x010E).putShort((short) 2).putInt(text.length).putInt(8 + 2 + 24 + 4);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);
    tiff.putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0).put(text);
    byte[] body = tiff.array();
    byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + header.length + body.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(header);
    out.writeBytes(body);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** Whether {@code bytes} hold {@code text} (ISO-8859-1). */
  public static boolean contains(byte[] bytes, String text) {
    byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static byte[] write(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
