package org.copconnector.connector.moodle;

import com.google.gson.reflect.TypeToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Forums, discussions and posts: {@code mod_forum_*}. */
public final class ForumApi {

  /** A forum; its group mode is not here but on the course module ({@link CourseApi#contents}). */
  public record Forum(
      long id,
      long course,
      String type,
      String name,
      long cmid,
      int numdiscussions,
      boolean cancreatediscussions) {}

  /**
   * A discussion as listed: {@code discussion} is the discussion id, {@code id} its first post's id
   * (the parent for replies); {@code groupid} -1 means all participants; {@code canreply} says
   * whether the token's user may reply in it.
   */
  public record Discussion(
      long id,
      long discussion,
      String name,
      long groupid,
      long userid,
      String userfullname,
      String subject,
      String message,
      long created,
      long modified,
      long timemodified,
      int numreplies,
      boolean pinned,
      boolean canreply) {}

  /** One page of discussions. */
  public record DiscussionPage(List<Discussion> discussions, List<MoodleWarning> warnings) {}

  /** A post's author. */
  public record Author(long id, String fullname) {}

  /**
   * A post; {@code parentid} is null for the first post. Its pictures are in {@code message} at
   * pluginfile.php addresses (Moodle rewrites its {@code @@PLUGINFILE@@} for the caller).
   */
  public record Post(
      long id,
      long discussionid,
      Long parentid,
      boolean hasparent,
      String subject,
      String message,
      Author author,
      long timecreated,
      long timemodified,
      List<Attachment> attachments) {}

  /** A file attached to a post; {@code url} is a pluginfile.php address (token not included). */
  public record Attachment(String filename, String url, long filesize) {}

  /** Answer of {@code mod_forum_get_discussion_posts}. */
  public record Posts(List<Post> posts, List<MoodleWarning> warnings) {}

  /**
   * Options of a new discussion; nulls are not sent. {@code attachmentsId} and {@code
   * inlineAttachmentsId} are draft areas: the files listed under the post, and those its message
   * shows through {@code @@PLUGINFILE@@/name}.
   */
  public record DiscussionOptions(
      Boolean subscribe, Boolean pinned, Long attachmentsId, Long inlineAttachmentsId) {

    public DiscussionOptions(Boolean subscribe, Boolean pinned, Long attachmentsId) {
      this(subscribe, pinned, attachmentsId, null);
    }

    public static DiscussionOptions none() {
      return new DiscussionOptions(null, null, null, null);
    }
  }

  /**
   * A discussion to start; {@code groupId} null leaves the group to Moodle (see the README's
   * quirks).
   */
  public record NewDiscussion(
      long forumId, String subject, String message, Long groupId, DiscussionOptions options) {}

  /** Answer of {@code mod_forum_add_discussion}. */
  public record AddedDiscussion(long discussionid, List<MoodleWarning> warnings) {}

  /** Answer of {@code mod_forum_add_discussion_post}. */
  public record AddedPost(long postid, List<MoodleWarning> warnings) {}

  /** Answer of {@code mod_forum_update_discussion_post}: false when Moodle could not save it. */
  public record UpdatedPost(boolean status, List<MoodleWarning> warnings) {}

  /**
   * The orders {@code mod_forum_get_forum_discussions} accepts: Moodle 4.5's {@code
   * discussion_list::SORTORDER_*} constants (-1, its default, is the same as 1).
   */
  public enum SortOrder {
    LAST_POST_DESC(1),
    LAST_POST_ASC(2),
    CREATED_DESC(3),
    CREATED_ASC(4),
    REPLIES_DESC(5),
    REPLIES_ASC(6);

    private final int wire;

    SortOrder(int wire) {
      this.wire = wire;
    }
  }

  private final MoodleClient client;

  public ForumApi(MoodleClient client) {
    this.client = client;
  }

