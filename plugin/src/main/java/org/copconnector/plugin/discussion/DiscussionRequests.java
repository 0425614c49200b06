package org.copconnector.plugin.discussion;

import java.util.List;
import org.copconnector.plugin.json.Length;

/** What callers send to write in discussions; bounds are checked by {@link Discussions}. */
public final class DiscussionRequests {

  private DiscussionRequests() {}

  /**
   * How many attachment ids a request may name before it is refused unread; the limit per post, far
   * smaller, is checked with its own reason.
   */
  static final int MAX_NAMED_FILES = 100;

  /**
   * A new thread of a community: a title and the first post's body (HTML, sanitised on arrival),
   * and the ids of files sent to attach to it.
   */
  public record NewThread(
      @Length(max = 36) String communityId,
      @Length(min = 1, max = DiscussionLimits.TITLE_CEILING, reason = "title_length") String title,
      @Length(min = 1, max = DiscussionLimits.BODY_CEILING, reason = "body_length") String body,
      @Length(max = 36, entries = MAX_NAMED_FILES) List<String> attachments) {

    public NewThread(String communityId, String title, String body) {
      this(communityId, title, body, List.of());
    }
  }

  /**
   * A reply; {@code parentId} is the post answered (the thread's first post when absent), {@code
   * quote} words quoted from a post of the same thread, {@code attachments} files sent for it.
   */
  public record NewReply(
      @Length(min = 1, max = DiscussionLimits.BODY_CEILING, reason = "body_length") String body,
      @Length(max = 36) String parentId,
      Quote quote,
      @Length(max = 36, entries = MAX_NAMED_FILES) List<String> attachments) {

    public NewReply(String body, String parentId, Quote quote) {
      this(body, parentId, quote, List.of());
    }
  }

  /** Quoted words of a post; the text must be taken from that post (its start when absent). */
  public record Quote(
      @Length(max = 36) String postId,
      @Length(max = Quotes.MAX_QUOTE, reason = "quote_length") String text) {}

  /** An edit: the new body, and for a thread's first post optionally a new title. */
  public record Edit(
      @Length(min = 1, max = DiscussionLimits.TITLE_CEILING, reason = "title_length") String title,
      @Length(min = 1, max = DiscussionLimits.BODY_CEILING, reason = "body_length") String body) {}

  /** A flag such as pinned, hidden or "this helped me". */
  public record Flag(Boolean value) {}

  /** How a member hears about one thread. */
  public record Following(ThreadFollow state) {}

  /** A member's notification choice for one community. */
  public record Notifications(NotificationChoice delivery) {}
}
