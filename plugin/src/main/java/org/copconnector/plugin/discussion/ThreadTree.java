package org.copconnector.plugin.discussion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.copconnector.plugin.discussion.ConversationStore.Skeleton;
import org.copconnector.plugin.discussion.DiscussionViews.Placement;
import org.copconnector.plugin.discussion.DiscussionViews.ReplyTo;

/**
 * A page of a thread drawn as a conversation. Replies to the opening post start the conversations;
 * a reply to one of them sits one level in, and a reply to that another; deeper replies stay on
 * that second level, in order, naming the post they answer. Pages stay chronological (posts in the
 * order they were written, as the read marks count them): a reply whose conversation began on an
 * earlier page starts this page's part of it, naming the post it answers there.
 */
final class ThreadTree {

  static final int DEEPEST = 2;

  private final Map<String, Skeleton> byId = new HashMap<>();
  private final Map<String, Integer> levels = new HashMap<>();
  private final Map<String, String> parents = new HashMap<>();
  private final Map<String, String> anchors = new HashMap<>();
  private final int postsPerPage;

  /** The whole thread in order (as {@link ConversationStore#skeleton} reads it). */
  ThreadTree(List<Skeleton> thread, int postsPerPage) {
    this.postsPerPage = postsPerPage;
    for (Skeleton post : thread) {
      byId.put(post.id(), post);
      Skeleton parent = post.parentId() == null ? null : byId.get(post.parentId());
      // Only an earlier post of the same thread can be answered: nothing else can loop.
      if (parent == null || parent.seq() >= post.seq() || parent.seq() == 1) {
        levels.put(post.id(), 0);
        continue;
      }
      int parentLevel = levels.get(parent.id());
      int level = Math.min(parentLevel + 1, DEEPEST);
      levels.put(post.id(), level);
      parents.put(post.id(), parent.id());
      // Drawn under the post it answers, or, below the deepest level, under that post's own.
      anchors.put(post.id(), parentLevel == DEEPEST ? anchors.get(parent.id()) : parent.id());
    }
  }

  /**
   * The posts of one page in drawing order, with their level and, where needed, what they answer.
   */
  List<Placement> page(List<Post> posts) {
    Set<String> onPage = new LinkedHashSet<>();
    posts.forEach(p -> onPage.add(p.id()));
    Map<String, List<String>> under = new HashMap<>();
    List<String> roots = new ArrayList<>();
    for (String id : onPage) {
      String anchor = anchors.get(id);
      if (anchor == null || !onPage.contains(anchor)) {
        roots.add(id);
      } else {
        under.computeIfAbsent(anchor, a -> new ArrayList<>()).add(id);
      }
    }
    List<Placement> drawn = new ArrayList<>();
    for (String root : roots) {
      draw(root, null, 0, under, drawn);
    }
    return drawn;
  }

  private void draw(
      String id,
      String drawnUnder,
      int level,
      Map<String, List<String>> under,
      List<Placement> out) {
    String parent = parents.get(id);
    ReplyTo replyTo =
        parent == null || parent.equals(drawnUnder)
            ? null
            : new ReplyTo(
                parent, byId.get(parent).authorName(), (byId.get(parent).seq() - 1) / postsPerPage);
    out.add(new Placement(id, level, replyTo));
    for (String child : under.getOrDefault(id, List.of())) {
      draw(child, id, Math.min(level + 1, DEEPEST), under, out);
    }
  }
}
