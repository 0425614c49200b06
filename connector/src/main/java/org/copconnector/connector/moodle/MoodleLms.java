package org.copconnector.connector.moodle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.LmsRefusedException;
import org.copconnector.plugin.lms.LmsStatus;
import org.copconnector.plugin.lms.LmsUnavailableException;
import org.copconnector.plugin.people.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Moodle site as the features see it. */
public final class MoodleLms implements Lms {

  private static final Logger LOG = LoggerFactory.getLogger(MoodleLms.class);

  /** Moodle's refusal of an edit: its editing time is over, or the service user may not. */
  private static final String CANNOT_EDIT = "cannotupdatepost";

  private record Probe(LmsStatus status, Instant at) {}

  private final Moodle moodle;
  private final int pageSize;
  private final SiteApi probe;
  private final Clock clock;
  private final Duration freshFor;
  private final Object probing = new Object();
  private volatile Probe last;
  private volatile SiteApi.SiteInfo site;
  // Forum and group pairs already checked to be of one course (Moodle itself does not check).
  private final Set<String> checkedPlaces = ConcurrentHashMap.newKeySet();

  /**
   * @param probe site info over a client with a short timeout and no retries, so a slow Moodle
   *     cannot hold up a health check
   * @param freshFor how long a probe's result is reported before asking Moodle again
   */
  public MoodleLms(Moodle moodle, int pageSize, SiteApi probe, Clock clock, Duration freshFor) {
    this.moodle = moodle;
    this.pageSize = pageSize;
    this.probe = probe;
    this.clock = clock;
    this.freshFor = freshFor;
  }

  /** Course participants, read page by page ({@code pageSize} per call). */
  @Override
  public List<Participant> participants(String courseId) {
    long id;
    try {
      id = Long.parseLong(courseId);
    } catch (NumberFormatException e) {
      throw new LmsUnavailableException("not a Moodle course id: " + courseId);
    }
    try {
      return moodle.enrolments().all(id, pageSize).stream()
          .map(
              u ->
                  new Participant(
                      Long.toString(u.id()),
                      u.fullname(),
                      u.email(),
                      u.roles().stream().map(EnrolApi.Role::shortname).toList(),
                      u.groups().stream().map(EnrolApi.GroupRef::name).toList()))
          .toList();
    } catch (MoodleClientException e) {
      throw new LmsUnavailableException(
          "Moodle could not list the participants of course " + courseId, e);
    }
  }

  @Override
  public String ensureGroup(String courseId, String name, String idnumber, String description) {
    long course = courseId(courseId);
    try {
      List<GroupApi.Group> groups = moodle.groups().courseGroups(course);
      for (GroupApi.Group group : groups) {
        if (idnumber.equals(group.idnumber())) {
          return Long.toString(group.id());
        }
      }
      GroupApi.NewGroup group =
          new GroupApi.NewGroup(course, freeGroupName(groups, name), description, 1, idnumber);
      return Long.toString(moodle.groups().createGroups(List.of(group)).get(0).id());
    } catch (MoodleClientException e) {
      throw translate(
          "Moodle could not provide the group " + idnumber + " in course " + courseId, e);
    }
  }

  /**
   * Group names are unique per course in Moodle: the community's name, else the first of "name
   * (CoP)", "name (CoP 2)"… that no group of the course (a teacher's, or another community's) has.
   */
  static String freeGroupName(List<GroupApi.Group> groups, String name) {
    Set<String> taken = new java.util.HashSet<>();
    for (GroupApi.Group g : groups) {
      taken.add(g.name().strip().toLowerCase(java.util.Locale.ROOT));
    }
    String candidate = name;
    for (int n = 1; taken.contains(candidate.strip().toLowerCase(java.util.Locale.ROOT)); n++) {
      candidate = name + (n == 1 ? " (CoP)" : " (CoP " + n + ")");
    }
    return candidate;
  }

  @Override
  public void addGroupMembers(String groupId, List<String> userIds) {
    try {
      moodle.groups().addMembers(memberships(groupId, userIds));
    } catch (MoodleClientException e) {
      throw translate("Moodle could not add members to group " + groupId, e);
    }
  }

  @Override
  public void removeGroupMembers(String groupId, List<String> userIds) {
    try {
      moodle.groups().deleteMembers(memberships(groupId, userIds));
    } catch (MoodleClientException e) {
      throw translate("Moodle could not remove members from group " + groupId, e);
    }
  }

