package org.copconnector.plugin.discussion;

import java.util.Map;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Text written in the editor, as kept: sanitised HTML ({@link SafeHtml}) held to one bound with its
 * formatting included, so that what is sent within the bound is taken whole.
 */
public final class RichText {

  private RichText() {}

  /**
   * {@code raw} sanitised; refused, naming {@code field}, when it has no words or more than {@code
   * max} characters.
   */
  public static String required(String raw, int max, Reason refused, String field, String noun) {
    String html = SafeHtml.sanitize(raw == null ? "" : raw.strip());
    if (SafeHtml.text(html).isBlank() || html.length() > max) {
      throw ApiException.invalid(
          refused,
          field,
          "a "
              + noun
              + " has some words and at most "
              + max
              + " characters, its formatting included",
          Map.of("min", 1, "max", max));
    }
    return html;
  }

  /**
   * {@code raw} sanitised, empty when it has no words; refused, naming {@code field}, over {@code
   * max} characters.
   */
  public static String optional(String raw, int max, Reason refused, String field, String noun) {
    String html = SafeHtml.sanitize(raw);
    if (SafeHtml.text(html).isBlank()) {
      return "";
    }
    if (html.length() > max) {
      throw ApiException.invalid(
          refused,
          field,
          "a " + noun + " is at most " + max + " characters, its formatting included",
          Map.of("max", max));
    }
    return html;
  }
}
