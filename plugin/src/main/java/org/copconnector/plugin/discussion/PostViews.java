package org.copconnector.plugin.discussion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.copconnector.plugin.discussion.DiscussionViews.Attachment;
import org.copconnector.plugin.discussion.DiscussionViews.PostView;
import org.copconnector.plugin.discussion.DiscussionViews.QuoteView;

/** Posts as shown to one reader: a hidden post's body only to its author and moderators. */
final class PostViews {

  private final DiscussionLimits limits;
  private final Clock clock;

  PostViews(DiscussionLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** The post as {@code reader} sees it; quotedAuthors names the authors of quoted posts. */
  PostView of(
      Post post,
      Set<String> helped,
      String reader,
      boolean moderates,
      Map<String, String> quotedAuthors) {
    return of(post, helped, reader, moderates, quotedAuthors, List.of());
  }

  /** As {@link #of(Post, Set, String, boolean, Map)}, with the post's attachments. */
  PostView of(
      Post post,
      Set<String> helped,
      String reader,
      boolean moderates,
      Map<String, String> quotedAuthors,
      List<Attachment> attachments) {
    boolean mine = post.authorId().equals(reader);
    boolean showBody = !post.hidden() || mine || moderates;
    Instant editableUntil =
        mine && post.origin() == Post.Origin.HUB
            ? post.createdAt().plus(limits.editWindow())
            : null;
    if (editableUntil != null && Instant.now(clock).isAfter(editableUntil)) {
      editableUntil = null;
    }
    return new PostView(
        post.id(),
        post.seq(),
        post.parentId(),
        post.authorId(),
        post.authorName(),
        showBody ? post.body() : null,
        post.quotePostId() == null || !showBody
            ? null
            : new QuoteView(
                post.quotePostId(), quotedAuthors.get(post.quotePostId()), post.quoteText()),
        post.origin(),
        post.helpedCount(),
        helped.contains(post.id()),
        post.hidden(),
        post.createdAt(),
        post.editedAt(),
        editableUntil,
        showBody ? attachments : List.of());
  }
}
