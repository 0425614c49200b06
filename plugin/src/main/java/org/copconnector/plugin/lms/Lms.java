package org.copconnector.plugin.lms;

import java.util.List;
import java.util.Optional;
import org.copconnector.plugin.i18n.Locales;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.people.Participant;

/** What the community features need from the learning-management system they live in. */
public interface Lms {

  /** Whether the LMS is configured and currently answering; cheap enough for a health probe. */
  LmsStatus status();

  /** Everyone taking part in a course, with their roles and groups (may take several calls). */
  List<Participant> participants(String courseId);

  /**
   * The course group carrying {@code idnumber}, created (with {@code name} and {@code description})
   * when there is none, so that asking twice never makes two groups; returns the group's LMS id.
   */
  String ensureGroup(String courseId, String name, String idnumber, String description);

  /** As {@link #ensureGroup(String, String, String, String)}, described in English. */
  default String ensureGroup(String courseId, String name, String idnumber) {
    return ensureGroup(
        courseId,
        name,
        idnumber,
        Translations.in(Locales.DEFAULT).text("moodle.group.description"));
  }

  /** Adds people to a group; adding someone already in it changes nothing. */
  void addGroupMembers(String groupId, List<String> userIds);

  /** Removes people from a group; removing someone not in it changes nothing. */
  void removeGroupMembers(String groupId, List<String> userIds);

  /** The forums of a course, with their group mode. */
  List<Forum> forums(String courseId);

  /**
   * Starts a discussion in a forum, in a group; the LMS must refuse a group that is not of the
   * forum's course.
   */
  PostedDiscussion startDiscussion(NewDiscussion discussion);

  /**
   * The discussion of the forum and group whose first post contains {@code marker}, if any: how a
   * delivery whose answer was lost learns that it had in fact been made.
   */
  Optional<PostedDiscussion> findDiscussion(String forumId, String groupId, String marker);

  /** Replies to a post (the parent post, not the discussion); returns the new post's id. */
  default String reply(String parentPostId, String subject, String html) {
    return reply(parentPostId, subject, html, null, null);
  }

  /**
   * As {@link #reply(String, String, String)}, with the files staged for it: {@code
   * attachmentsAreaId} listed under the post, {@code inlineAreaId} shown in its text (each null for
   * none).
   */
  String reply(
      String parentPostId,
      String subject,
      String html,
      String attachmentsAreaId,
      String inlineAreaId);

  /**
   * Rewrites a post the service account wrote: its HTML, and its subject unless {@code subject} is
   * null. Returns false when the LMS keeps the post as it is because the time to edit it is over or
   * the account may not edit it (the caller says it another way).
   */
  default boolean editPost(String postId, String subject, String html) {
    return editPost(postId, subject, html, null);
  }

  /**
   * As {@link #editPost(String, String, String)}, with the pictures the new HTML shows staged in
   * {@code inlineAreaId} (null: the post's pictures stay as they are); the post's attachments stay.
   */
  boolean editPost(String postId, String subject, String html, String inlineAreaId);

  /** The post of a discussion containing {@code marker}, if any. */
  Optional<String> findPost(String discussionId, String marker);

  /**
   * The forum's discussions changed at or after {@code sinceSeconds} (the LMS's clock), newest
   * first.
   */
  List<ForumDiscussion> discussionsChangedSince(String forumId, long sinceSeconds);

  /** Every post of a discussion, oldest first. */
  List<ForumPost> posts(String discussionId);

  /** Sends one notification to one person; {@code text} is HTML, which the LMS may show as text. */
  void sendMessage(String userId, String text);

  /** Puts an event in a course's calendar, seen by everyone in the course; returns its LMS id. */
  String createCourseEvent(CourseEvent event);

  /**
   * The ids of the course's calendar events starting at {@code startSeconds} whose description
   * contains {@code marker}: how a delivery whose answer was lost learns that it made one.
   */
  List<String> findCourseEvents(String courseId, long startSeconds, String marker);

  /** Removes a calendar event; one already gone is no error. */
  void deleteEvent(String eventId);

  /** The files of a course's resources and folders (one listing). */
  List<CourseFile> courseFiles(String courseId);

