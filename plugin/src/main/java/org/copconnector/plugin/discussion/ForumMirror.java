package org.copconnector.plugin.discussion;

import com.google.gson.Gson;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Anchor;
import org.copconnector.plugin.community.GroupMirror;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.LmsMappings;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxHandler;
import org.copconnector.plugin.store.Transaction;

/**
 * Mirrors threads and replies into the anchors' Moodle forums: a thread becomes a discussion in the
 * community's group, a reply a post under its parent, written by the service account with the
 * author's name (in the author's language, as they wrote the post) and a reference in the text,
 * with its pictures and attachments. The reference lets a delivery whose answer was lost find what
 * it had made (so nothing is posted twice), and lets the import recognise our own posts.
 */
public final class ForumMirror {

  /** Kind of the message that starts a thread's discussion in one anchor's forum. */
  public static final String DISCUSSION = "forum.add-discussion";

  /** Kind of the message that adds a reply to that discussion. */
  public static final String REPLY = "forum.add-post";

  /** Mapping of {@code threadId@anchorId} to the Moodle discussion id. */
  static final String THREAD_MAPPING = "thread-discussion";

  /** Mapping of {@code postId@anchorId} to the Moodle post id. */
  static final String POST_MAPPING = "post-moodle";

  /** Text every mirrored post carries before its reference. */
  public static final String REFERENCE_PREFIX = "ref cop-";

  /**
   * Mapping of {@code resourceId:vN@anchorId} to the Moodle discussion a shared resource started;
   * the import leaves those discussions alone.
   */
  public static final String RESOURCE_MAPPING = "resource-discussion";

  /** What one message mirrors, and where; {@code language} is the author's (null: English). */
  record Target(
      String threadId,
      String postId,
      String anchorId,
      String courseId,
      String forumId,
      String communityName,
      String language) {}

  private static final Gson GSON = Json.lenient();

  private final DataSource dataSource;
  private final Lms lms;
  private final LmsMappings mappings;
  private final GroupMirror groups;
  private final ForumFiles files;
  private final DiscussionStore store = new DiscussionStore();

  public ForumMirror(
      DataSource dataSource,
      Lms lms,
      LmsMappings mappings,
      GroupMirror groups,
      PostFiles postFiles) {
    this.dataSource = dataSource;
    this.lms = lms;
    this.mappings = mappings;
    this.groups = groups;
    this.files = new ForumFiles(dataSource, postFiles);
  }

  /** The reference written into the mirrored copy of a post. */
  public static String reference(String postId) {
    return REFERENCE_PREFIX + postId.replace("-", "").substring(0, 12);
  }

  static String key(String localId, String anchorId) {
    return localId + "@" + anchorId;
  }

  /**
   * Queues the mirroring of a post (a thread's first post starts a discussion) into one anchor's
   * forum, in the caller's transaction; posts of one thread and anchor go out in order.
   */
  static void queue(
      Connection c,
      Outbox outbox,
      Post post,
      Anchor anchor,
      String communityName,
      String authorLanguage)
      throws SQLException {
    Target target =
        new Target(
            post.threadId(),
            post.id(),
            anchor.id(),
            anchor.courseId(),
            anchor.forumId(),
            communityName,
            authorLanguage);
    outbox.enqueue(
        c,
        post.first() ? DISCUSSION : REPLY,
        "forum:" + key(post.id(), anchor.id()),
        "forum:" + key(post.threadId(), anchor.id()),
        GSON.toJson(target));
  }

  public OutboxHandler discussions() {
    return handler(DISCUSSION);
  }

  public OutboxHandler replies() {
    return handler(REPLY);
  }

  private OutboxHandler handler(String kind) {
    return OutboxHandler.of(
        kind,
        message -> {
          Target target = GSON.fromJson(message.payload(), Target.class);
          DeliveryFailure.translating(
              () -> {
                if (kind.equals(DISCUSSION)) {
                  startDiscussion(target, message.triedBefore());
                } else {
                  reply(target, message.triedBefore());
                }
              });
        });
  }

