package org.copconnector.connector.browser;

/** The size of the page's own area (the CSS viewport) a journey is seen at. */
public enum Viewport {
  /** A common phone held upright (390 x 844 CSS pixels). */
  PHONE(390, 844),
  /** A laptop's browser window. */
  DESKTOP(1280, 900);

  private final int width;
  private final int height;

  Viewport(int width, int height) {
    this.width = width;
    this.height = height;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
