package org.copconnector.connector.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.LmsStatus;
import org.copconnector.plugin.lms.LmsUnavailableException;
import org.copconnector.plugin.people.Participant;

/** An in-memory LMS holding the demo schools; never talks to a real Moodle. */
public final class DemoLms implements Lms {

  private final DemoSchools schools;
  private final java.util.Map<String, String> groupsByIdnumber =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, java.util.Set<String>> members =
      new java.util.concurrent.ConcurrentHashMap<>();

  public DemoLms(DemoSchools schools) {
    this.schools = schools;
  }

  @Override
  public LmsStatus status() {
    return LmsStatus.UP;
  }

  @Override
  public List<Participant> participants(String courseId) {
    if (schools.course(courseId) == null) {
      throw new LmsUnavailableException("no demo course " + courseId);
    }
    return schools.people().stream()
        .filter(p -> p.courses().containsKey(courseId))
        .map(
            p ->
                new Participant(
                    p.id(), p.name(), p.email(), List.of(p.courses().get(courseId)), List.of()))
        .toList();
  }

  @Override
  public String ensureGroup(String courseId, String name, String idnumber, String description) {
    return groupsByIdnumber.computeIfAbsent(
        idnumber, key -> "demo-group-" + (groupsByIdnumber.size() + 1));
  }

  @Override
  public void addGroupMembers(String groupId, List<String> userIds) {
    members
        .computeIfAbsent(groupId, g -> java.util.concurrent.ConcurrentHashMap.newKeySet())
        .addAll(userIds);
  }

  @Override
  public void removeGroupMembers(String groupId, List<String> userIds) {
    members.getOrDefault(groupId, java.util.Set.of()).removeAll(userIds);
  }

  @Override
  public List<Forum> forums(String courseId) {
    if (schools.course(courseId) == null) {
      throw new LmsUnavailableException("no demo course " + courseId);
    }
    return List.of(
        new Forum(courseId + "-news", "Announcements", "news", 0),
        new Forum(courseId + "-groups", "Group discussions", "general", 1),
        // A forum without groups, as many courses have: choosing it shows the warning.
        new Forum(courseId + "-general", "General forum", "general", 0));
  }

  // The demo keeps what would go to Moodle in memory, so every feature can be tried without one.
  private final AtomicLong ids = new AtomicLong(1000);
  private final List<String> messages = java.util.Collections.synchronizedList(new ArrayList<>());

  @Override
  public PostedDiscussion startDiscussion(NewDiscussion discussion) {
    return new PostedDiscussion(
        Long.toString(ids.incrementAndGet()), Long.toString(ids.incrementAndGet()));
  }

  @Override
  public Optional<PostedDiscussion> findDiscussion(String forumId, String groupId, String marker) {
    return Optional.empty();
  }

  @Override
  public String reply(
      String parentPostId,
      String subject,
      String html,
      String attachmentsAreaId,
      String inlineAreaId) {
    return Long.toString(ids.incrementAndGet());
  }

  @Override
  public boolean editPost(String postId, String subject, String html, String inlineAreaId) {
    return true;
  }

  @Override
  public Optional<String> findPost(String discussionId, String marker) {
    return Optional.empty();
  }

  @Override
  public List<ForumDiscussion> discussionsChangedSince(String forumId, long sinceSeconds) {
    return List.of();
  }

  @Override
  public List<ForumPost> posts(String discussionId) {
    return List.of();
  }

  @Override
  public String createCourseEvent(CourseEvent event) {
    return Long.toString(ids.incrementAndGet());
  }

  @Override
  public List<String> findCourseEvents(String courseId, long startSeconds, String marker) {
    return List.of();
  }

  @Override
  public void deleteEvent(String eventId) {
    // The demo keeps no calendar.
  }

  @Override
  public void sendMessage(String userId, String text) {
    messages.add(userId + ": " + text);
  }

  @Override
  public List<CourseFile> courseFiles(String courseId) {
    if (schools.course(courseId) == null) {
      throw new LmsUnavailableException("no demo course " + courseId);
    }
    return DemoCourseFiles.of(courseId);
  }

  @Override
  public FileDownload openFile(String url) {
    return DemoCourseFiles.open(url);
  }

  @Override
  public String stageFile(String areaId, String fileName, byte[] content, String mediaType) {
    return areaId != null ? areaId : Long.toString(ids.incrementAndGet());
  }
}
