package org.copconnector.plugin.discussion;

import java.time.Instant;
import java.util.List;

/** What the discussions answer: threads and posts as one reader may see them. */
public final class DiscussionViews {

  private DiscussionViews() {}

  /** A page of a community's threads. */
  public record ThreadList(List<ListedThread> threads, int total, int page, int pageSize) {}

  /**
   * A thread as listed, with how many of its posts the reader has not seen and whether a reply was
   * accepted as its answer.
   */
  public record ListedThread(DiscussionThread thread, int unread, boolean answered) {}

  /**
   * A page of a thread, as its reader may see and act on it; {@code prompt} when the thread is a
   * reflection prompt's (which has a page of its own). {@code posts} come in the order they were
   * written, {@code tree} says how to draw them as a conversation; posts after the first {@code
   * seenBefore} are new to the reader; {@code follow} is how a member hears about the thread (null
   * for others).
   */
  public record ThreadPage(
      DiscussionThread thread,
      String communityName,
      List<PostView> posts,
      int page,
      int pages,
      boolean canReply,
      boolean canModerate,
      boolean prompt,
      List<Placement> tree,
      int seenBefore,
      int postsPerPage,
      ThreadFollow follow,
      String acceptedPostId,
      boolean canAccept) {}

  /**
   * Where a post of a page is drawn: its level under the conversation's start (0 to 2) and, when it
   * is not drawn under the post it answers, which post that is.
   */
  public record Placement(String postId, int level, ReplyTo inReplyTo) {}

  /** The post a reply answers, whose it is and on which page of the thread it is. */
  public record ReplyTo(String postId, String authorName, int page) {}

  /** A thread's accepted answer (null when none is marked). */
  public record AcceptedAnswer(String threadId, String postId) {}

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
