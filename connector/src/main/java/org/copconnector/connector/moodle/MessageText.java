package org.copconnector.connector.moodle;

import java.util.regex.Pattern;
import org.copconnector.plugin.discussion.SafeHtml;

/** The plain text of a notification the features write in HTML, as Moodle's messages show it. */
final class MessageText {

  private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li(\\s[^>]*)?>");

  private MessageText() {}

  /**
   * Paragraphs and list items on their own lines, list items bulleted, tags gone, entities read.
   */
  static String plain(String html) {
    return SafeHtml.text(LIST_ITEM.matcher(html).replaceAll("• "));
  }
}
