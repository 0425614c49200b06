package org.copconnector.connector.moodle.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stand-in answers the captured requests with the captured shapes (same keys, same errors). */
class FakeMoodleFidelityTest {

  private final OkHttpClient http = new OkHttpClient();
  private FakeMoodle fake;

  @BeforeEach
  void start() throws IOException {
    fake = new FakeMoodle().start();
    // State the captures were made against: a Manager role (it sees usernames), the calendar
    // function in the service, a discussion with one reply in the group forum.
    FakeMoodleState s = fake.state();
    s.capabilities.add("moodle/user:viewalldetails");
    s.capabilities.add("mod/forum:editanypost");
    s.serviceFunctions.add("core_calendar_create_calendar_events");
    s.serviceFunctions.add("core_calendar_get_calendar_events");
    s.serviceFunctions.add("core_calendar_delete_calendar_events");
    s.events.add(
        new FakeMoodleState.Event(
            1, "CoP meeting r1", 2, 0, "course", 1795561953, 3600, "<p>Monthly meeting</p>"));
    s.discussions.put(
        1L, new FakeMoodleState.Discussion(1, 4, 1, 1, "Group discussion r1", 3, 1, 1, false));
    s.posts.put(
        1L, new FakeMoodleState.Post(1, 1, null, "Group discussion r1", "<p>Hello</p>", 3, 1, 0));
    s.discussions.put(2L, new FakeMoodleState.Discussion(2, 3, -1, 2, "Welcome", 3, 2, 2, false));
    s.posts.put(2L, new FakeMoodleState.Post(2, 2, null, "Welcome", "<p>First</p>", 3, 2, 0));
    fake.replyInMoodle(1, 4, "Re: Group discussion r1", "<p>A reply</p>");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "core_webservice_get_site_info|wsfunction=core_webservice_get_site_info",
        "core_course_get_courses_by_field_ids|wsfunction=core_course_get_courses_by_field&field=ids&value=2,3",
        "core_course_get_contents|wsfunction=core_course_get_contents&courseid=2",
        "core_enrol_get_enrolled_users|wsfunction=core_enrol_get_enrolled_users&courseid=2",
        "core_enrol_get_enrolled_users_userfields|wsfunction=core_enrol_get_enrolled_users&courseid=2&options[0][name]=limitfrom&options[0][value]=0&options[1][name]=limitnumber&options[1][value]=3&options[2][name]=userfields&options[2][value]=id,fullname,email,roles",
        "core_user_get_users_by_field_username|wsfunction=core_user_get_users_by_field&field=username&values[0]=teacher2",
        "core_user_get_users_by_field_nomatch|wsfunction=core_user_get_users_by_field&field=username&values[0]=nobody",
        "core_group_create_groups|wsfunction=core_group_create_groups&groups[0][courseid]=2&groups[0][name]=Chem&groups[0][description]=x&groups[0][descriptionformat]=1&groups[0][idnumber]=C",
        "core_group_create_groups_duplicate_name|wsfunction=core_group_create_groups&groups[0][courseid]=2&groups[0][name]=Physics Teachers&groups[0][description]=dup",
        "core_group_get_course_groups|wsfunction=core_group_get_course_groups&courseid=2",
        "core_group_add_group_members|wsfunction=core_group_add_group_members&members[0][groupid]=1&members[0][userid]=6",
        "core_group_add_group_members_not_enrolled|wsfunction=core_group_add_group_members&members[0][groupid]=1&members[0][userid]=9",
        "core_group_delete_group_members|wsfunction=core_group_delete_group_members&members[0][groupid]=1&members[0][userid]=5",
        "core_group_get_group_members|wsfunction=core_group_get_group_members&groupids[0]=1",
        "mod_forum_get_forums_by_courses|wsfunction=mod_forum_get_forums_by_courses&courseids[0]=2",
        "mod_forum_get_forum_discussions_paged|wsfunction=mod_forum_get_forum_discussions&forumid=3&sortorder=-1&page=0&perpage=5&groupid=0",
        "mod_forum_get_discussion_posts|wsfunction=mod_forum_get_discussion_posts&discussionid=1&sortby=created&sortdirection=ASC",
        "mod_forum_add_discussion_group|wsfunction=mod_forum_add_discussion&forumid=4&subject=G&message=m&groupid=1&options[0][name]=discussionsubscribe&options[0][value]=1",
        "mod_forum_add_discussion_post|wsfunction=mod_forum_add_discussion_post&postid=1&subject=Re: G&message=m",
        "mod_forum_update_discussion_post|wsfunction=mod_forum_update_discussion_post&postid=1&subject=&message=<p>x</p>&messageformat=1",
        "error_invalid_post_id|wsfunction=mod_forum_update_discussion_post&postid=999999&subject=x&message=y",
        "mod_forum_add_discussion_unknown_option|wsfunction=mod_forum_add_discussion&forumid=3&subject=x&message=y&options[0][name]=foo&options[0][value]=1",
        "core_calendar_create_calendar_events|wsfunction=core_calendar_create_calendar_events&events[0][name]=M&events[0][courseid]=2&events[0][eventtype]=course&events[0][timestart]=1795561953",
        "core_calendar_get_calendar_events|wsfunction=core_calendar_get_calendar_events&events[courseids][0]=2&options[userevents]=0&options[siteevents]=0&options[timestart]=1795475553&options[timeend]=1798067553",
        "core_calendar_delete_calendar_events|wsfunction=core_calendar_delete_calendar_events&events[0][eventid]=1&events[0][repeat]=0",
        "error_event_not_found|wsfunction=core_calendar_delete_calendar_events&events[0][eventid]=999999&events[0][repeat]=0",
        "core_message_send_instant_messages|wsfunction=core_message_send_instant_messages&messages[0][touserid]=4&messages[0][text]=Hi&messages[0][textformat]=1&messages[0][clientmsgid]=c1",
        "core_message_send_instant_messages_unknown_user|wsfunction=core_message_send_instant_messages&messages[0][touserid]=999999&messages[0][text]=x&messages[0][clientmsgid]=c",
        "core_message_send_instant_messages_mixed_BUG|wsfunction=core_message_send_instant_messages&messages[0][touserid]=6&messages[0][text]=a&messages[1][touserid]=999999&messages[1][text]=b",
        "error_array_param_without_index|wsfunction=mod_forum_get_forums_by_courses&courseids=2",
        "error_course_not_found|wsfunction=core_course_get_contents&courseid=99999",
        "error_discussion_not_found|wsfunction=mod_forum_get_discussion_posts&discussionid=99999",
        "error_enrolled_users_bad_course|wsfunction=core_enrol_get_enrolled_users&courseid=99999",
        "error_enrolled_users_invalid_userfield|wsfunction=core_enrol_get_enrolled_users&courseid=2&options[0][name]=userfields&options[0][value]=id,bogus",
        "error_forum_not_found|wsfunction=mod_forum_add_discussion&forumid=99999&subject=x&message=y",
        "error_group_not_found|wsfunction=core_group_get_group_members&groupids[0]=99999",
        "error_invalid_function|wsfunction=core_does_not_exist",
        "error_invalid_parameter_type|wsfunction=core_course_get_contents&courseid=abc",
        "error_missing_parameter|wsfunction=core_course_get_contents",
        "error_missing_wsfunction|",
        "error_unexpected_param|wsfunction=core_course_get_contents&courseid=2&bogus=1",
      })
  void answersHaveTheCapturedShape(String sample, String request) throws IOException {
    FormBody.Builder form =
        new FormBody.Builder().add("wstoken", FakeMoodle.TOKEN).add("moodlewsrestformat", "json");
    if (request != null) {
      for (String pair : request.split("&")) {
        String[] kv = pair.split("=", 2);
        form.add(kv[0], kv[1]);
      }
    }
    Request call =
        new Request.Builder()
            .url(fake.url().resolve("webservice/rest/server.php"))
            .post(form.build())
            .build();
    try (Response response = http.newCall(call).execute()) {
      assertEquals(200, response.code());
      assertEquals("application/json", response.header("Content-Type"));
      JsonElement actual = JsonParser.parseString(response.body().string());
      JsonElement expected = Samples.json(sample);
      assertEquals(shape(expected), shape(actual), sample);
      if (expected.isJsonObject() && expected.getAsJsonObject().has("exception")) {
        assertEquals(expected, actual, "errors are answered word for word");
      }
    }
  }

  @Test
  void anEditMoodleRefusesIsAnsweredWordForWord() throws IOException {
    // With the README's capabilities only: a teacher's post may not be edited, nor its own past
    // Moodle's editing time.
    fake.state().capabilities.remove("mod/forum:editanypost");
    long teachers = fake.replyInMoodle(1, 4, "Re: Group discussion r1", "<p>Mine</p>");
    fake.state()
        .posts
        .put(
            3L,
            new FakeMoodleState.Post(3, 1, 1L, "Re: Group discussion r1", "<p>Own</p>", 3, 1, 0));
    for (long post : List.of(teachers, 3L)) {
      FormBody form =
          new FormBody.Builder()
              .add("wstoken", FakeMoodle.TOKEN)
              .add("moodlewsrestformat", "json")
              .add("wsfunction", "mod_forum_update_discussion_post")
              .add("postid", Long.toString(post))
              .add("subject", "")
              .add("message", "z")
              .build();
      Request call =
          new Request.Builder()
              .url(fake.url().resolve("webservice/rest/server.php"))
              .post(form)
              .build();
      try (Response response = http.newCall(call).execute()) {
        assertEquals(
            Samples.json("error_cannot_update_post"),
            JsonParser.parseString(response.body().string()));
      }
    }
  }

  /**
   * Keys of an object, or of the first element of an array, one level deep plus nested first
   * elements.
   */
  private static Set<String> shape(JsonElement json) {
    Set<String> keys = new TreeSet<>();
    collect("", json, keys, 0);
    return keys;
  }

  private static void collect(String prefix, JsonElement json, Set<String> keys, int depth) {
    if (json == null || json.isJsonNull() || depth > 3) {
      keys.add(prefix + (json == null || json.isJsonNull() ? ":null" : ""));
      return;
    }
    if (json.isJsonArray()) {
      keys.add(prefix + "[]");
      if (!json.getAsJsonArray().isEmpty()) {
        collect(prefix + "[0]", json.getAsJsonArray().get(0), keys, depth + 1);
      }
    } else if (json.isJsonObject()) {
      JsonObject object = json.getAsJsonObject();
      for (String key : object.keySet()) {
        JsonElement value = object.get(key);
        if (value.isJsonObject() || value.isJsonArray()) {
          collect(prefix + "." + key, value, keys, depth + 1);
        } else {
          keys.add(prefix + "." + key);
        }
      }
    }
  }
}
