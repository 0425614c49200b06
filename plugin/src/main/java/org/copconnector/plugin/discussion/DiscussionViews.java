package org.copconnector.plugin.discussion;

import java.time.Instant;
import java.util.List;

/** What the discussions answer: threads and posts as one reader may see them. */
public final class DiscussionViews {

  private DiscussionViews() {}

  /** A page of a community's threads. */
  public record ThreadList(List<ListedThread> threads, int total, int page, int pageSize) {}

  /** A thread as listed, with how many of its posts the reader has not seen. */
  public record ListedThread(DiscussionThread thread, int unread) {}

  /**
   * A page of a thread, as its reader may see and act on it; {@code prompt} when the thread is a
   * reflection prompt's (which has a page of its own).
   */
  public record ThreadPage(
      DiscussionThread thread,
      String communityName,
      List<PostView> posts,
      int page,
      int pages,
      boolean canReply,
      boolean canModerate,
      boolean prompt) {}

  /** A post as shown to one reader: a hidden post's body only to its author and moderators. */
  public record PostView(
      String id,
      int seq,
      String parentId,
      String authorId,
      String authorName,
      String body,
      QuoteView quote,
      Post.Origin origin,
      int helped,
      boolean helpedByMe,
      boolean hidden,
      Instant createdAt,
      Instant editedAt,
      Instant editableUntil,
      List<Attachment> attachments) {}

  /** A file attached to a post; {@code resourceId} once it was saved into the bank. */
  public record Attachment(
      String id, String fileName, String mediaType, long size, String url, String resourceId) {}

  /**
   * Quoted words and whose they were; the words keep their lines (paragraphs and line breaks as
   * {@code \n}).
   */
  public record QuoteView(String postId, String authorName, String text) {}

  /** A post's earlier versions, oldest first, and the current one. */
  public record History(Post current, List<Revision> earlier) {}

  /** A member the writer of a post may mention. */
  public record Mentionable(String lmsUserId, String name) {}
}
