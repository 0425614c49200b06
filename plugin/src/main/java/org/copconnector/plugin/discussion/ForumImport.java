package org.copconnector.plugin.discussion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Anchor;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.community.GroupMirror;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.Lms.ForumDiscussion;
import org.copconnector.plugin.lms.Lms.ForumPost;
import org.copconnector.plugin.outbox.LmsMappings;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.store.SqlStates;
import org.copconnector.plugin.store.StoreException;
import org.copconnector.plugin.store.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports what teachers write directly in the anchors' Moodle forums: replies to mirrored
 * discussions, and discussions started in a community's group. Incremental per course: one listing
 * per forum returns only discussions changed since the forum's cursor, and of those only the ones
 * whose last post or reply count moved are read, with those holding a post written in Moodle
 * recently enough for its author to be still editing it. Our own mirrored posts (known by mapping
 * or by their reference) are never imported back, and each Moodle post is recorded once. A post
 * imported before whose modified time moved was edited in Moodle: the hub's copy takes the edit,
 * which is not sent back. Moodle keeps a discussion's time when a post is edited, so an edit made
 * after its author's editing time (a teacher's) comes in when the discussion is next read.
 */
public final class ForumImport {

  /** What one import did. */
  public record Outcome(int forumsListed, int discussionsRead, int postsImported, int postsEdited) {

    public Outcome(int forumsListed, int discussionsRead, int postsImported) {
      this(forumsListed, discussionsRead, postsImported, 0);
    }
  }

  /**
   * How long after its last post a discussion is read again for edits: Moodle's editing time for
   * authors ({@code $CFG->maxeditingtime}, 30 minutes by default), with a margin for the clocks.
   */
  static final Duration EDIT_LOOKBACK = Duration.ofMinutes(35);

  private static final Logger LOG = LoggerFactory.getLogger(ForumImport.class);

  private final DataSource dataSource;
  private final Lms lms;
  private final LmsMappings mappings;
  private final Discussions discussions;
  private final CommunityAccess access;
  private final ForumFiles files;
  private final DiscussionStore store = new DiscussionStore();
  private final PostAttachments attachments = new PostAttachments(new PostFileStore());
  private final PostFileStore fileStore = new PostFileStore();
  private final Clock clock;

  public ForumImport(
      DataSource dataSource,
      Lms lms,
      LmsMappings mappings,
      Discussions discussions,
      PeopleStore people,
      PostFiles postFiles,
      Clock clock) {
    this.clock = clock;
    this.dataSource = dataSource;
    this.lms = lms;
    this.mappings = mappings;
    this.discussions = discussions;
    this.access = new CommunityAccess(people);
    this.files = new ForumFiles(dataSource, postFiles);
  }

  /** Imports every course that has a community forum; never throws, for the schedule. */
  public void run() {
    List<String> courses;
    try {
      courses = read(store::coursesWithForums);
    } catch (RuntimeException e) {
      LOG.warn("forum import could not list its courses: {}", e.toString());
      return;
    }
    for (String course : courses) {
      try {
        Outcome outcome = importCourse(course);
        if (outcome.postsImported() > 0) {
          LOG.info(
              "imported {} post(s) from the forums of course {}", outcome.postsImported(), course);
        }
      } catch (RuntimeException e) {
        LOG.warn(
            "forum import of course {} failed, the next round will retry: {}",
            course,
            e.toString());
      }
    }
  }

