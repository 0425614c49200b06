package org.copconnector.plugin.discussion;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.copconnector.plugin.community.Anchor;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.discussion.DiscussionRequests.Quote;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.people.PeopleStore;

/**
 * Stores a post with the outbox messages that mirror it into the anchors' forums and notify the
 * members who asked for every post and those it mentions, in the caller's transaction.
 */
final class PostWriter {

  private final CommunityAccess access;
  private final PeopleStore people;
  private final Outbox outbox;
  private final Notifier notifier;
  private final DiscussionStore store;
  private final Mentions mentions;

  PostWriter(
      CommunityAccess access,
      PeopleStore people,
      Outbox outbox,
      Notifier notifier,
      DiscussionStore store) {
    this.access = access;
    this.people = people;
    this.outbox = outbox;
    this.notifier = notifier;
    this.store = store;
    this.mentions = new Mentions(access, people);
  }

  /**
   * Adds the post to the thread; a post imported from an anchor's forum is not mirrored back into
   * that forum.
   */
  Post add(
      Connection c,
      Community community,
      DiscussionThread thread,
      String parentId,
      String authorId,
      String authorName,
      String body,
      Quote quote,
      Post.Origin origin,
      Instant at,
      String importedFromAnchor)
      throws SQLException {
    Mentions.Checked checked = mentions.check(c, community.id(), body);
    int seq = store.nextSeq(c, thread.id(), at);
    Post post =
        new Post(
            UUID.randomUUID().toString(),
            thread.id(),
            seq,
            parentId,
            authorId,
            authorName,
            checked.html(),
            quote == null ? null : quote.postId(),
            quote == null ? null : quote.text(),
            origin,
            0,
            false,
            at,
            null);
    store.insertPost(c, post);
    if (authorId.equals(thread.authorId()) || origin == Post.Origin.HUB) {
      store.markRead(c, thread.id(), authorId, seq);
    }
    String authorLanguage = null;
    for (Anchor anchor : access.anchors(c, community.id())) {
      if (anchor.forumId() != null && !anchor.id().equals(importedFromAnchor)) {
        if (authorLanguage == null) {
          authorLanguage = people.languages().of(c, authorId);
        }
        ForumMirror.queue(c, outbox, post, anchor, community.name(), authorLanguage);
      }
    }
    // The mentioned hear of the post once, by its mention.
    List<String> members =
        access.activeMembers(c, community.id()).stream()
            .filter(member -> !checked.mentioned().contains(member))
            .toList();
    Map<String, NotificationChoice> choices = store.choices(c, community.id());
    notifier.queueEveryPost(c, community, thread, post, members, choices);
    notifier.queueMentions(c, community, thread, post, checked.mentioned(), choices);
    return post;
  }

  /**
   * Queues the carrying of a post's edit numbered {@code revision} to the forums its community's
   * anchors use, in the caller's transaction.
   */
  void edited(Connection c, String communityId, Post post, int revision) throws SQLException {
    edited(c, communityId, post, revision, null);
  }

  /**
   * As {@link #edited(Connection, String, Post, int)}, except into the forum of {@code
   * importedFromAnchor}, where the edit was made.
   */
  void edited(Connection c, String communityId, Post post, int revision, String importedFromAnchor)
      throws SQLException {
    String authorLanguage = null;
    for (Anchor anchor : access.anchors(c, communityId)) {
      if (anchor.forumId() != null && !anchor.id().equals(importedFromAnchor)) {
        if (authorLanguage == null) {
          authorLanguage = people.languages().of(c, post.authorId());
        }
        ForumEdits.queue(c, outbox, post, revision, anchor, authorLanguage);
      }
    }
  }
}
