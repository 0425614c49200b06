package org.copconnector.connector.lti;

/** Text from a platform's claims, made to fit where it is kept. */
final class ClaimText {

  private ClaimText() {}

  /** The text without control characters, stripped and cut to {@code max} characters. */
  static String cut(String value, int max) {
    if (value == null) {
      return null;
    }
    String text = clean(value).strip();
    if (text.length() > max) {
      int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
      text = text.substring(0, end).strip();
    }
    return text;
  }

  /** The text without control characters, or null when it is longer than {@code max}. */
  static String orNull(String value, int max) {
    if (value == null) {
      return null;
    }
    String text = clean(value).strip();
    return text.isEmpty() || text.length() > max ? null : text;
  }

  /** Whether the value holds no control character. */
  static boolean isText(String value) {
    return value.codePoints().noneMatch(ClaimText::isControl);
  }

  private static String clean(String value) {
    StringBuilder text = new StringBuilder(value.length());
    value.codePoints().filter(c -> !isControl(c)).forEach(text::appendCodePoint);
    return text.toString();
  }

  private static boolean isControl(int c) {
    return Character.getType(c) == Character.CONTROL || c == 0xFFFE || c == 0xFFFF;
  }
}