  private void startDiscussion(Target target, boolean triedBefore) throws DeliveryFailure {
    String threadKey = key(target.threadId(), target.anchorId());
    if (mappings.find(THREAD_MAPPING, threadKey).isPresent()) {
      return;
    }
    int revision = revisions(target.postId());
    Post post = post(target.postId());
    DiscussionThread thread = read(c -> store.thread(c, target.threadId())).orElseThrow();
    String group = groups.groupFor(target.anchorId(), target.courseId(), target.communityName());
    String reference = reference(post.id());
    Optional<Lms.PostedDiscussion> made =
        triedBefore ? lms.findDiscussion(target.forumId(), group, reference) : Optional.empty();
    // Files are staged only when the post is to be made: after a lost answer it was found above.
    Lms.PostedDiscussion discussion =
        made.orElseGet(
            () -> {
              ForumFiles.Staged staged =
                  files.stage(
                      lms, post.id(), html(post, reference, Translations.in(target.language())));
              return lms.startDiscussion(
                  new Lms.NewDiscussion(
                      target.courseId(),
                      target.forumId(),
                      group,
                      thread.title(),
                      staged.html(),
                      staged.attachmentsAreaId(),
                      staged.inlineAreaId()));
            });
    String postKey = key(post.id(), target.anchorId());
    mappings.put(POST_MAPPING, postKey, discussion.firstPostId());
    mappings.put(THREAD_MAPPING, threadKey, discussion.discussionId());
    if (made.isEmpty()) {
      ForumEdits.recordCarried(mappings, postKey, revision, discussion.firstPostId());
    }
  }

  private void reply(Target target, boolean triedBefore) throws DeliveryFailure {
    String postKey = key(target.postId(), target.anchorId());
    if (mappings.find(POST_MAPPING, postKey).isPresent()) {
      return; // already there, or imported from this very forum
    }
    String discussion =
        mappings
            .find(THREAD_MAPPING, key(target.threadId(), target.anchorId()))
            .orElseThrow(
                () ->
                    DeliveryFailure.missing(
                        "the thread's discussion was never made in forum " + target.forumId()));
    int revision = revisions(target.postId());
    Post post = post(target.postId());
    String parent =
        parentInMoodle(post, target.anchorId())
            .orElseThrow(
                () ->
                    DeliveryFailure.missing(
                        "the thread's first post is not in forum " + target.forumId()));
    DiscussionThread thread = read(c -> store.thread(c, target.threadId())).orElseThrow();
    String reference = reference(post.id());
    Optional<String> made = triedBefore ? lms.findPost(discussion, reference) : Optional.empty();
    Translations t = Translations.in(target.language());
    String moodlePost =
        made.orElseGet(
            () -> {
              ForumFiles.Staged staged = files.stage(lms, post.id(), html(post, reference, t));
              return lms.reply(
                  parent,
                  t.text("moodle.forum.replySubject", Map.of("title", thread.title())),
                  staged.html(),
                  staged.attachmentsAreaId(),
                  staged.inlineAreaId());
            });
    mappings.put(POST_MAPPING, postKey, moodlePost);
    if (made.isEmpty()) {
      ForumEdits.recordCarried(mappings, postKey, revision, moodlePost);
    }
  }

  /**
   * How many times the post was edited, read before its text (which is then of that revision or a
   * later one): the edits its copy will not need.
   */
  private int revisions(String postId) {
    return read(c -> store.revisions(c, postId).size());
  }

  /** The Moodle post answered: the local parent's copy there, or the discussion's first post. */
  private Optional<String> parentInMoodle(Post post, String anchorId) {
    if (post.parentId() != null) {
      Optional<String> parent = mappings.find(POST_MAPPING, key(post.parentId(), anchorId));
      if (parent.isPresent()) {
        return parent;
      }
    }
    Post first =
        read(c -> store.posts(c, post.threadId(), 1, 1)).stream().findFirst().orElseThrow();
    return mappings.find(POST_MAPPING, key(first.id(), anchorId));
  }

  private Post post(String id) throws DeliveryFailure {
    return read(c -> store.post(c, id))
        .orElseThrow(() -> DeliveryFailure.missing("post " + id + " no longer exists"));
  }

  /**
   * The post as Moodle shows it: the quote, the body (mentions as plain names), then who wrote it
   * and the reference.
   */
  static String html(Post post, String reference, Translations t) {
    StringBuilder html = new StringBuilder();
    if (post.quoteText() != null) {
      // One paragraph per quoted line, as the quoted post had them.
      html.append("<blockquote>");
      post.quoteText()
          .lines()
          .forEach(line -> html.append("<p>").append(SafeHtml.escape(line)).append("</p>"));
      html.append("</blockquote>");
    }
    // A mention is a link in the hub, plain "@Name" in Moodle.
    html.append(Mentions.plain(post.body())).append(signature(post, reference, t));
    return html.toString();
  }

  /** Who wrote the post, and the reference that makes its copy known. */
  static String signature(Post post, String reference, Translations t) {
    return "<p><small>"
        + SafeHtml.escape(t.text("moodle.forum.attribution", Map.of("name", post.authorName())))
        + " · "
        + reference
        + "</small></p>";
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "forum mirror read", work);
  }
}
