package org.copconnector.connector.moodle.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.copconnector.connector.moodle.fake.FakeMoodleState.Discussion;
import org.copconnector.connector.moodle.fake.FakeMoodleState.Forum;
import org.copconnector.connector.moodle.fake.FakeMoodleState.Post;
import org.copconnector.connector.moodle.fake.FakeMoodleState.User;

/** Forums, discussions and posts, with the quirks of the captured site. */
final class ForumFunctions {

  private static final Set<String> DISCUSSION_OPTIONS =
      Set.of("discussionsubscribe", "discussionpinned", "inlineattachmentsid", "attachmentsid");
  private static final Set<String> UPDATE_OPTIONS =
      Set.of("pinned", "discussionsubscribe", "inlineattachmentsid", "attachmentsid");
  private static final Set<String> POST_OPTIONS =
      Set.of(
          "discussionsubscribe",
          "private",
          "inlineattachmentsid",
          "attachmentsid",
          "topreferredformat");

  private final FakeMoodleState state;

  ForumFunctions(FakeMoodleState state) {
    this.state = state;
  }

  void register(Map<String, FakeFunction> functions) {
    functions.put("mod_forum_get_forums_by_courses", this::forumsByCourses);
    functions.put("mod_forum_get_forum_discussions", this::discussions);
    functions.put("mod_forum_get_discussion_posts", this::discussionPosts);
    functions.put("mod_forum_add_discussion", this::addDiscussion);
    functions.put("mod_forum_add_discussion_post", this::addPost);
    functions.put("mod_forum_update_discussion_post", this::updatePost);
  }

  private JsonElement forumsByCourses(FormParams p) {
    p.allowOnly("courseids\\[\\d+\\]");
    List<Long> courseIds = p.integers("courseids");
    JsonArray forums = new JsonArray();
    // Without course ids Moodle lists the service user's own courses: it is enrolled in none here.
    for (Forum f : state.forums.values()) {
      // A course the service user may not enter is left out (with a warning Moodle adds), and so
      // is every forum whose discussions it may not view.
      if (courseIds.contains(f.courseId())
          && state.can("moodle/course:view")
          && state.can("mod/forum:viewdiscussion")) {
        JsonObject forum = Samples.firstOf("mod_forum_get_forums_by_courses");
        forum.addProperty("id", f.id());
        forum.addProperty("course", f.courseId());
        forum.addProperty("type", f.type());
        forum.addProperty("name", f.name());
        forum.addProperty("cmid", f.cmid());
        forum.addProperty("numdiscussions", state.discussionsOf(f.id()).size());
        forum.addProperty("cancreatediscussions", mayStart(f));
        forums.add(forum);
      }
    }
    return forums;
  }

  /** Moodle's forum_user_can_post_discussion for the service user, who is in no group. */
  private boolean mayStart(Forum f) {
    return "general".equals(f.type())
        && state.can("mod/forum:startdiscussion")
        && (f.groupMode() == 0 || state.can("moodle/site:accessallgroups"));
  }

  /** Moodle's forum_user_can_post for the service user, who is in no group. */
  private boolean mayReply(Forum f) {
    return state.can("mod/forum:replypost")
        && (f.groupMode() == 0 || state.can("moodle/site:accessallgroups"));
  }

  private void requireView(Forum f) {
    state.requireCourse(f.courseId());
    if (!state.can("mod/forum:viewdiscussion")) {
      throw FakeMoodleError.of(
          "core\\exception\\moodle_exception",
          "noviewdiscussionspermission",
          "You do not have the permission to view discussions in this forum");
    }
  }

  private long replyCount(Discussion d) {
    return state.postsOf(d.id()).size() - 1;
  }

