package org.copconnector.plugin.discussion;

import java.util.Map;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/** What people write in a discussion, checked before it is stored: titles and post bodies. */
final class PostText {

  private final DiscussionLimits limits;

  PostText(DiscussionLimits limits) {
    this.limits = limits;
  }

  /** A thread's title as stored: one line of text, within the configured length. */
  String title(String raw) {
    String title = raw == null ? "" : raw.strip();
    if (title.isEmpty() || title.length() > limits.maxTitle()) {
      throw ApiException.invalid(
          Reason.TITLE_LENGTH,
          "title",
          "a title is 1 to " + limits.maxTitle() + " characters",
          Map.of("min", 1, "max", limits.maxTitle()));
    }
    if (title.chars().anyMatch(ch -> Character.isISOControl(ch))) {
      throw ApiException.invalid(Reason.TITLE_ONE_LINE, "title", "a title is one line of text");
    }
    return title;
  }

  /** A (sanitised) body says something: some text, or a picture. */
  void requireContent(String body) {
    if (SafeHtml.text(body).isBlank() && !PostFile.PICTURE_SRC.matcher(body).find()) {
      throw ApiException.invalid(Reason.BODY_EMPTY, "body", "a post needs some text");
    }
  }

  /**
   * A post's body as it would be stored: sanitised and within the configured bounds; its mentions
   * are checked where it is stored, against the community's members.
   */
  String body(String raw) {
    if (raw == null || raw.length() > limits.maxBody()) {
      throw ApiException.invalid(
          Reason.BODY_LENGTH,
          "body",
          "a post is 1 to " + limits.maxBody() + " characters of text or HTML",
          Map.of("min", 1, "max", limits.maxBody()));
    }
    String body = SafeHtml.sanitizeWithMentions(raw);
    requireContent(body);
    if (body.length() > limits.maxBody()) {
      throw ApiException.invalid(
          Reason.BODY_LENGTH,
          "body",
          "a post is 1 to " + limits.maxBody() + " characters of text or HTML",
          Map.of("min", 1, "max", limits.maxBody()));
    }
    return body;
  }
}
