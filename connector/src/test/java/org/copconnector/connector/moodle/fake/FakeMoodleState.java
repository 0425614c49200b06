package org.copconnector.connector.moodle.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/** What the stand-in Moodle site holds; tests read it to check what the connector changed. */
public final class FakeMoodleState {

  /** A site user. */
  public record User(long id, String username, String firstname, String lastname, String email) {
    String fullname() {
      return firstname + " " + lastname;
    }
  }

  /** A course. */
  public record Course(long id, String shortname, String fullname) {}

  /** A course group. */
  public record Group(long id, long courseId, String name, String description, String idnumber) {}

  /** A forum and its course module; groupMode 0 none, 1 separate, 2 visible. */
  public record Forum(long id, long courseId, long cmid, String type, String name, int groupMode) {}

  /** A discussion; {@code firstPostId} is the post replies are attached to. */
  public record Discussion(
      long id,
      long forumId,
      long groupId,
      long firstPostId,
      String subject,
      long userId,
      long created,
      long modified,
      boolean pinned) {}

  /** A forum post. */
  public record Post(
      long id,
      long discussionId,
      Long parentId,
      String subject,
      String message,
      long userId,
      long created,
      long attachmentsId) {}

  /** An instant message; {@code format} is Moodle's text format (1 HTML, 2 plain text). */
  public record Message(long id, long toUserId, String text, int format, String clientMsgId) {}

  /** A calendar event; {@code description} is HTML. */
  public record Event(
      long id,
      String name,
      long courseId,
      long groupId,
      String eventType,
      long timeStart,
      long duration,
      String description) {}

  /** A file in a draft area. */
  public record DraftFile(long itemId, String filename, byte[] content) {}

  /**
   * A file of a forum post, copied from a draft area when the post was made: {@code area} "post"
   * (shown in its message through {@code @@PLUGINFILE@@}) or "attachment" (listed under it).
   */
  public record PostFile(long postId, String area, String filename, byte[] content) {}

  /** A file of a course's "resource" module, downloadable through pluginfile.php. */
  public record CourseFile(
      long courseId, long cmid, String module, String filename, byte[] content, String mimetype) {}

  /** Where the site answers, known once the stand-in has started (for file URLs). */
  public String baseUrl = "http://moodle.example.edu";

  public final List<CourseFile> courseFiles = new ArrayList<>();

  public String siteName = "Moodle Lab (connector test)";
  public String release = "4.5+ (Build: 20241205)";
  public String version = "2024100700.09";
  public boolean uploadFiles = true;
  public final long serviceUserId = 3;

  /**
   * Capabilities of the service user's role; by default those the README lists
   * (moodle-capabilities.txt). Functions refuse, hide or soften what Moodle does without one.
   */
  public final Set<String> capabilities =
      new TreeSet<>(org.copconnector.connector.doctor.RequiredFunctions.capabilities().keySet());

  /** Functions of the external service the token belongs to. */
  public final Set<String> serviceFunctions = new TreeSet<>();

  public final Map<Long, User> users = new LinkedHashMap<>();
  public final Map<Long, Course> courses = new LinkedHashMap<>();

  /** course id → user id → role shortnames. */
  public final Map<Long, Map<Long, List<String>>> enrolments = new LinkedHashMap<>();

  public final Map<Long, Group> groups = new LinkedHashMap<>();
  public final Map<Long, Set<Long>> groupMembers = new LinkedHashMap<>();
  public final Map<Long, Forum> forums = new LinkedHashMap<>();
  public final Map<Long, Discussion> discussions = new LinkedHashMap<>();
  public final Map<Long, Post> posts = new LinkedHashMap<>();
  public final List<Message> messages = new ArrayList<>();
  public final List<Event> events = java.util.Collections.synchronizedList(new ArrayList<>());
  public final List<DraftFile> draftFiles = new ArrayList<>();
  public final List<PostFile> postFiles = new ArrayList<>();

  /** Moodle's {@code $CFG->maxeditingtime}: how long an author may edit a post, in seconds. */
  public long maxEditingTime = 1800;

  /** When each edited post was last changed (Moodle's {@code modified}). */
  public final Map<Long, Long> postModified = new LinkedHashMap<>();

  private final AtomicLong ids = new AtomicLong(100);
  private final AtomicLong clock = new AtomicLong(1_795_475_491L);

  long nextId() {
    return ids.incrementAndGet();
  }

  long now() {
    return clock.incrementAndGet();
  }

  /** Moves the site's clock on (each call already takes a second). */
  public void advanceClock(long seconds) {
    clock.addAndGet(seconds);
  }