  private JsonElement discussions(FormParams p) {
    p.allowOnly("forumid", "sortorder", "page", "perpage", "groupid");
    Forum forum = forum(p.integer("forumid"));
    requireView(forum);
    int sort = (int) FormParams.parseLong(p.string("sortorder", "-1"));
    int page = (int) FormParams.parseLong(p.string("page", "-1"));
    int perPage = (int) FormParams.parseLong(p.string("perpage", "0"));
    Long groupId = p.integerOrNull("groupid");
    Comparator<Discussion> order =
        switch (sort) {
          // Moodle 4.5's discussion_list::SORTORDER_* (-1 is its default, last post first).
          case -1, 1 -> Comparator.comparingLong(Discussion::modified).reversed();
          case 2 -> Comparator.comparingLong(Discussion::modified);
          case 3 -> Comparator.comparingLong(Discussion::created).reversed();
          case 4 -> Comparator.comparingLong(Discussion::created);
          case 5 -> Comparator.comparingLong(this::replyCount).reversed();
          case 6 -> Comparator.comparingLong(this::replyCount);
          default -> throw FakeMoodleError.invalidParameter();
        };
    List<Discussion> all =
        state.discussionsOf(forum.id()).stream()
            .filter(
                d -> groupId == null || groupId == 0 || d.groupId() == groupId || d.groupId() == -1)
            .sorted(
                Comparator.comparing(Discussion::pinned)
                    .reversed()
                    .thenComparing(order.thenComparing(Discussion::id, Comparator.reverseOrder())))
            .toList();
    if (page >= 0 && perPage > 0) {
      int from = Math.min(all.size(), page * perPage);
      all = all.subList(from, Math.min(all.size(), from + perPage));
    }
    JsonArray discussions = new JsonArray();
    for (Discussion d : all) {
      Post first = state.posts.get(d.firstPostId());
      User author = state.users.get(d.userId());
      JsonObject json = Samples.firstOf("mod_forum_get_forum_discussions_paged", "discussions");
      json.addProperty("id", first.id());
      json.addProperty("discussion", d.id());
      json.addProperty("name", d.subject());
      json.addProperty("subject", first.subject());
      json.addProperty("message", first.message());
      json.addProperty("groupid", d.groupId());
      json.addProperty("userid", d.userId());
      json.addProperty("usermodified", d.userId());
      json.addProperty("userfullname", author.fullname());
      json.addProperty("created", d.created());
      json.addProperty("modified", d.modified());
      json.addProperty("timemodified", d.modified());
      json.addProperty("numreplies", state.postsOf(d.id()).size() - 1);
      json.addProperty("pinned", d.pinned());
      json.addProperty("attachment", first.attachmentsId() != 0);
      json.addProperty("canreply", mayReply(forum));
      discussions.add(json);
    }
    JsonObject answer = new JsonObject();
    answer.add("discussions", discussions);
    answer.add("warnings", new JsonArray());
    return answer;
  }

  private JsonElement discussionPosts(FormParams p) {
    p.allowOnly("discussionid", "sortby", "sortdirection", "includeinlineattachments");
    Discussion discussion = state.discussions.get(p.integer("discussionid"));
    if (discussion == null) {
      throw FakeMoodleError.sample("error_discussion_not_found");
    }
    boolean descending = p.string("sortdirection", "DESC").equalsIgnoreCase("DESC");
    Comparator<Post> order = Comparator.comparingLong(Post::created).thenComparingLong(Post::id);
    JsonArray posts = new JsonArray();
    state.postsOf(discussion.id()).stream()
        .sorted(descending ? order.reversed() : order)
        .forEach(post -> posts.add(postJson(post)));
    JsonObject answer = Samples.json("mod_forum_get_discussion_posts").getAsJsonObject();
    answer.add("posts", posts);
    answer.addProperty("forumid", discussion.forumId());
    answer.addProperty("courseid", forum(discussion.forumId()).courseId());
    answer.add("warnings", new JsonArray());
    return answer;
  }

