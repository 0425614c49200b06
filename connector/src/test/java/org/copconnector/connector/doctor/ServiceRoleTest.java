package org.copconnector.connector.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.doctor.CheckResult.Outcome;
import org.copconnector.connector.lab.MoodleLab;
import org.copconnector.connector.lab.RealMoodle;
import org.copconnector.connector.moodle.CourseApi;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.moodle.UserApi;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.LmsRefusedException;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's service role on a real Moodle 4.5: with exactly the capabilities of
 * config/moodle-capabilities.txt, doctor passes and every function of moodle-functions.txt does its
 * work; with one taken away, doctor names it. Switches the lab's role and puts the Manager role
 * back at the end.
 */
@RealMoodle
@TestMethodOrder(OrderAnnotation.class)
class ServiceRoleTest {

  private static final Path CAPABILITIES = MoodleLab.projectFile("config/moodle-capabilities.txt");

  private static MoodleLab lab;
  @TempDir static Path dataDir;

  /** Web-service functions called through {@link #http}, in order. */
  private static final List<String> called =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  private static final OkHttpClient http =
      new OkHttpClient.Builder()
          .addInterceptor(
              chain -> {
                if (chain.request().body() instanceof FormBody form) {
                  for (int i = 0; i < form.size(); i++) {
                    if (form.name(i).equals("wsfunction")) {
                      called.add(form.value(i));
                    }
                  }
                }
                return chain.proceed(chain.request());
              })
          .build();

  @BeforeAll
  static void useTheReadmeRole() {
    lab = MoodleLab.get();
    lab.useRoleWith(CAPABILITIES);
  }

  @AfterAll
  static void putTheManagerRoleBack() {
    lab.useManagerRole();
  }

  private static ConnectorConfig config() {
    Map<String, String> env = new java.util.HashMap<>(lab.connectorEnvironment(dataDir));
    return new ConfigLoader(env, dataDir.resolve("none.properties")).load(null);
  }

  private static Moodle moodle() {
    return Moodle.connect(http, config().moodle().orElseThrow());
  }

  private static MoodleLms lms() {
    Moodle moodle = moodle();
    return new MoodleLms(moodle, 500, moodle.site(), Clock.systemUTC(), Duration.ofSeconds(30));
  }

  private static List<CheckResult> doctor() {
    ConnectorConfig config = config();
    try (Database db = Database.open(config.database())) {
      db.migrate();
    }
    return new Doctor(config, s -> Moodle.connect(http, s), RequiredFunctions.load(), http).run();
  }

