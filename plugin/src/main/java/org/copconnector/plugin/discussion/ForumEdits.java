package org.copconnector.plugin.discussion;

import com.google.gson.Gson;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Anchor;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.LmsMappings;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxHandler;
import org.copconnector.plugin.store.Transaction;

/**
 * Carries the edits of hub posts to their copies in the anchors' Moodle forums. An edit queues one
 * message per forum, in the order of the thread's other messages there (so after the post's own
 * copy); a message sends the post's text as it is when delivered, so of several edits made before
 * delivery only the last goes out, once, and sending again after a lost answer rewrites the same
 * text. Where Moodle keeps the post as it is (its editing time is over, or the service account may
 * not edit it), a short reply marked as a correction carries the new text instead.
 */
public final class ForumEdits {

  /** Kind of the message that carries an edit to one anchor's forum. */
  public static final String EDIT = "forum.edit-post";

  /**
   * Mapping of {@code postId@anchorId#revision} to the Moodle post carrying that revision (the copy
   * itself, or a correction under it).
   */
  static final String REVISION_MAPPING = "post-revision";

  /** One edit to carry; {@code revision} counts the post's edits, {@code language} the author's. */
  record Target(String threadId, String postId, String anchorId, int revision, String language) {}

  private static final Gson GSON = Json.lenient();

  private final DataSource dataSource;
  private final Lms lms;
  private final LmsMappings mappings;
  private final DiscussionStore store = new DiscussionStore();
  private final ForumFiles files;

  public ForumEdits(DataSource dataSource, Lms lms, LmsMappings mappings, PostFiles postFiles) {
    this.dataSource = dataSource;
    this.lms = lms;
    this.mappings = mappings;
    this.files = new ForumFiles(dataSource, postFiles);
  }

  /** Queues the edit numbered {@code revision} of a post for one anchor's forum. */
  static void queue(
      Connection c, Outbox outbox, Post post, int revision, Anchor anchor, String authorLanguage)
      throws SQLException {
    String postKey = ForumMirror.key(post.id(), anchor.id());
    outbox.enqueue(
        c,
        EDIT,
        "forum-edit:" + postKey + "#" + revision,
        "forum:" + ForumMirror.key(post.threadId(), anchor.id()),
        GSON.toJson(new Target(post.threadId(), post.id(), anchor.id(), revision, authorLanguage)));
  }

  /** Records that the copy made of a post in a forum already carries its edits up to now. */
  static void recordCarried(LmsMappings mappings, String postKey, int revision, String moodleId) {
    if (revision > 0) {
      mappings.put(REVISION_MAPPING, postKey + "#" + revision, moodleId);
    }
  }

  public OutboxHandler handler() {
    return OutboxHandler.of(
        EDIT,
        message -> {
          Target target = GSON.fromJson(message.payload(), Target.class);
          DeliveryFailure.translating(() -> carry(target, message.triedBefore()));
        });
  }

  private void carry(Target target, boolean triedBefore) throws DeliveryFailure {
    String postKey = ForumMirror.key(target.postId(), target.anchorId());
    Optional<String> copy = mappings.find(ForumMirror.POST_MAPPING, postKey);
    if (copy.isEmpty()) {
      return; // never copied there: a copy made later is made with the text of then
    }
    // The count first: the text read after it is of that revision or a later one.
    int revision = read(c -> store.revisions(c, target.postId()).size());
    if (revision > target.revision()) {
      return; // a later edit's message follows, and carries the text
    }
    String revisionKey = postKey + "#" + revision;
    if (mappings.find(REVISION_MAPPING, revisionKey).isPresent()) {
      return;
    }
    Post post =
        read(c -> store.post(c, target.postId()))
            .orElseThrow(() -> DeliveryFailure.missing("post " + target.postId() + " is gone"));
    DiscussionThread thread = read(c -> store.thread(c, target.threadId())).orElseThrow();
    Translations t = Translations.in(target.language());
    String reference = ForumMirror.reference(post.id());
    String correctionReference = reference + "-e" + revision;
    String discussion =
        mappings
            .find(ForumMirror.THREAD_MAPPING, ForumMirror.key(thread.id(), target.anchorId()))
            .orElseThrow(() -> DeliveryFailure.missing("the thread's discussion is gone"));
    Optional<String> corrected =
        triedBefore ? lms.findPost(discussion, correctionReference) : Optional.empty();
    String carrier;
    if (corrected.isPresent()) {
      carrier = corrected.get();
    } else {
      // The pictures go as a new post's do: Moodle's copies, shown through @@PLUGINFILE@@.
      ForumFiles.Staged edited = files.stagePictures(lms, ForumMirror.html(post, reference, t));
      if (lms.editPost(
          copy.get(), post.first() ? thread.title() : null, edited.html(), edited.inlineAreaId())) {
        carrier = copy.get();
      } else {
        ForumFiles.Staged staged =
            files.stagePictures(lms, correction(post, correctionReference, t));
        carrier =
            lms.reply(
                copy.get(),
                t.text("moodle.forum.correctionSubject", Map.of("title", thread.title())),
                staged.html(),
                null,
                staged.inlineAreaId());
      }
    }
    if (!carrier.equals(copy.get())) {
      // Ours, for the import; a reply to it in Moodle answers the edited post.
      mappings.put(ForumMirror.POST_MAPPING, postKey + "#e" + revision, carrier);
    }
    mappings.put(REVISION_MAPPING, revisionKey, carrier);
  }

  /** The correction as Moodle shows it: what it is, the post's new text, who wrote it. */
  static String correction(Post post, String reference, Translations t) {
    return "<p><strong>"
        + SafeHtml.escape(t.text("moodle.forum.correction", Map.of("name", post.authorName())))
        + "</strong></p>"
        + post.body()
        + ForumMirror.signature(post, reference, t);
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "forum edit read", work);
  }
}