  /**
   * Forums from mod_forum, their group mode from the course modules (mod_forum does not say it).
   */
  @Override
  public List<Forum> forums(String courseId) {
    long course = courseId(courseId);
    try {
      java.util.Map<Long, Integer> groupModeByModule = new java.util.HashMap<>();
      for (CourseApi.Section section : moodle.courses().contents(course)) {
        for (CourseApi.Module module : section.modules()) {
          if ("forum".equals(module.modname())) {
            groupModeByModule.put(module.id(), module.groupmode() == null ? 0 : module.groupmode());
          }
        }
      }
      return moodle.forums().forumsByCourses(List.of(course)).stream()
          .map(
              f ->
                  new Forum(
                      Long.toString(f.id()),
                      f.name(),
                      f.type(),
                      groupModeByModule.getOrDefault(f.cmid(), 0)))
          .toList();
    } catch (MoodleClientException e) {
      throw translate("Moodle could not list the forums of course " + courseId, e);
    }
  }

  @Override
  public PostedDiscussion startDiscussion(NewDiscussion d) {
    long forum = id("forum", d.forumId());
    long group = id("group", d.groupId());
    try {
      checkPlace(courseId(d.courseId()), forum, group);
      long discussion =
          moodle
              .forums()
              .addDiscussion(
                  new ForumApi.NewDiscussion(
                      forum,
                      d.subject(),
                      d.html(),
                      group,
                      new ForumApi.DiscussionOptions(
                          false,
                          null,
                          d.attachmentId() == null ? null : id("draft item", d.attachmentId()),
                          d.inlineAreaId() == null ? null : id("draft item", d.inlineAreaId()))))
              .discussionid();
      // Replies need the first post's id, which adding a discussion does not return.
      String firstPost =
          moodle.forums().discussionPosts(discussion).posts().stream()
              .filter(p -> p.parentid() == null || p.parentid() == 0)
              .findFirst()
              .map(p -> Long.toString(p.id()))
              .orElseThrow(
                  () ->
                      new LmsUnavailableException(
                          "discussion " + discussion + " has no first post yet"));
      return new PostedDiscussion(Long.toString(discussion), firstPost);
    } catch (MoodleClientException e) {
      throw translate("Moodle could not start a discussion in forum " + forum, e);
    }
  }

  /** Refuses a forum and group of different courses, asking Moodle once per pair. */
  private void checkPlace(long course, long forum, long group) {
    String key = course + "/" + forum + "/" + group;
    if (checkedPlaces.contains(key)) {
      return;
    }
    boolean forumInCourse =
        moodle.forums().forumsByCourses(List.of(course)).stream().anyMatch(f -> f.id() == forum);
    boolean groupInCourse =
        moodle.groups().courseGroups(course).stream().anyMatch(g -> g.id() == group);
    if (!forumInCourse || !groupInCourse) {
      throw new LmsRefusedException(
          "forum "
              + forum
              + " and group "
              + group
              + " are not both of course "
              + course
              + ": the discussion would reach the wrong people");
    }
    checkedPlaces.add(key);
  }

  @Override
  public Optional<PostedDiscussion> findDiscussion(String forumId, String groupId, String marker) {
    long forum = id("forum", forumId);
    long group = id("group", groupId);
    try {
      return moodle
          .forums()
          .discussions(forum, ForumApi.SortOrder.CREATED_DESC, 0, 50, group)
          .discussions()
          .stream()
          // Moodle files a discussion of a forum without groups under -1 whatever group it is
          // given.
          .filter(
              d ->
                  (d.groupid() == group || d.groupid() == -1)
                      && d.message() != null
                      && d.message().contains(marker))
          .findFirst()
          .map(d -> new PostedDiscussion(Long.toString(d.discussion()), Long.toString(d.id())));
    } catch (MoodleClientException e) {
      throw translate("Moodle could not list the discussions of forum " + forum, e);
    }
  }

  @Override
  public String reply(
      String parentPostId,
      String subject,
      String html,
      String attachmentsAreaId,
      String inlineAreaId) {
    long parent = id("post", parentPostId);
    Long attachments = attachmentsAreaId == null ? null : id("draft item", attachmentsAreaId);
    Long inline = inlineAreaId == null ? null : id("draft item", inlineAreaId);
    try {
      return Long.toString(
          moodle.forums().addDiscussionPost(parent, subject, html, attachments, inline).postid());
    } catch (MoodleClientException e) {
      throw translate("Moodle could not reply to post " + parent, e);
    }
  }

  @Override
  public boolean editPost(String postId, String subject, String html, String inlineAreaId) {
    long post = id("post", postId);
    Long inline = inlineAreaId == null ? null : id("draft item", inlineAreaId);
    try {
      return moodle.forums().updateDiscussionPost(post, subject, html, inline).status();
    } catch (MoodleException e) {
      if (CANNOT_EDIT.equals(e.errorcode())) {
        return false;
      }
      throw translate("Moodle could not edit post " + post, e);
    } catch (MoodleClientException e) {
      throw translate("Moodle could not edit post " + post, e);
    }
  }

