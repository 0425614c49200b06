package org.copconnector.plugin.json;

/**
 * What the product takes as text wherever it comes from: no control characters other than tab and
 * line breaks, no noncharacters, no half of a surrogate pair.
 */
public final class TextCharacters {

  private TextCharacters() {}

  /** The index of the first character that is not text, or -1. */
  public static int firstNonText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
        return i;
      }
    }
    return -1;
  }
}
