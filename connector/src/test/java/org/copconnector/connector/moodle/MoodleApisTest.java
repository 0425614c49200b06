package org.copconnector.connector.moodle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.moodle.ForumApi.DiscussionOptions;
import org.copconnector.connector.moodle.ForumApi.NewDiscussion;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodle.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each typed method against the stand-in: what is sent on the wire and what comes back. */
class MoodleApisTest {

  private FakeMoodle fake;
  private Moodle moodle;

  @BeforeEach
  void start() throws IOException {
    fake = new FakeMoodle().start();
    moodle = MoodleFixture.moodle(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void tokenTravelsInTheBodyNeverInTheUrl() {
    moodle.site().siteInfo();
    Call call = fake.calls().get(0);
    assertEquals("/webservice/rest/server.php", call.target());
    assertEquals(List.of(FakeMoodle.TOKEN), fake.receivedTokens());
  }

  @Test
  void siteInfoNamesTheTokensOwnerAndFunctions() {
    SiteApi.SiteInfo info = moodle.site().siteInfo();
    assertEquals("wsconnector", info.username());
    assertEquals(3, info.userid());
    assertEquals("4.5+ (Build: 20241205)", info.release());
    assertTrue(info.uploadsAllowed());
    assertTrue(info.functionNames().contains("mod_forum_add_discussion"));
  }

  @Test
  void coursesAndContents() {
    CourseApi.Courses courses = moodle.courses().coursesByField(CourseApi.Field.IDS, "2,3");
    assertEquals(
        List.of("SCI-COP", "LANG-DEP"),
        courses.courses().stream().map(CourseApi.Course::shortname).toList());
    assertEquals(Map.of("field", "ids", "value", "2,3"), fake.calls().get(0).params());
    List<CourseApi.Section> sections = moodle.courses().contents(2);
    CourseApi.Module groupForum =
        sections.get(0).modules().stream().filter(m -> m.instance() == 4).findFirst().orElseThrow();
    assertEquals(1, groupForum.groupmode());
    assertEquals("forum", groupForum.modname());
  }

  @Test
  void usersByField() {
    List<UserApi.User> users =
        moodle
            .users()
            .usersByField(
                UserApi.Field.EMAIL, List.of("teacher1@example.com", "nobody@example.com"));
    assertEquals(1, users.size());
    assertEquals("Alice Anderson", users.get(0).fullname());
    assertEquals(
        Map.of(
            "field",
            "email",
            "values[0]",
            "teacher1@example.com",
            "values[1]",
            "nobody@example.com"),
        fake.calls().get(0).params());
  }

  @Test
  void groupsCreateAddListRemove() {
    GroupApi groups = moodle.groups();
    GroupApi.Group created =
        groups
            .createGroups(
                List.of(new GroupApi.NewGroup(2, "Chemistry Teachers", "CoP", 1, "cop-7")))
            .get(0);
    assertEquals(
        Map.of(
            "groups[0][courseid]",
            "2",
            "groups[0][name]",
            "Chemistry Teachers",
            "groups[0][description]",
            "CoP",
            "groups[0][descriptionformat]",
            "1",
            "groups[0][idnumber]",
            "cop-7"),
        fake.calls().get(0).params());
    groups.addMembers(
        List.of(
            new GroupApi.Membership(created.id(), 4), new GroupApi.Membership(created.id(), 6)));
    assertEquals(List.of(4L, 6L), groups.groupMembers(List.of(created.id())).get(0).userids());
    groups.deleteMembers(List.of(new GroupApi.Membership(created.id(), 4)));
    assertEquals(List.of(6L), List.copyOf(fake.state().groupMembers.get(created.id())));
    assertEquals(2, groups.courseGroups(2).size());
  }

  @Test
  void discussionInAGroupAndAReplyToItsFirstPost() {
    ForumApi forums = moodle.forums();
    assertEquals(
        List.of(1L, 3L, 4L),
        forums.forumsByCourses(List.of(2L)).stream().map(ForumApi.Forum::id).toList());
    long discussionId =
        forums
            .addDiscussion(
                new NewDiscussion(
                    4, "Lesson study", "<p>Plan</p>", 1L, new DiscussionOptions(true, false, null)))
            .discussionid();
    Call sent = fake.calls("mod_forum_add_discussion").get(0);
    assertEquals("1", sent.params().get("groupid"));
    assertEquals("discussionsubscribe", sent.params().get("options[0][name]"));
    assertEquals("1", sent.params().get("options[0][value]"));
    assertEquals("0", sent.params().get("options[1][value]"));
    assertFalse(sent.params().containsKey("options[2][name]"), "null options are not sent");
    assertEquals(1, fake.state().discussions.get(discussionId).groupId());

    ForumApi.Discussion listed =
        forums.discussions(4, ForumApi.SortOrder.LAST_POST_DESC, 0, 10, null).discussions().get(0);
    assertEquals(discussionId, listed.discussion());
    long reply =
        forums.addDiscussionPost(listed.id(), "Re: Lesson study", "<p>Agreed</p>", null).postid();
    List<ForumApi.Post> posts = forums.discussionPosts(discussionId).posts();
    assertEquals(2, posts.size());
    assertNull(posts.get(0).parentid());
    assertEquals(reply, posts.get(1).id());
    assertEquals(listed.id(), posts.get(1).parentid());
    assertEquals("WS Connector", posts.get(1).author().fullname());
  }

  @Test
  void forumWithoutGroupModeStoresAllParticipants() {
    long id =
        moodle
            .forums()
            .addDiscussion(
                new NewDiscussion(3, "Welcome", "<p>ünïcødé & <i>html</i> 😀</p>", 1L, null))
            .discussionid();
    assertEquals(-1, fake.state().discussions.get(id).groupId());
    assertEquals(
        "<p>ünïcødé & <i>html</i> 😀</p>",
        fake.state().posts.get(fake.state().discussions.get(id).firstPostId()).message());
  }

  @Test
  void discussionsArePaged() {
    for (int i = 0; i < 7; i++) {
      moodle.forums().addDiscussion(new NewDiscussion(3, "D" + i, "m", null, null));
    }
    ForumApi.DiscussionPage page1 =
        moodle.forums().discussions(3, ForumApi.SortOrder.CREATED_ASC, 1, 5, null);
    assertEquals(
        List.of("D5", "D6"), page1.discussions().stream().map(ForumApi.Discussion::name).toList());
    assertEquals(
        Map.of("forumid", "3", "sortorder", "4", "page", "1", "perpage", "5"),
        fake.calls("mod_forum_get_forum_discussions").get(0).params());
  }

  @Test
  void calendarEvents() {
    // No feature creates events yet, so the connector's service does not include the function.
    fake.state().serviceFunctions.add("core_calendar_create_calendar_events");
    CalendarApi.CreatedEvents events =
        moodle
            .calendar()
            .createEvents(
                List.of(
                    new CalendarApi.NewEvent(
                        "CoP meeting",
                        "<p>Monthly</p>",
                        1,
                        2L,
                        null,
                        "course",
                        1_795_561_953L,
                        3600L,
                        1),
                    new CalendarApi.NewEvent(
                        "Group session", null, null, 2L, 1L, "group", 1_795_648_353L, null, null)));
    assertEquals(2, events.events().size());
    assertEquals("group", fake.state().events.get(1).eventType());
    Map<String, String> sent = fake.calls().get(0).params();
    assertEquals("course", sent.get("events[0][eventtype]"));
    assertFalse(sent.containsKey("events[1][description]"));
  }

  @Test
  void messagesAreSentAsPlainText() {
    assertTrue(moodle.messages().send(5, "New reply\nin «Planning»", "n-1").delivered());
    assertEquals("New reply\nin «Planning»", fake.state().messages.get(0).text());
    Map<String, String> sent = fake.calls("core_message_send_instant_messages").get(0).params();
    assertEquals("2", sent.get("messages[0][textformat]"), "Moodle's FORMAT_PLAIN");
    assertEquals("n-1", sent.get("messages[0][clientmsgid]"));
  }

  @Test
  void whetherSomeoneMayBeMessagedIsAskedWithoutSending() {
    assertTrue(moodle.messages().refusalToMessage(1).isEmpty());
    fake.state().capabilities.remove("moodle/site:messageanyuser");
    assertTrue(moodle.messages().refusalToMessage(1).orElseThrow().contains("message preferences"));
    assertTrue(fake.state().messages.isEmpty(), "the probe sends nothing");
  }

  @Test
  void uploadToDraftAreaThenAttach() {
    byte[] content = "Rubric for lab reports\n".getBytes(StandardCharsets.UTF_8);
    FileApi.DraftFile draft = moodle.files().uploadToNewDraft("rubric.txt", content, "text/plain");
    assertEquals(3, draft.userid(), "Moodle's string userid is read as a number");
    assertEquals(content.length, draft.filesize());
    assertArrayEquals(content, fake.state().draftFiles.get(0).content());
    assertEquals("/webservice/upload.php", fake.calls("upload.php").get(0).target());
    long id =
        moodle
            .forums()
            .addDiscussion(
                new NewDiscussion(
                    3,
                    "Rubric",
                    "See attached",
                    null,
                    new DiscussionOptions(null, null, draft.itemid())))
            .discussionid();
    assertEquals(
        draft.itemid(),
        fake.state().posts.get(fake.state().discussions.get(id).firstPostId()).attachmentsId());
  }
}