  /** Imports new posts of the course's community forums since their cursors. */
  public Outcome importCourse(String courseId) {
    Map<String, List<Anchor>> byForum = new LinkedHashMap<>();
    for (Anchor anchor : read(c -> access.anchorsWithForumIn(c, courseId))) {
      byForum.computeIfAbsent(anchor.forumId(), f -> new java.util.ArrayList<>()).add(anchor);
    }
    int read = 0;
    int imported = 0;
    int edited = 0;
    long editable = Instant.now(clock).getEpochSecond() - EDIT_LOOKBACK.toSeconds();
    GroupModes groupModes = new GroupModes(courseId);
    for (Map.Entry<String, List<Anchor>> forum : byForum.entrySet()) {
      long cursor = read(c -> store.cursor(c, forum.getKey()));
      Map<String, Anchor> anchorByGroup = new HashMap<>();
      Map<String, Anchor> anchorById = new HashMap<>();
      for (Anchor anchor : forum.getValue()) {
        anchorById.put(anchor.id(), anchor);
        mappings
            .find(GroupMirror.MAPPING, anchor.id())
            .ifPresent(g -> anchorByGroup.put(g, anchor));
      }
      long next = cursor;
      long since = cursor == 0 ? 0 : Math.max(0, Math.min(cursor, editable));
      for (ForumDiscussion d : lms.discussionsChangedSince(forum.getKey(), since)) {
        next = Math.max(next, d.modifiedSeconds());
        String state = d.modifiedSeconds() + "/" + d.replies();
        if (state.equals(read(c -> store.seen(c, d.discussionId())).orElse(null))
            && !mayHaveEdits(d, editable)) {
          continue;
        }
        if (mappings.findLocal(ForumMirror.RESOURCE_MAPPING, d.discussionId()).isPresent()) {
          continue; // a resource shared from the bank: its discussion lives in Moodle
        }
        Optional<String[]> local =
            mappings.findLocal(ForumMirror.THREAD_MAPPING, d.discussionId()).map(k -> k.split("@"));
        Anchor anchor =
            local.isPresent() ? anchorById.get(local.get()[1]) : anchorByGroup.get(d.groupId());
        if (anchor == null
            && Lms.ALL_PARTICIPANTS.equals(d.groupId())
            && forum.getValue().size() == 1
            && !groupModes.usesGroups(forum.getKey())) {
          // A forum without groups is wholly its one community's (the forum chooser sees to it).
          anchor = forum.getValue().get(0);
        }
        if (anchor == null) {
          continue; // another group's discussion, or a community that moved to another forum
        }
        read++;
        Result result = importDiscussion(anchor, d, local.map(k -> k[0]).orElse(null));
        imported += result.imported();
        edited += result.edited();
        if (result.complete()) {
          write(
              c -> {
                store.setSeen(c, d.discussionId(), d.modifiedSeconds(), d.replies());
                return null;
              });
        }
      }
      long cursorNow = next;
      write(
          c -> {
            store.setCursor(c, forum.getKey(), courseId, cursorNow);
            return null;
          });
    }
    return new Outcome(byForum.size(), read, imported, edited);
  }

  /**
   * The group modes of a course's forums, asked of the LMS only when a discussion for all
   * participants turns up, so that an unchanged course still costs one listing per forum.
   */
  private final class GroupModes {
    private final String courseId;
    private Map<String, Boolean> usesGroups;

    GroupModes(String courseId) {
      this.courseId = courseId;
    }

    boolean usesGroups(String forumId) {
      if (usesGroups == null) {
        usesGroups = new HashMap<>();
        for (Lms.Forum f : lms.forums(courseId)) {
          usesGroups.put(f.id(), f.usesGroups());
        }
      }
      // A forum no longer listed: keep its discussions out rather than guess.
      return usesGroups.getOrDefault(forumId, true);
    }
  }

  /**
   * Whether every post was settled (imported, or known), how many were imported and how many edits
   * made in the LMS were brought in.
   */
  private record Result(boolean complete, int imported, int edited) {}

  private Result importDiscussion(Anchor anchor, ForumDiscussion d, String threadId) {
    List<ForumPost> posts =
        lms.posts(d.discussionId()).stream()
            .sorted(
                Comparator.comparingLong(ForumPost::createdSeconds).thenComparing(ForumPost::id))
            .toList();
    boolean complete = true;
    int imported = 0;
    int edited = 0;
    String thread = threadId;
    for (ForumPost post : posts) {
      Optional<String> known = mappings.findLocal(ForumMirror.POST_MAPPING, post.id());
      if (known.isPresent()) {
        if (importEdit(anchor, known.get(), post)) {
          edited++;
        }
        continue;
      }
      if (post.html() != null && post.html().contains(ForumMirror.REFERENCE_PREFIX)) {
        complete = false; // our own post whose delivery has not recorded it yet: look again later
        continue;
      }
      if (thread == null && post.parentId() != null) {
        complete = false; // the first post is ours and still being delivered
        continue;
      }
      try {
        thread = importPost(anchor, d, thread, post);
        imported++;
      } catch (StoreException e) {
        if (!(e.getCause() instanceof java.sql.SQLException sql) || !SqlStates.isDuplicate(sql)) {
          throw e;
        }
        // Imported meanwhile by another instance: nothing to do.
      }
    }
    return new Result(complete, imported, edited);
  }