  @Override
  public Optional<String> findPost(String discussionId, String marker) {
    return posts(discussionId).stream()
        .filter(p -> p.html() != null && p.html().contains(marker))
        .map(ForumPost::id)
        .findFirst();
  }

  /**
   * Pages through the discussions, last post first, until one not pinned is older than the cursor
   * (pinned discussions come first whatever their age).
   */
  @Override
  public List<ForumDiscussion> discussionsChangedSince(String forumId, long sinceSeconds) {
    long forum = id("forum", forumId);
    int perPage = 50;
    List<ForumDiscussion> changed = new java.util.ArrayList<>();
    try {
      for (int page = 0; ; page++) {
        List<ForumApi.Discussion> listed =
            moodle
                .forums()
                .discussions(forum, ForumApi.SortOrder.LAST_POST_DESC, page, perPage, null)
                .discussions();
        boolean older = false;
        for (ForumApi.Discussion d : listed) {
          long modified = Math.max(d.timemodified(), d.modified());
          if (modified >= sinceSeconds) {
            changed.add(
                new ForumDiscussion(
                    Long.toString(d.discussion()),
                    Long.toString(d.id()),
                    Long.toString(d.groupid()),
                    d.name(),
                    modified,
                    d.numreplies()));
          } else if (!d.pinned()) {
            older = true;
          }
        }
        if (older || listed.size() < perPage) {
          return changed;
        }
      }
    } catch (MoodleClientException e) {
      throw translate("Moodle could not list the discussions of forum " + forum, e);
    }
  }

  @Override
  public List<ForumPost> posts(String discussionId) {
    long discussion = id("discussion", discussionId);
    try {
      return moodle.forums().discussionPosts(discussion).posts().stream()
          .map(
              p ->
                  new ForumPost(
                      Long.toString(p.id()),
                      p.parentid() == null || p.parentid() == 0
                          ? null
                          : Long.toString(p.parentid()),
                      p.author() == null ? null : Long.toString(p.author().id()),
                      p.author() == null ? null : p.author().fullname(),
                      p.subject(),
                      p.message(),
                      p.timecreated(),
                      p.attachments() == null
                          ? List.<PostedFile>of()
                          : p.attachments().stream()
                              .map(a -> new PostedFile(a.filename(), a.url(), a.filesize()))
                              .toList(),
                      p.timemodified()))
          .toList();
    } catch (MoodleClientException e) {
      throw translate("Moodle could not read the posts of discussion " + discussion, e);
    }
  }

  /** A course event in HTML; Moodle refuses it with a warning, not an error, without the right. */
  @Override
  public String createCourseEvent(CourseEvent event) {
    long course = courseId(event.courseId());
    CalendarApi.CreatedEvents created;
    try {
      created =
          moodle
              .calendar()
              .createEvents(
                  List.of(
                      new CalendarApi.NewEvent(
                          event.name(),
                          event.html(),
                          1,
                          course,
                          null,
                          "course",
                          event.startSeconds(),
                          event.durationSeconds(),
                          null)));
    } catch (MoodleClientException e) {
      throw translate("Moodle could not add an event to course " + course, e);
    }
    if (created.events().isEmpty()) {
      String why =
          created.warnings() == null || created.warnings().isEmpty()
              ? "no event made"
              : created.warnings().get(0).warningcode();
      throw new LmsRefusedException(
          "Moodle did not add the event to course " + course + ": " + why);
    }
    return Long.toString(created.events().get(0).id());
  }

  @Override
  public List<String> findCourseEvents(String courseId, long startSeconds, String marker) {
    long course = courseId(courseId);
    try {
      return moodle.calendar().courseEvents(course, startSeconds, startSeconds).events().stream()
          .filter(
              e ->
                  e.courseid() == course
                      && e.timestart() == startSeconds
                      && "course".equals(e.eventtype())
                      && e.description() != null
                      && e.description().contains(marker))
          .map(e -> Long.toString(e.id()))
          .toList();
    } catch (MoodleClientException e) {
      throw translate("Moodle could not list the events of course " + course, e);
    }
  }

  @Override
  public void deleteEvent(String eventId) {
    long event = id("event", eventId);
    try {
      moodle.calendar().deleteEvents(List.of(event));
    } catch (MoodleException e) {
      // Moodle reads the event with MUST_EXIST: one deleted before is a missing record.
      if (!e.is("invalidrecord")) {
        throw translate("Moodle could not delete event " + event, e);
      }
    } catch (MoodleClientException e) {
      throw translate("Moodle could not delete event " + event, e);
    }
  }