  private JsonElement addDiscussion(FormParams p) {
    p.allowOnly("forumid", "subject", "message", "groupid", "options\\[\\d+\\]\\[(name|value)\\]");
    Forum forum = forum(p.integer("forumid"));
    String subject = p.string("subject");
    String message = p.string("message");
    Map<String, String> options = options(p, DISCUSSION_OPTIONS);
    Long requestedGroup = p.integerOrNull("groupid");
    state.requireCourse(forum.courseId());
    if (!mayStart(forum)) {
      throw FakeMoodleError.of(
          "core\\exception\\moodle_exception",
          "cannotcreatediscussion",
          "Could not create new discussion");
    }
    // Quirks: a forum without group mode stores -1 whatever is passed; in group mode an absent
    // groupid stores 0, and a group of another course is accepted.
    long groupId = forum.groupMode() == 0 ? -1 : requestedGroup == null ? 0 : requestedGroup;
    // Without mod/forum:createattachment Moodle drops the attachment without a word.
    long attachments =
        state.can("mod/forum:createattachment")
            ? FormParams.parseLong(options.getOrDefault("attachmentsid", "0"))
            : 0;
    long discussionId =
        store(
            forum,
            groupId,
            state.serviceUserId,
            subject,
            message,
            FormParams.parseLong(options.getOrDefault("inlineattachmentsid", "0")),
            attachments,
            "1".equals(options.get("discussionpinned")));
    JsonObject answer = new JsonObject();
    answer.addProperty("discussionid", discussionId);
    answer.add("warnings", new JsonArray());
    return answer;
  }

  /** A discussion started by a person in Moodle's own pages. */
  long addDiscussionAs(long forumId, long groupId, long userId, String subject, String message) {
    Forum forum = forum(forumId);
    return store(
        forum, forum.groupMode() == 0 ? -1 : groupId, userId, subject, message, 0, 0, false);
  }

  private long store(
      Forum forum,
      long groupId,
      long userId,
      String subject,
      String message,
      long inline,
      long attachments,
      boolean pinned) {
    long now = state.now();
    long discussionId = state.nextId();
    long postId = state.nextId();
    state.posts.put(
        postId,
        new Post(
            postId,
            discussionId,
            null,
            subject,
            saveFiles(postId, userId, message, inline, attachments),
            userId,
            now,
            attachments));
    state.discussions.put(
        discussionId,
        new Discussion(
            discussionId, forum.id(), groupId, postId, subject, userId, now, now, pinned));
    return discussionId;
  }

  private JsonElement addPost(FormParams p) {
    p.allowOnly(
        "postid", "subject", "message", "messageformat", "options\\[\\d+\\]\\[(name|value)\\]");
    Post parent = state.posts.get(p.integer("postid"));
    if (parent == null) {
      throw FakeMoodleError.missingRecord("forum_posts");
    }
    Map<String, String> options = options(p, POST_OPTIONS);
    Forum forum = forum(state.discussions.get(parent.discussionId()).forumId());
    state.requireCourse(forum.courseId());
    if (!mayReply(forum)) {
      throw FakeMoodleError.of(
          "core\\exception\\moodle_exception",
          "nopostforum",
          "Sorry, you are not allowed to post to this forum");
    }
    // Without mod/forum:createattachment Moodle drops the attachment without a word.
    Post post =
        addReply(
            parent,
            p.string("subject"),
            p.string("message"),
            state.serviceUserId,
            FormParams.parseLong(options.getOrDefault("inlineattachmentsid", "0")),
            state.can("mod/forum:createattachment")
                ? FormParams.parseLong(options.getOrDefault("attachmentsid", "0"))
                : 0);
    JsonObject answer = Samples.json("mod_forum_add_discussion_post").getAsJsonObject();
    answer.addProperty("postid", post.id());
    answer.add("post", postJson(post));
    return answer;
  }

  /**
   * A reply, as the connector or a teacher writing in Moodle would add it; {@code inline} and
   * {@code attachmentsId} are draft areas (0 for none).
   */
  Post addReply(
      Post parent, String subject, String message, long userId, long inline, long attachmentsId) {
    long now = state.now();
    long id = state.nextId();
    Post post =
        new Post(
            id,
            parent.discussionId(),
            parent.id(),
            subject,
            saveFiles(id, userId, message, inline, attachmentsId),
            userId,
            now,
            attachmentsId);
    state.posts.put(post.id(), post);
    Discussion d = state.discussions.get(parent.discussionId());
    state.discussions.put(
        d.id(),
        new Discussion(
            d.id(),
            d.forumId(),
            d.groupId(),
            d.firstPostId(),
            d.subject(),
            d.userId(),
            d.created(),
            now,
            d.pinned()));
    return post;
  }

