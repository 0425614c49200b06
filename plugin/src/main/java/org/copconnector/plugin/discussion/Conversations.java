package org.copconnector.plugin.discussion;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.community.CommunityAccess.Access;
import org.copconnector.plugin.discussion.DiscussionViews.AcceptedAnswer;
import org.copconnector.plugin.discussion.DiscussionViews.Placement;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Following a conversation, in the caller's transaction: what a reader had read, following and
 * muting a thread, and the reply marked as a thread's accepted answer.
 */
final class Conversations {

  /** What a page of a thread shows its reader besides the posts. */
  record Reading(int seenBefore, ThreadFollow follow, String acceptedPostId, boolean canAccept) {}

  private final DiscussionStore discussions;
  private final ConversationStore store = new ConversationStore();

  Conversations(DiscussionStore discussions) {
    this.discussions = discussions;
  }

  /**
   * How many posts the reader had seen before this page (all of them for a reader who is no member:
   * only members' reads are kept).
   */
  int seenBefore(Connection c, Access caller, DiscussionThread thread, String reader)
      throws SQLException {
    return caller.member() ? store.seen(c, thread.id(), reader) : thread.postCount();
  }

  /** The page's posts as a conversation (see {@link ThreadTree}). */
  List<Placement> tree(Connection c, String threadId, List<Post> posts, int postsPerPage)
      throws SQLException {
    return new ThreadTree(store.skeleton(c, threadId), postsPerPage).page(posts);
  }

  Reading reading(
      Connection c, Access caller, DiscussionThread thread, String reader, int seenBefore)
      throws SQLException {
    ThreadFollow follow = null;
    if (caller.member()) {
      NotificationChoice choice =
          discussions.choice(c, thread.communityId(), reader).orElse(NotificationChoice.DEFAULT);
      follow = store.followers(c, thread.id()).of(reader, choice);
    }
    return new Reading(
        seenBefore,
        follow,
        store.accepted(c, thread.id()).orElse(null),
        mayAccept(caller, thread, reader));
  }

  /** A member chooses how they hear about the thread. */
  ThreadFollow follow(
      Connection c,
      Access caller,
      DiscussionThread thread,
      String member,
      ThreadFollow state,
      Instant at)
      throws SQLException {
    if (state == null) {
      throw ApiException.invalid(
          Reason.FOLLOW_INVALID,
          "state",
          "state is following, normal or muted",
          Map.of("allowed", "following, normal, muted"));
    }
    if (!caller.member()) {
      throw new ApiException(
          Reason.MEMBERS_ONLY_NOTIFICATIONS, "only members choose how they hear about new posts");
    }
    store.setFollow(c, thread.id(), member, state, at);
    return state;
  }

  /**
   * Marks a reply as the thread's accepted answer, in place of any other (a thread has one), or
   * takes the mark off it: the thread's author and the community's facilitators only.
   */
  AcceptedAnswer accept(
      Connection c,
      Access caller,
      DiscussionThread thread,
      Post post,
      String by,
      boolean accepted,
      Instant at)
      throws SQLException {
    if (caller.community().archived()) {
      throw new ApiException(Reason.COMMUNITY_ARCHIVED, "this community is archived");
    }
    if (!mayAccept(caller, thread, by)) {
      throw new ApiException(
          Reason.ACCEPT_AUTHOR_OR_FACILITATORS,
          "only the thread's author or a facilitator marks its accepted answer");
    }
    if (post.first()) {
      throw ApiException.invalid(
          Reason.ACCEPTED_IS_FOR_REPLIES, "postId", "an accepted answer is a reply");
    }
    if (accepted) {
      if (post.hidden()) {
        throw ApiException.invalid(
            Reason.ACCEPTED_POST_HIDDEN, "postId", "a hidden post cannot be the answer");
      }
      store.accept(c, thread.id(), post.id(), by, at);
    } else {
      store.unaccept(c, post.id());
    }
    return new AcceptedAnswer(thread.id(), store.accepted(c, thread.id()).orElse(null));
  }

  /** A hidden post is no longer its thread's answer. */
  void hidden(Connection c, String postId) throws SQLException {
    store.unaccept(c, postId);
  }

  /** Members who muted the thread: no reminder of it reaches them either. */
  List<String> muted(Connection c, String threadId) throws SQLException {
    return store.muted(c, threadId);
  }

  /** Remembers that the person looked at the community's discussions. */
  void visited(Connection c, String communityId, String person, Instant at) throws SQLException {
    store.visit(c, communityId, person, at);
  }

  private static boolean mayAccept(Access caller, DiscussionThread thread, String person) {
    if (caller.community().archived()) {
      return false;
    }
    return caller.canModerate() || caller.member() && thread.authorId().equals(person);
  }
}