  /** Sends the notification as a plain-text private message from the service user. */
  @Override
  public void sendMessage(String userId, String text) {
    long to = id("user", userId);
    MessageApi.SentMessage sent;
    try {
      sent =
          moodle.messages().send(to, MessageText.plain(text), "cop-" + java.util.UUID.randomUUID());
    } catch (MoodleClientException e) {
      throw translate("Moodle could not send a message to user " + to, e);
    }
    if (!sent.delivered()) {
      throw new LmsRefusedException(
          "Moodle did not send the message to user " + to + ": " + sent.errormessage());
    }
  }

  /** Course files from the course's contents: files of "resource" and "folder" modules. */
  @Override
  public List<CourseFile> courseFiles(String courseId) {
    long course = courseId(courseId);
    try {
      List<CourseFile> files = new java.util.ArrayList<>();
      for (CourseApi.Section section : moodle.courses().contents(course)) {
        for (CourseApi.Module module : section.modules()) {
          if (!"resource".equals(module.modname()) && !"folder".equals(module.modname())) {
            continue;
          }
          for (CourseApi.Content c :
              module.contents() == null ? List.<CourseApi.Content>of() : module.contents()) {
            if ("file".equals(c.type()) && c.fileurl() != null) {
              files.add(
                  new CourseFile(
                      module.name(), c.filename(), c.fileurl(), c.filesize(), c.mimetype()));
            }
          }
        }
      }
      return files;
    } catch (MoodleClientException e) {
      throw translate("Moodle could not list the files of course " + courseId, e);
    }
  }

  @Override
  public FileDownload openFile(String url) {
    try {
      MoodleClient.FileStream file = moodle.client().openFile(url);
      return new FileDownload(file.body(), file.length(), file);
    } catch (MoodleClientException e) {
      throw translate("Moodle could not give the file " + url.replaceAll("[?].*", ""), e);
    }
  }

  @Override
  public String stageFile(String areaId, String fileName, byte[] content, String mediaType) {
    long area = areaId == null ? 0 : id("draft item", areaId);
    try {
      return Long.toString(
          moodle.files().uploadToDraft(area, fileName, content, mediaType).itemid());
    } catch (MoodleClientException e) {
      throw translate("Moodle could not take the file " + fileName, e);
    }
  }

  private static long id(String what, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw new LmsRefusedException("not a Moodle " + what + " id: " + value, e);
    }
  }

  private static List<GroupApi.Membership> memberships(String groupId, List<String> userIds) {
    long group = Long.parseLong(groupId);
    return userIds.stream().map(u -> new GroupApi.Membership(group, Long.parseLong(u))).toList();
  }

  private static long courseId(String courseId) {
    return id("course", courseId);
  }

  /** Transport problems and server faults may pass; a refusal (an errorcode) will not. */
  private static RuntimeException translate(String what, MoodleClientException e) {
    if (e instanceof MoodleException refused && !refused.isServerFault()) {
      return new LmsRefusedException(what + ": " + refused.errorcode(), e);
    }
    return new LmsUnavailableException(what + ": " + e.getMessage(), e);
  }

  /** What the latest probe that Moodle answered said about the site and the token's user. */
  public Optional<SiteApi.SiteInfo> site() {
    return Optional.ofNullable(site);
  }

  /** When Moodle was last probed, if it has been. */
  public Optional<Instant> probedAt() {
    Probe known = last;
    return known == null ? Optional.empty() : Optional.of(known.at());
  }

  /** The last probe's result; probes first only when there is none or it is too old. */
  @Override
  public LmsStatus status() {
    Probe known = last;
    if (known == null || Instant.now(clock).isAfter(known.at().plus(freshFor))) {
      return refresh();
    }
    return known.status();
  }

  /**
   * Asks Moodle now (one probe at a time; readers keep the previous answer meanwhile); logs changes
   * only.
   */
  public LmsStatus refresh() {
    synchronized (probing) {
      LmsStatus now;
      String reason = "";
      try {
        site = probe.siteInfo();
        now = LmsStatus.UP;
      } catch (MoodleException e) {
        now = LmsStatus.DOWN;
        reason = e.isServerFault() ? "server fault" : e.errorcode();
      } catch (MoodleTransportException e) {
        now = LmsStatus.DOWN;
        reason = e.kind().name().toLowerCase(java.util.Locale.ROOT);
      } catch (RuntimeException e) {
        now = LmsStatus.DOWN;
        reason = e.getClass().getSimpleName();
      }
      Probe previous = last;
      if (previous == null || previous.status() != now) {
        if (now == LmsStatus.UP) {
          LOG.info("Moodle is UP");
        } else {
          LOG.warn("Moodle is DOWN ({}); run 'doctor' for details", reason);
        }
      }
      last = new Probe(now, Instant.now(clock));
      return now;
    }
  }
}