  /**
   * Moodle 4.5's update_discussion_post: the author within {@code maxeditingtime} (in a news forum,
   * a started discussion's first post at any time), or a holder of mod/forum:editanypost; an empty
   * subject keeps the subject, and a first post's subject is also its discussion's name. The
   * discussion's modified time stays (it tracks the latest post).
   */
  private JsonElement updatePost(FormParams p) {
    p.allowOnly(
        "postid", "subject", "message", "messageformat", "options\\[\\d+\\]\\[(name|value)\\]");
    long postId = p.integer("postid");
    String subject = p.string("subject", "");
    String message = p.string("message", "");
    Map<String, String> options = options(p, UPDATE_OPTIONS);
    Post post = state.posts.get(postId);
    if (post == null) {
      throw FakeMoodleError.sample("error_invalid_post_id");
    }
    Discussion d = state.discussions.get(post.discussionId());
    Forum forum = forum(d.forumId());
    state.requireCourse(forum.courseId());
    long now = state.now();
    boolean own = post.userId() == state.serviceUserId;
    boolean inTime =
        "news".equals(forum.type())
            ? post.parentId() == null
            : now - post.created() < state.maxEditingTime;
    boolean firstOfSingle = "single".equals(forum.type()) && post.parentId() == null;
    boolean may =
        firstOfSingle
            ? state.can("moodle/course:manageactivities")
            : own && inTime || state.can("mod/forum:editanypost");
    if (!may) {
      throw FakeMoodleError.sample("error_cannot_update_post");
    }
    long inline = FormParams.parseLong(options.getOrDefault("inlineattachmentsid", "0"));
    long attachments = FormParams.parseLong(options.getOrDefault("attachmentsid", "0"));
    editPost(post, subject, message, state.serviceUserId, inline, attachments);
    return Samples.json("mod_forum_update_discussion_post");
  }

  /**
   * Moodle's forum_update_post, as update_discussion_post or its edit form call it: the message and
   * (unless empty) the subject replaced; without a draft area (itemid IGNORE_FILE_MERGE) the post's
   * files stay, with one its "post" or "attachment" files become that area's (Moodle's
   * file_save_draft_area_files); the post's modified time moves, its discussion's stays.
   */
  void editPost(
      Post post, String subject, String message, long editorId, long inline, long attachments) {
    long postId = post.id();
    Discussion d = state.discussions.get(post.discussionId());
    long now = state.now();
    String text = message.isEmpty() ? post.message() : message;
    if (inline != 0) {
      state.postFiles.removeIf(f -> f.postId() == postId && f.area().equals("post"));
      text = saveFiles(postId, editorId, text, inline, 0);
    }
    if (attachments != 0) {
      state.postFiles.removeIf(f -> f.postId() == postId && f.area().equals("attachment"));
      copyDraft(attachments, postId, "attachment");
    }
    // Moodle also cleans the new message (HTML Purifier writes "&#61;" as "="): kept as sent here.
    String newSubject = subject.isEmpty() ? post.subject() : subject;
    state.posts.put(
        postId,
        new Post(
            postId,
            post.discussionId(),
            post.parentId(),
            newSubject,
            text,
            post.userId(),
            post.created(),
            attachments != 0 ? attachments : post.attachmentsId()));
    state.postModified.put(postId, now);
    if (post.parentId() == null) {
      state.discussions.put(
          d.id(),
          new Discussion(
              d.id(),
              d.forumId(),
              d.groupId(),
              d.firstPostId(),
              newSubject,
              d.userId(),
              d.created(),
              d.modified(),
              d.pinned()));
    }
  }