  private static CheckResult check(List<CheckResult> results, String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static long messagesStored() {
    return lab.count("SELECT count(*) FROM mdl_messages");
  }

  @Test
  @Order(1)
  void doctorPassesWithExactlyTheReadmeCapabilitiesAndSendsNothing() {
    long before = messagesStored();
    List<CheckResult> results = doctor();
    assertTrue(results.stream().allMatch(r -> r.outcome() == Outcome.PASS), results.toString());
    assertEquals(before, messagesStored(), "the message check stores no message");
  }

  @Test
  @Order(2)
  void aNotificationReachesATeacherWhoSharesNoCourseAsReadablePlainText() {
    long teacher = lab.userId("teacher5");
    String marker = "ref-" + UUID.randomUUID();
    lms()
        .sendMessage(
            Long.toString(teacher),
            "<p><strong>Alice Anderson</strong> replied in «Plan &amp; test» (Física):</p><p>"
                + marker
                + "</p>");
    List<Map<String, Object>> rows =
        lab.query(
            "SELECT m.useridfrom, m.smallmessage, m.fullmessage, m.fullmessageformat"
                + " FROM mdl_messages m JOIN mdl_message_conversation_members cm"
                + " ON cm.conversationid = m.conversationid AND cm.userid = ?"
                + " WHERE m.smallmessage LIKE ?",
            teacher,
            "%" + marker + "%");
    assertEquals(1, rows.size(), "one message in the teacher's conversation");
    Map<String, Object> row = rows.get(0);
    assertEquals(lab.userId("wsconnector"), ((Number) row.get("useridfrom")).longValue());
    assertEquals(
        "Alice Anderson replied in «Plan & test» (Física):\n" + marker, row.get("smallmessage"));
    assertEquals(2, ((Number) row.get("fullmessageformat")).intValue(), "FORMAT_PLAIN");
  }

  @Test
  @Order(3)
  void peopleAreFoundByEmailAndParticipantsComeWithTheirAddresses() {
    String email =
        lab.ids().getAsJsonObject("users").getAsJsonObject("student1").get("email").getAsString();
    List<UserApi.User> found = moodle().users().usersByField(UserApi.Field.EMAIL, List.of(email));
    assertEquals(1, found.size(), "a look-up by e-mail finds the person");
    assertEquals(lab.userId("student1"), found.get(0).id());

    List<Participant> participants = lms().participants(Long.toString(lab.courseId("SCI-COP")));
    Participant student =
        participants.stream()
            .filter(p -> p.lmsUserId().equals(Long.toString(lab.userId("student1"))))
            .findFirst()
            .orElseThrow(() -> new AssertionError("students are listed: " + participants));
    assertEquals(email, student.email());
  }

  @Test
  @Order(4)
  void everyFunctionOfTheListDoesItsWork() throws IOException {
    called.clear();
    MoodleLms lms = lms();
    Moodle moodle = moodle();
    String course = Long.toString(lab.courseId("MAT-COP"));
    String forum = Long.toString(lab.forumId("MAT-COP", 1));
    String teacher = Long.toString(lab.userId("teacher5"));

    moodle.site().siteInfo();
    assertEquals(
        "MAT-COP",
        moodle.courses().coursesByField(CourseApi.Field.ID, course).courses().get(0).shortname());
    assertFalse(lms.participants(course).isEmpty());
    assertFalse(moodle.users().usersByField(UserApi.Field.ID, List.of(teacher)).isEmpty());

    String idnumber = "cop-anchor-role-" + UUID.randomUUID();
    String group = lms.ensureGroup(course, "Role check " + idnumber.substring(17), idnumber);
    lms.addGroupMembers(group, List.of(teacher));
    assertEquals(
        1L,
        lab.count(
            "SELECT COUNT(*) FROM mdl_groups_members WHERE groupid = ? AND userid = ?",
            Long.parseLong(group),
            Long.parseLong(teacher)));

    assertTrue(
        lms.forums(course).stream().anyMatch(f -> f.id().equals(forum) && f.groupMode() == 1));
    String draft = lms.stageAttachment("rubric.txt", "Rubric\n".getBytes(), "text/plain");
    String marker = "ref cop-role-" + UUID.randomUUID();
    Lms.PostedDiscussion posted =
        lms.startDiscussion(
            new Lms.NewDiscussion(
                course, forum, group, "Role check", "<p>Started. " + marker + "</p>", draft));
    assertEquals(
        1,
        lab.count(
            "SELECT count(*) FROM mdl_files WHERE component = 'mod_forum' AND filearea ="
                + " 'attachment' AND itemid = ? AND filename = 'rubric.txt'",
            Long.parseLong(posted.firstPostId())),
        "the attachment reached the post");
    String reply = lms.reply(posted.firstPostId(), "Re: Role check", "<p>Replied.</p>");
    assertTrue(lms.editPost(reply, "", "<p>Replied, then edited.</p>"), "its own post edited");
    assertEquals(posted, lms.findDiscussion(forum, group, marker).orElseThrow());
    assertTrue(
        lms.discussionsChangedSince(forum, 0).stream()
            .anyMatch(d -> d.discussionId().equals(posted.discussionId())));
    assertTrue(lms.posts(posted.discussionId()).stream().anyMatch(p -> p.id().equals(reply)));
    lms.removeGroupMembers(group, List.of(teacher));

    Lms.CourseFile file = lms.courseFiles(Long.toString(lab.courseId("SCI-COP"))).get(0);
    try (Lms.FileDownload download = lms.openFile(file.url())) {
      assertTrue(download.body().readAllBytes().length > 0, "course files download");
    }
    lms.sendMessage(teacher, "<p>Role check " + marker + "</p>");
    long start = java.time.Instant.now().plus(java.time.Duration.ofDays(40)).getEpochSecond();
    String event =
        lms.createCourseEvent(
            new Lms.CourseEvent(course, "Role check", "<p>" + marker + "</p>", start, 3600));
    assertEquals(List.of(event), lms.findCourseEvents(course, start, marker));
    lms.deleteEvent(event);
    assertEquals(List.of(), lms.findCourseEvents(course, start, marker));

    Set<String> missed = new TreeSet<>(RequiredFunctions.load().keySet());
    missed.removeAll(called);
    assertEquals(Set.of(), missed, "every function of moodle-functions.txt was called");
  }

  @Test
  @Order(5)
  void withoutMessageAnyUserDoctorNamesItAndNotificationsAreRefused() throws IOException {
    withoutCapability(
        "moodle/site:messageanyuser",
        () -> {
          CheckResult messages = check(doctor(), "Messages");
          assertEquals(Outcome.FAIL, messages.outcome());
          assertTrue(
              messages.detail().contains("lacks moodle/site:messageanyuser"), messages.detail());
          assertTrue(messages.fix().startsWith("allow moodle/site:messageanyuser in "));
          assertThrows(
              LmsRefusedException.class,
              () -> lms().sendMessage(Long.toString(lab.userId("teacher5")), "<p>Hello</p>"));
        });
  }

  @Test
  @Order(6)
  void withoutViewUserIdentityDoctorNamesItAndEmailLookUpsFindNoOne() throws IOException {
    withoutCapability(
        "moodle/site:viewuseridentity",
        () -> {
          CheckResult people = check(doctor(), "People look-up");
          assertEquals(Outcome.FAIL, people.outcome());
          assertTrue(
              people.detail().contains("lacks moodle/site:viewuseridentity"), people.detail());
          String email =
              lab.ids()
                  .getAsJsonObject("users")
                  .getAsJsonObject("student1")
                  .get("email")
                  .getAsString();
          assertEquals(
              List.of(), moodle().users().usersByField(UserApi.Field.EMAIL, List.of(email)));
        });
  }

  /** Runs {@code body} with the README's role less one capability, then gives it back. */
  private static void withoutCapability(String capability, Runnable body) throws IOException {
    Path fewer = dataDir.resolve("without-" + capability.replace('/', '-') + ".txt");
    Files.write(
        fewer,
        Files.readAllLines(CAPABILITIES).stream()
            .filter(line -> !line.startsWith(capability + " "))
            .collect(Collectors.toList()));
    lab.useRoleWith(fewer);
    try {
      body.run();
    } finally {
      lab.useRoleWith(CAPABILITIES);
    }
  }
}
