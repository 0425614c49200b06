package org.copconnector.plugin.discussion;

import java.time.Instant;

/**
 * A post of a thread; the first ({@code seq} 1) carries the thread's text. {@code body} is
 * sanitised HTML; a quote keeps the quoted words as they were when quoted.
 */
public record Post(
    String id,
    String threadId,
    int seq,
    String parentId,
    String authorId,
    String authorName,
    String body,
    String quotePostId,
    String quoteText,
    Origin origin,
    int helpedCount,
    boolean hidden,
    Instant createdAt,
    Instant editedAt) {

  /** Where a post was written: in the hub, or directly in the LMS forum (imported). */
  public enum Origin {
    HUB,
    LMS
  }

  public boolean first() {
    return seq == 1;
  }
}