  /**
   * Forums of the given courses (pass ids: without them Moodle lists only the service user's own
   * courses).
   */
  public List<Forum> forumsByCourses(List<Long> courseIds) {
    List<Forum> forums = new ArrayList<>();
    for (List<Long> batch : client.batches(courseIds, 1, 0)) {
      List<Forum> answer =
          client.read(
              "mod_forum_get_forums_by_courses",
              MoodleParams.of().put("courseids", batch),
              new TypeToken<List<Forum>>() {}.getType());
      forums.addAll(answer);
    }
    return forums;
  }

  /** One page of a forum's discussions; {@code groupId} null means all the caller may see. */
  public DiscussionPage discussions(
      long forumId, SortOrder order, int page, int perPage, Long groupId) {
    return client.read(
        "mod_forum_get_forum_discussions",
        MoodleParams.of()
            .put("forumid", forumId)
            .put("sortorder", order.wire)
            .put("page", page)
            .put("perpage", perPage)
            .put("groupid", groupId),
        DiscussionPage.class);
  }

  public Posts discussionPosts(long discussionId) {
    return client.read(
        "mod_forum_get_discussion_posts",
        MoodleParams.of()
            .put("discussionid", discussionId)
            .put("sortby", "created")
            .put("sortdirection", "ASC"),
        Posts.class);
  }

  public AddedDiscussion addDiscussion(NewDiscussion discussion) {
    DiscussionOptions o =
        discussion.options() == null ? DiscussionOptions.none() : discussion.options();
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("discussionsubscribe", o.subscribe());
    options.put("discussionpinned", o.pinned());
    options.put("attachmentsid", o.attachmentsId());
    options.put("inlineattachmentsid", o.inlineAttachmentsId());
    return client.write(
        "mod_forum_add_discussion",
        MoodleParams.of()
            .put("forumid", discussion.forumId())
            .put("subject", discussion.subject())
            .put("message", discussion.message())
            .put("groupid", discussion.groupId())
            .options("options", options),
        AddedDiscussion.class);
  }

  /** Replies to a post (the parent post id, not the discussion id). */
  public AddedPost addDiscussionPost(
      long parentPostId, String subject, String message, Long attachmentsId) {
    return addDiscussionPost(parentPostId, subject, message, attachmentsId, null);
  }

  /**
   * Replies with files: {@code attachmentsId} listed under the post, {@code inlineAttachmentsId}
   * shown in its message (draft areas, null for none).
   */
  public AddedPost addDiscussionPost(
      long parentPostId,
      String subject,
      String message,
      Long attachmentsId,
      Long inlineAttachmentsId) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("discussionsubscribe", false);
    options.put("attachmentsid", attachmentsId);
    options.put("inlineattachmentsid", inlineAttachmentsId);
    return client.write(
        "mod_forum_add_discussion_post",
        MoodleParams.of()
            .put("postid", parentPostId)
            .put("subject", subject)
            .put("message", message)
            .options("options", options),
        AddedPost.class);
  }

  /**
   * Rewrites a post (a discussion's first post too, whose subject is the discussion's name): its
   * message as HTML, and its subject unless {@code subject} is empty. Moodle lets the author do it
   * within its editing time ({@code $CFG->maxeditingtime}, 30 minutes by default) and holders of
   * {@code mod/forum:editanypost} at any time; anyone else gets {@code cannotupdatepost}.
   */
  public UpdatedPost updateDiscussionPost(long postId, String subject, String message) {
    return updateDiscussionPost(postId, subject, message, null);
  }

  /**
   * As {@link #updateDiscussionPost(long, String, String)}, with the pictures of the new message in
   * the draft area {@code inlineAttachmentsId} (null: the post's files stay): Moodle replaces the
   * post's inline files with that area's, and its {@code @@PLUGINFILE@@} addresses show them.
   */
  public UpdatedPost updateDiscussionPost(
      long postId, String subject, String message, Long inlineAttachmentsId) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("inlineattachmentsid", inlineAttachmentsId);
    // Moodle 4.5 checks these parameters against add_discussion_post's, where the subject and
    // the message are required.
    return client.write(
        "mod_forum_update_discussion_post",
        MoodleParams.of()
            .put("postid", postId)
            .put("subject", subject == null ? "" : subject)
            .put("message", message)
            .put("messageformat", 1)
            .options("options", options),
        UpdatedPost.class);
  }
}