  /**
   * Moodle's forum_add_new_post: the inline draft area's files become the post's "post" files and
   * the message's draftfile.php addresses of that area become {@code @@PLUGINFILE@@}
   * (file_rewrite_urls_to_pluginfile); the attachments area's files become its "attachment" files.
   * Returns the message as stored.
   */
  private String saveFiles(
      long postId, long userId, String message, long inline, long attachments) {
    copyDraft(inline, postId, "post");
    copyDraft(attachments, postId, "attachment");
    if (inline == 0) {
      return message;
    }
    String draft =
        state.baseUrl
            + "/draftfile.php/"
            + state.userContextOf(userId)
            + "/user/draft/"
            + inline
            + "/";
    return message.replace(draft, "@@PLUGINFILE@@/");
  }

  private void copyDraft(long itemId, long postId, String area) {
    if (itemId == 0) {
      return;
    }
    for (FakeMoodleState.DraftFile f : state.draftFiles) {
      if (f.itemId() == itemId) {
        state.postFiles.add(new FakeMoodleState.PostFile(postId, area, f.filename(), f.content()));
      }
    }
  }

  private static Map<String, String> options(FormParams p, Set<String> allowed) {
    Map<String, String> options = p.options("options");
    for (String name : options.keySet()) {
      if (!allowed.contains(name)) {
        throw FakeMoodleError.of(
            "core\\exception\\moodle_exception",
            "errorinvalidparam",
            "The param \"" + name + "\" is invalid.");
      }
    }
    return options;
  }

  private JsonObject postJson(Post post) {
    User author = state.users.get(post.userId());
    Forum forum = forum(state.discussions.get(post.discussionId()).forumId());
    long context = state.contextOf(forum);
    JsonObject json = Samples.firstOf("mod_forum_get_discussion_posts", "posts");
    // Moodle gives the message's files at web-service addresses (external util::format_text), and
    // each attachment at a plain pluginfile.php address (stored_file_exporter).
    String message =
        post.message()
            .replace(
                "@@PLUGINFILE@@/",
                state.baseUrl
                    + "/webservice/pluginfile.php/"
                    + context
                    + "/mod_forum/post/"
                    + post.id()
                    + "/");
    JsonArray attachments = new JsonArray();
    for (FakeMoodleState.PostFile f : state.filesOf(post.id(), "attachment")) {
      JsonObject file =
          Samples.firstOf("mod_forum_get_discussion_posts_with_attachment", "posts")
              .getAsJsonArray("attachments")
              .get(0)
              .getAsJsonObject();
      file.addProperty("contextid", context);
      file.addProperty("itemid", post.id());
      file.addProperty("filename", f.filename());
      file.addProperty("filenameshort", f.filename());
      file.addProperty("filesize", f.content().length);
      file.addProperty(
          "url",
          state.baseUrl
              + "/pluginfile.php/"
              + context
              + "/mod_forum/attachment/"
              + post.id()
              + "/"
              + FakeMoodle.pathSegment(f.filename())
              + "?forcedownload=1");
      attachments.add(file);
    }
    json.addProperty("id", post.id());
    json.addProperty("subject", post.subject());
    json.addProperty(
        "replysubject",
        post.subject().startsWith("Re: ") ? post.subject() : "Re: " + post.subject());
    json.addProperty("message", message);
    json.add("attachments", attachments);
    json.addProperty("discussionid", post.discussionId());
    json.addProperty("hasparent", post.parentId() != null);
    if (post.parentId() == null) {
      json.add("parentid", JsonNull.INSTANCE);
    } else {
      json.addProperty("parentid", post.parentId());
    }
    json.addProperty("timecreated", post.created());
    json.addProperty("timemodified", state.postModified.getOrDefault(post.id(), post.created()));
    JsonObject authorJson = json.getAsJsonObject("author");
    authorJson.addProperty("id", author.id());
    authorJson.addProperty("fullname", author.fullname());
    return json;
  }

  private Forum forum(long id) {
    Forum forum = state.forums.get(id);
    if (forum == null) {
      throw FakeMoodleError.sample("error_forum_not_found");
    }
    return forum;
  }
}
