package org.copconnector.plugin.discussion;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.copconnector.plugin.discussion.DiscussionViews.Attachment;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Which sent files a post takes, in the caller's transaction: the pictures its text shows and the
 * files attached to it, each of the post's community and sent by its author (a picture already in
 * another post of the community may be shown again).
 */
final class PostAttachments {

  /** Files attached to one post. */
  static final int MAX_ATTACHMENTS = 5;

  /** Pictures shown in one post's text. */
  static final int MAX_PICTURES = 20;

  private final PostFileStore store;

  PostAttachments(PostFileStore store) {
    this.store = store;
  }

  /**
   * The (sanitised) body without the pictures its author may not show there: unknown ones, another
   * community's, and those someone else sent for a post not yet written.
   */
  String pictures(Connection c, String communityId, String authorId, String body)
      throws SQLException {
    Set<String> ids = pictureIds(body);
    if (ids.size() > MAX_PICTURES) {
      throw ApiException.invalid(
          Reason.TOO_MANY_PICTURES,
          "body",
          "a post shows at most " + MAX_PICTURES + " pictures",
          Map.of("max", MAX_PICTURES));
    }
    Map<String, PostFile> files = store.byIds(c, ids);
    String shown = body;
    for (String id : ids) {
      PostFile file = files.get(id);
      boolean allowed =
          file != null
              && file.picture()
              && file.communityId().equals(communityId)
              && (file.postId() != null || file.uploadedBy().equals(authorId));
      if (!allowed) {
        shown =
            Pattern.compile("<img\\b[^>]*src=\"" + Pattern.quote(PostFile.PATH + id) + "\"[^>]*>")
                .matcher(shown)
                .replaceAll("");
      }
    }
    return shown;
  }

  /**
   * The attachments a new post names, checked: at most {@link #MAX_ATTACHMENTS}, each sent by its
   * author for this community and not yet part of a post.
   */
  List<String> attachments(Connection c, String communityId, String authorId, List<String> ids)
      throws SQLException {
    List<String> named = ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    if (named.size() > MAX_ATTACHMENTS) {
      throw ApiException.invalid(
          Reason.TOO_MANY_ATTACHMENTS,
          "attachments",
          "a post has at most " + MAX_ATTACHMENTS + " attached files",
          Map.of("max", MAX_ATTACHMENTS));
    }
    Map<String, PostFile> files = store.byIds(c, named);
    for (String id : named) {
      PostFile file = files.get(id);
      if (file == null
          || file.picture()
          || file.postId() != null
          || !file.communityId().equals(communityId)
          || !file.uploadedBy().equals(authorId)) {
        throw ApiException.invalid(
            Reason.ATTACHMENT_NOT_FOUND,
            "attachments",
            "no file of yours waiting to be attached here has the id " + id);
      }
    }
    return named;
  }

  /** Replaces the attachments of a post with {@code attachments} (an edit made in the LMS). */
  void replaceAttachments(Connection c, String postId, List<String> attachments)
      throws SQLException {
    store.unbindAttachments(c, postId);
    store.bind(c, attachments, postId);
  }

  /** Gives the post the pictures of its body sent for it, and its checked attachments. */
  void bind(Connection c, String postId, String body, List<String> attachments)
      throws SQLException {
    List<String> ids = new ArrayList<>(pictureIds(body));
    ids.addAll(attachments);
    store.bind(c, ids, postId);
  }

  /** The attachments of each post, as shown under it. */
  Map<String, List<Attachment>> of(Connection c, List<Post> posts) throws SQLException {
    Map<String, List<Attachment>> views = new java.util.HashMap<>();
    store
        .attachmentsOf(c, posts.stream().map(Post::id).toList())
        .forEach(
            (post, files) ->
                views.put(
                    post,
                    files.stream()
                        .map(
                            f ->
                                new Attachment(
                                    f.id(),
                                    f.fileName(),
                                    f.mediaType(),
                                    f.size(),
                                    f.url(),
                                    f.resourceId()))
                        .toList()));
    return views;
  }

  /** The ids of our pictures a body shows, in order. */
  static Set<String> pictureIds(String body) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = PostFile.PICTURE_SRC.matcher(body);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }
}
