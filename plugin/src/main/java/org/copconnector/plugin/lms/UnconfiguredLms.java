package org.copconnector.plugin.lms;

import java.util.List;
import java.util.Optional;
import org.copconnector.plugin.people.Participant;

/** The LMS used when no Moodle site is configured: features that need it report so. */
public final class UnconfiguredLms implements Lms {

  @Override
  public LmsStatus status() {
    return LmsStatus.NOT_CONFIGURED;
  }

  @Override
  public List<Participant> participants(String courseId) {
    throw notConfigured();
  }

  @Override
  public String ensureGroup(String courseId, String name, String idnumber, String description) {
    throw notConfigured();
  }

  @Override
  public void addGroupMembers(String groupId, List<String> userIds) {
    throw notConfigured();
  }

  @Override
  public void removeGroupMembers(String groupId, List<String> userIds) {
    throw notConfigured();
  }

  @Override
  public List<Forum> forums(String courseId) {
    throw notConfigured();
  }

  @Override
  public PostedDiscussion startDiscussion(NewDiscussion discussion) {
    throw notConfigured();
  }

  @Override
  public Optional<PostedDiscussion> findDiscussion(String forumId, String groupId, String marker) {
    throw notConfigured();
  }

  @Override
  public String reply(
      String parentPostId,
      String subject,
      String html,
      String attachmentsAreaId,
      String inlineAreaId) {
    throw notConfigured();
  }

  @Override
  public boolean editPost(String postId, String subject, String html, String inlineAreaId) {
    throw notConfigured();
  }

  @Override
  public Optional<String> findPost(String discussionId, String marker) {
    throw notConfigured();
  }

  @Override
  public List<ForumDiscussion> discussionsChangedSince(String forumId, long sinceSeconds) {
    throw notConfigured();
  }

  @Override
  public List<ForumPost> posts(String discussionId) {
    throw notConfigured();
  }

  @Override
  public String createCourseEvent(CourseEvent event) {
    throw notConfigured();
  }

  @Override
  public List<String> findCourseEvents(String courseId, long startSeconds, String marker) {
    throw notConfigured();
  }

  @Override
  public void deleteEvent(String eventId) {
    throw notConfigured();
  }

  @Override
  public void sendMessage(String userId, String text) {
    throw notConfigured();
  }

  @Override
  public List<CourseFile> courseFiles(String courseId) {
    throw notConfigured();
  }

  @Override
  public FileDownload openFile(String url) {
    throw notConfigured();
  }

  @Override
  public String stageFile(String areaId, String fileName, byte[] content, String mediaType) {
    throw notConfigured();
  }

  private static LmsUnavailableException notConfigured() {
    return new LmsUnavailableException("no LMS is configured (set moodle.url and moodle.token)");
  }
}
