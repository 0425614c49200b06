package org.copconnector.plugin.discussion;

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
 * whose last post or reply count moved are read. Our own mirrored posts (known by mapping or by
 * their reference) are never imported back, and each Moodle post is recorded once.
 */
public final class ForumImport {

  /** What one import did. */
  public record Outcome(int forumsListed, int discussionsRead, int postsImported) {}

  private static final Logger LOG = LoggerFactory.getLogger(ForumImport.class);

  private final DataSource dataSource;
  private final Lms lms;
  private final LmsMappings mappings;
  private final Discussions discussions;
  private final CommunityAccess access;
  private final ForumFiles files;
  private final DiscussionStore store = new DiscussionStore();
  private final PostAttachments attachments = new PostAttachments(new PostFileStore());

  public ForumImport(
      DataSource dataSource,
      Lms lms,
      LmsMappings mappings,
      Discussions discussions,
      PeopleStore people,
      PostFiles postFiles) {
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
      for (ForumDiscussion d : lms.discussionsChangedSince(forum.getKey(), cursor)) {
        next = Math.max(next, d.modifiedSeconds());
        String state = d.modifiedSeconds() + "/" + d.replies();
        if (state.equals(read(c -> store.seen(c, d.discussionId())).orElse(null))) {
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
    return new Outcome(byForum.size(), read, imported);
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

  /** Whether every post was settled (imported, or known), and how many were imported. */
  private record Result(boolean complete, int imported) {}

  private Result importDiscussion(Anchor anchor, ForumDiscussion d, String threadId) {
    List<ForumPost> posts =
        lms.posts(d.discussionId()).stream()
            .sorted(
                Comparator.comparingLong(ForumPost::createdSeconds).thenComparing(ForumPost::id))
            .toList();
    boolean complete = true;
    int imported = 0;
    String thread = threadId;
    for (ForumPost post : posts) {
      if (mappings.findLocal(ForumMirror.POST_MAPPING, post.id()).isPresent()) {
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
    return new Result(complete, imported);
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