  /** Opens one of those files for reading; the caller closes it. */
  FileDownload openFile(String url);

  /**
   * Puts a file where a new discussion can take it as attachment; returns the LMS's reference
   * (Moodle's draft item id).
   */
  default String stageAttachment(String fileName, byte[] content, String mediaType) {
    return stageFile(null, fileName, content, mediaType);
  }

  /**
   * Puts a file into a staging area a new post can take its files from ({@code areaId} null starts
   * a new one); returns the area's id (Moodle's draft item id).
   */
  String stageFile(String areaId, String fileName, byte[] content, String mediaType);

  /** A course calendar event: {@code html} is its description; times in seconds. */
  record CourseEvent(
      String courseId, String name, String html, long startSeconds, long durationSeconds) {}

  /** A file of a course, as listed. */
  record CourseFile(String module, String fileName, String url, long size, String mediaType) {}

  /** An open file; {@code length} is -1 when the LMS did not say. */
  record FileDownload(java.io.InputStream body, long length, java.io.Closeable closer)
      implements java.io.Closeable {
    @Override
    public void close() throws java.io.IOException {
      closer.close();
    }
  }

  /** A course forum; {@code groupMode} 0 = no groups, 1 = separate groups, 2 = visible groups. */
  record Forum(String id, String name, String type, int groupMode) {

    /** Discussions can be kept to one community's group only in a forum with groups. */
    public boolean usesGroups() {
      return groupMode > 0;
    }

    /**
     * Whether teachers can start discussions in it: not the Announcements forum (teachers of the
     * course only, no replies by e-mail digest) nor a single simple discussion.
     */
    public boolean takesDiscussions() {
      return !"news".equals(type) && !"single".equals(type);
    }
  }

  /** Moodle's group of a discussion for all participants, as in a forum without groups. */
  String ALL_PARTICIPANTS = "-1";

  /**
   * A discussion to start, in {@code forumId} of {@code courseId}, visible to {@code groupId};
   * {@code attachmentId} and {@code inlineAreaId} are staged files (null for none).
   */
  record NewDiscussion(
      String courseId,
      String forumId,
      String groupId,
      String subject,
      String html,
      String attachmentId,
      String inlineAreaId) {

    public NewDiscussion(
        String courseId,
        String forumId,
        String groupId,
        String subject,
        String html,
        String attachmentId) {
      this(courseId, forumId, groupId, subject, html, attachmentId, null);
    }
  }

  /** A discussion as made in the LMS: its id and its first post's (the parent of replies). */
  record PostedDiscussion(String discussionId, String firstPostId) {}

  /**
   * A discussion as listed; {@code modifiedSeconds} moves with every new post, {@code replies}
   * counts them.
   */
  record ForumDiscussion(
      String discussionId,
      String firstPostId,
      String groupId,
      String subject,
      long modifiedSeconds,
      int replies) {}

  /**
   * A post; {@code parentId} is null for a discussion's first post. Its pictures are in {@code
   * html}, at the LMS's file addresses. {@code modifiedSeconds} moves when it is edited (Moodle
   * keeps its discussion's time as it was).
   */
  record ForumPost(
      String id,
      String parentId,
      String authorId,
      String authorName,
      String subject,
      String html,
      long createdSeconds,
      List<PostedFile> attachments,
      long modifiedSeconds) {

    public ForumPost(
        String id,
        String parentId,
        String authorId,
        String authorName,
        String subject,
        String html,
        long createdSeconds,
        List<PostedFile> attachments) {
      this(id, parentId, authorId, authorName, subject, html, createdSeconds, attachments, 0);
    }

    public ForumPost(
        String id,
        String parentId,
        String authorId,
        String authorName,
        String subject,
        String html,
        long createdSeconds) {
      this(id, parentId, authorId, authorName, subject, html, createdSeconds, List.of(), 0);
    }

    /** When the post was last written: its creation, or its latest edit. */
    public long writtenSeconds() {
      return Math.max(createdSeconds, modifiedSeconds);
    }
  }

  /** A file attached to a post in the LMS, fetched through {@link #openFile}. */
  record PostedFile(String fileName, String url, long size) {}
}