  /**
   * The lab site the samples were captured from: two department courses, five teachers, three
   * forums.
   */
  public static FakeMoodleState seeded() {
    FakeMoodleState s = new FakeMoodleState();
    s.addUser(new User(1, "guest", "Guest user", "", "root@localhost"));
    s.addUser(new User(3, "wsconnector", "WS", "Connector", "wsconnector@example.com"));
    s.addUser(new User(4, "teacher1", "Alice", "Anderson", "teacher1@example.com"));
    s.addUser(new User(5, "teacher2", "Bob", "Brown", "teacher2@example.com"));
    s.addUser(new User(6, "teacher3", "Carol", "Clark", "teacher3@example.com"));
    s.addUser(new User(7, "teacher4", "David", "Diaz", "teacher4@example.com"));
    s.addUser(new User(8, "teacher5", "Eve", "Evans", "teacher5@example.com"));
    s.addUser(new User(9, "outsider", "Olga", "Outsider", "outsider@example.com"));
    s.courses.put(2L, new Course(2, "SCI-COP", "Science Department CoP"));
    s.courses.put(3L, new Course(3, "LANG-DEP", "Language Department"));
    for (long user : List.of(4L, 5L, 6L)) {
      s.enrol(2, user, "editingteacher");
    }
    for (long user : List.of(4L, 7L, 8L)) {
      s.enrol(3, user, "editingteacher");
    }
    s.groups.put(
        1L, new Group(1, 2, "Physics Teachers", "Physics Teachers (created by setup_lab.php)", ""));
    s.groupMembers.put(1L, new LinkedHashSet<>(List.of(4L, 5L)));
    s.forums.put(1L, new Forum(1, 2, 1, "news", "Announcements", 0));
    s.forums.put(3L, new Forum(3, 2, 3, "general", "Science CoP General Discussion", 0));
    s.forums.put(4L, new Forum(4, 2, 4, "general", "Science CoP Group Forum", 1));
    s.serviceFunctions.addAll(
        List.of(
            "core_webservice_get_site_info",
            "core_course_get_courses_by_field",
            "core_course_get_contents",
            "core_enrol_get_enrolled_users",
            "core_user_get_users_by_field",
            "core_group_create_groups",
            "core_group_get_course_groups",
            "core_group_add_group_members",
            "core_group_delete_group_members",
            "core_group_get_group_members",
            "mod_forum_get_forums_by_courses",
            "mod_forum_get_forum_discussions",
            "mod_forum_get_discussion_posts",
            "mod_forum_add_discussion",
            "mod_forum_add_discussion_post",
            "mod_forum_update_discussion_post",
            "core_message_send_instant_messages",
            "core_calendar_create_calendar_events",
            "core_calendar_get_calendar_events",
            "core_calendar_delete_calendar_events"));
    return s;
  }

  public void addUser(User user) {
    users.put(user.id(), user);
  }

  public void enrol(long courseId, long userId, String role) {
    enrolments
        .computeIfAbsent(courseId, c -> new LinkedHashMap<>())
        .computeIfAbsent(userId, u -> new ArrayList<>())
        .add(role);
  }

  public boolean can(String capability) {
    return capabilities.contains(capability);
  }

  /** Whether the service user may enter the course at all (it is enrolled in none). */
  void requireCourse(long courseId) {
    if (!can("moodle/course:view")) {
      throw FakeMoodleError.courseNotAccessible(courseId);
    }
  }

  /** Moodle's check of one capability in a course the service user may enter. */
  void require(long courseId, String capability, String name) {
    requireCourse(courseId);
    if (!can(capability)) {
      throw FakeMoodleError.noPermission(name);
    }
  }

  public boolean isEnrolled(long courseId, long userId) {
    return enrolments.getOrDefault(courseId, Map.of()).containsKey(userId);
  }

  public List<Discussion> discussionsOf(long forumId) {
    return discussions.values().stream().filter(d -> d.forumId() == forumId).toList();
  }

  /** The files of a post's area ("post" or "attachment"), in the order they were made. */
  public List<PostFile> filesOf(long postId, String area) {
    return postFiles.stream().filter(f -> f.postId() == postId && f.area().equals(area)).toList();
  }

  /** The forum's module context, as its files' addresses carry it. */
  long contextOf(Forum forum) {
    return 1000 + forum.cmid();
  }

  /** A user's own context, where their draft areas are (Moodle's user context ids). */
  long userContextOf(long userId) {
    return 2000 + userId;
  }

  public List<Post> postsOf(long discussionId) {
    return posts.values().stream().filter(p -> p.discussionId() == discussionId).toList();
  }
}