  /**
   * Whether a discussion whose last post and reply count stand still may hold an edit: one of the
   * posts imported from it is recent enough for its author to be still editing it (our own posts
   * are not imported back, edited or not).
   */
  private boolean mayHaveEdits(ForumDiscussion d, long editableSeconds) {
    if (d.modifiedSeconds() < editableSeconds) {
      return false;
    }
    Optional<String> thread =
        mappings.findLocal(ForumMirror.THREAD_MAPPING, d.discussionId()).map(k -> k.split("@")[0]);
    return thread.isPresent()
        && read(
            c ->
                store.hasImportedPostSince(
                    c, thread.get(), Instant.ofEpochSecond(editableSeconds)));
  }

  /**
   * Brings in an edit made in the LMS of a post imported before ({@code key} its mapping): when the
   * LMS's modified time of the post moved past the version held, its text, pictures and (when they
   * changed) attachments are taken as on its first import. Our own posts and corrections are not
   * imported, edited or not.
   */
  private boolean importEdit(Anchor anchor, String key, ForumPost post) {
    if (key.contains("#") || post.modifiedSeconds() <= post.createdSeconds()) {
      return false;
    }
    String postId = key.split("@")[0];
    Optional<Long> held = read(c -> store.importedVersion(c, postId, post.createdSeconds()));
    if (held.isEmpty() || post.modifiedSeconds() <= held.get()) {
      return false;
    }
    List<PostFile> attachedBefore =
        read(c -> fileStore.attachmentsOf(c, List.of(postId))).getOrDefault(postId, List.of());
    boolean sameAttachments =
        attachedBefore.stream()
            .map(f -> f.fileName() + "/" + f.size())
            .toList()
            .equals(post.attachments().stream().map(f -> f.fileName() + "/" + f.size()).toList());
    String author = post.authorId() == null ? "unknown" : post.authorId();
    ForumFiles.Fetched fetched =
        files.fetch(
            lms,
            anchor.communityId(),
            author,
            post.html(),
            sameAttachments ? List.of() : post.attachments());
    List<String> newAttachments = sameAttachments ? null : fetched.attachmentIds();
    return write(
        c -> {
          Optional<Post> current = store.post(c, postId);
          // Taken meanwhile by another instance: once only.
          if (current.isEmpty()
              || store
                  .importedVersion(c, postId, post.createdSeconds())
                  .filter(v -> v < post.modifiedSeconds())
                  .isEmpty()) {
            return false;
          }
          boolean changed =
              discussions.recordImportedEdit(
                  c,
                  current.get(),
                  post.subject(),
                  fetched.html(),
                  newAttachments,
                  Instant.ofEpochSecond(post.modifiedSeconds()),
                  anchor.id());
          store.setImportedVersion(c, postId, post.modifiedSeconds());
          return changed;
        });
  }

  /**
   * Stores one Moodle post (starting the thread when it is the first) with its mapping, its
   * pictures and attachments fetched first (a post that then turns out imported meanwhile leaves
   * them unused, to be swept).
   */
  private String importPost(Anchor anchor, ForumDiscussion d, String threadId, ForumPost post) {
    String author = post.authorId() == null ? "unknown" : post.authorId();
    ForumFiles.Fetched fetched =
        files.fetch(lms, anchor.communityId(), author, post.html(), post.attachments());
    return write(
        c -> {
          Community community = access.find(c, anchor.communityId());
          Instant at = Instant.ofEpochSecond(post.createdSeconds());
          String name = post.authorName() == null ? "Moodle user " + author : post.authorName();
          DiscussionThread thread;
          if (threadId == null) {
            thread =
                discussions.recordImportedThread(c, community.id(), d.subject(), author, name, at);
            mappings.put(
                c,
                ForumMirror.THREAD_MAPPING,
                ForumMirror.key(thread.id(), anchor.id()),
                d.discussionId());
          } else {
            thread = store.thread(c, threadId).orElseThrow();
          }
          String parent =
              post.parentId() == null
                  ? null
                  : mappings
                      .findLocal(c, ForumMirror.POST_MAPPING, post.parentId())
                      .map(k -> k.split("@")[0])
                      .orElse(null);
          Post stored =
              discussions.recordImported(
                  c, community, thread, parent, author, name, fetched.html(), at, anchor.id());
          attachments.bind(c, stored.id(), stored.body(), fetched.fileIds());
          store.setImportedVersion(c, stored.id(), post.writtenSeconds());
          mappings.put(
              c, ForumMirror.POST_MAPPING, ForumMirror.key(stored.id(), anchor.id()), post.id());
          return thread.id();
        });
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "forum import read", work);
  }

  private <T> T write(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "forum import", work);
  }
}
