package org.copconnector.plugin.discussion;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Pictures as posts keep them: PNG or JPEG at most {@link #MAX_SIDE} pixels on the long side, in
 * their own format, without EXIF (a phone photo's GPS location) or any other metadata, turned the
 * way the camera was held. A picture that is already small enough keeps its pixels byte for byte.
 */
final class Pictures {

  /** The longest side a kept picture has: sharp on a large screen, light on a phone. */
  static final int MAX_SIDE = 1600;

  /** Pictures of more pixels are refused before they are decoded (a PNG can claim any size). */
  static final long MAX_PIXELS = 60_000_000L;

  private static final float JPEG_QUALITY = 0.85f;

  /** A picture as kept. */
  record Cleaned(byte[] bytes, String mediaType, int width, int height) {}

  /** The picture of {@code mediaType} (image/png or image/jpeg) made ready to keep. */
  Cleaned clean(byte[] picture, String mediaType) {
    try (ImageInputStream in =
        ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(picture))) {
      ImageReader reader = reader(in, mediaType);
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if ((long) width * height > MAX_PIXELS) {
          throw new ApiException(
              Reason.PICTURE_TOO_MANY_PIXELS,
              "pictures are at most " + MAX_PIXELS / 1_000_000 + " megapixels",
              Map.of("maxMegapixels", MAX_PIXELS / 1_000_000));
        }
        int orientation = "image/jpeg".equals(mediaType) ? PictureMetadata.orientation(picture) : 1;
        if (Math.max(width, height) <= MAX_SIDE && orientation == 1) {
          return new Cleaned(PictureMetadata.strip(picture, mediaType), mediaType, width, height);
        }
        return redrawn(reader, width, height, orientation, mediaType);
      } finally {
        reader.dispose();
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw unreadable();
    }
  }

  private static ImageReader reader(ImageInputStream in, String mediaType) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
    if (in == null || !readers.hasNext()) {
      throw unreadable();
    }
    return readers.next();
  }

  /**
   * Decodes at a reduced resolution (every n-th pixel, still at least twice the target), then
   * scales down smoothly and turns it as the camera was held.
   */
  private Cleaned redrawn(
      ImageReader reader, int width, int height, int orientation, String mediaType)
      throws IOException {
    int longSide = Math.max(width, height);
    int step = Math.max(1, longSide / (2 * MAX_SIDE));
    ImageReadParam param = reader.getDefaultReadParam();
    param.setSourceSubsampling(step, step, 0, 0);
    BufferedImage decoded = reader.read(0, param);
    double scale =
        Math.min(1.0, (double) MAX_SIDE / Math.max(decoded.getWidth(), decoded.getHeight()));
    BufferedImage scaled = scaled(decoded, scale, mediaType);
    BufferedImage turned = turned(scaled, orientation);
    byte[] bytes = "image/png".equals(mediaType) ? png(turned) : jpeg(turned);
    return new Cleaned(bytes, mediaType, turned.getWidth(), turned.getHeight());
  }

  /**
   * Halves until the next halving would pass the target, then scales to it: bilinear steps keep the
   * detail that one large step would alias away. Always draws at least once, into a known layout.
   */
  private static BufferedImage scaled(BufferedImage image, double scale, String mediaType) {
    int targetWidth = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage current = image;
    int w = image.getWidth();
    int h = image.getHeight();
    do {
      w = Math.max(targetWidth, w / 2);
      h = Math.max(targetHeight, h / 2);
      current = copy(current, w, h, mediaType);
    } while (w > targetWidth || h > targetHeight);
    return current;
  }

  private static BufferedImage copy(BufferedImage from, int w, int h, String mediaType) {
    BufferedImage to = new BufferedImage(w, h, layout(from, mediaType));
    Graphics2D g = to.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(from, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return to;
  }

  private static int layout(BufferedImage image, String mediaType) {
    return "image/png".equals(mediaType) && image.getColorModel().hasAlpha()
        ? BufferedImage.TYPE_INT_ARGB
        : BufferedImage.TYPE_INT_RGB;
  }

  /** The pixels turned by the EXIF orientation (2 to 8: mirrored and/or turned). */
  private static BufferedImage turned(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
      case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
      case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
      case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
      case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
      case 7 -> t.setTransform(0, -1, -1, 0, h, w);
      default -> t.setTransform(0, -1, 1, 0, 0, w);
    }
    BufferedImage to = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
    Graphics2D g = to.createGraphics();
    try {
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return to;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  private static ApiException unreadable() {
    return new ApiException(
        Reason.PICTURE_UNREADABLE, "this picture could not be read: send a PNG or JPEG picture");
  }
}
