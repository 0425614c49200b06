package org.copconnector.plugin.discussion;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.discussion.DiscussionRequests.Quote;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/** Quotes of earlier posts of a thread: checked when written, and whose words they are. */
final class Quotes {

  static final int MAX_QUOTE = 1000;

  private final DiscussionStore store;

  Quotes(DiscussionStore store) {
    this.store = store;
  }

  /**
   * The quote as stored: its words checked against the quoted post of the same thread, or the
   * post's first words when none are given; null without a quote.
   */
  Quote checked(Connection c, Quote quote, String threadId) throws SQLException {
    if (quote == null) {
      return null;
    }
    if (quote.postId() == null) {
      throw ApiException.invalid(
          Reason.QUOTE_POST_REQUIRED, "quote.postId", "say which post is quoted");
    }
    Post quoted = postOfThread(c, quote.postId(), threadId, "quote.postId");
    String source = SafeHtml.text(quoted.body());
    String text = quote.text() == null ? null : lines(quote.text());
    if (text == null || text.isEmpty()) {
      text = source.length() > 300 ? source.substring(0, 300).strip() + "…" : source;
    } else if (text.length() > MAX_QUOTE) {
      throw ApiException.invalid(
          Reason.QUOTE_LENGTH,
          "quote.text",
          "a quote is at most " + MAX_QUOTE + " characters",
          Map.of("max", MAX_QUOTE));
    } else if (!normalise(source).contains(normalise(text))) {
      throw ApiException.invalid(
          Reason.QUOTE_NOT_IN_POST, "quote.text", "quoted words must come from the quoted post");
    }
    return new Quote(quoted.id(), text);
  }

  /** Text on one line, for comparing quoted words with their post whatever their layout. */
  private static String normalise(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /**
   * Quoted text with its lines kept (a paragraph or line break becomes one {@code \n}) and the
   * spaces within each line tidied.
   */
  static String lines(String text) {
    return text.lines()
        .map(line -> line.replaceAll("\\s+", " ").strip())
        .filter(line -> !line.isEmpty())
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  /** Who wrote the posts that {@code posts} quote, by post id. */
  Map<String, String> authors(Connection c, List<Post> posts) throws SQLException {
    List<String> ids =
        posts.stream()
            .map(Post::quotePostId)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    return ids.isEmpty() ? Map.of() : store.authorNames(c, ids);
  }

  /** The post, which must be one of the thread's; else the request's {@code field} is invalid. */
  Post postOfThread(Connection c, String postId, String threadId, String field)
      throws SQLException {
    return store
        .post(c, postId)
        .filter(p -> p.threadId().equals(threadId))
        .orElseThrow(
            () ->
                ApiException.invalid(
                    Reason.POST_NOT_IN_THREAD, field, "not a post of this thread"));
  }
}
