package org.copconnector.plugin.web;

import java.util.Map;

/** The text of a search box, in the {@code q} query parameter, within its bound. */
public final class SearchText {

  private SearchText() {}

  /** {@code text} (null for none), refused with 422 {@code search_length} above {@code max}. */
  public static String within(String text, int max) {
    if (text != null && text.length() > max) {
      throw ApiException.invalid(
          Reason.SEARCH_LENGTH,
          "q",
          "a search is at most " + max + " characters",
          Map.of("max", max));
    }
    return text;
  }
}
