package org.copconnector.connector.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.doctor.CheckResult;
import org.copconnector.connector.doctor.Doctor;
import org.copconnector.connector.doctor.RequiredFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in: the client's read functions and doctor against a real Moodle. Runs only when {@code
 * MOODLE_URL} and {@code MOODLE_TOKEN} are set; changes nothing on the site.
 */
@EnabledIfEnvironmentVariable(named = "MOODLE_URL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "MOODLE_TOKEN", matches = ".+")
class LiveMoodleTest {

  @TempDir Path dataDir;

  private ConnectorConfig config() {
    return new ConfigLoader(
            Map.of(
                "COP_MOODLE_URL", System.getenv("MOODLE_URL"),
                "COP_MOODLE_TOKEN", System.getenv("MOODLE_TOKEN"),
                "COP_DATA_DIR", dataDir.toString()),
            dataDir.resolve("none"))
        .load(null);
  }

  @Test
  void readFunctionsAnswerInTheShapesWeModel() {
    Moodle moodle = Moodle.connect(new OkHttpClient(), config().moodle().orElseThrow());
    SiteApi.SiteInfo site = moodle.site().siteInfo();
    assertTrue(site.userid() > 0);
    System.out.println(
        "live: " + site.sitename() + ", " + site.release() + ", token of " + site.username());

    List<CourseApi.Course> courses =
        moodle.courses().allCourses().courses().stream().filter(c -> c.id() != 1).toList();
    if (courses.isEmpty()) {
      return;
    }
    CourseApi.Course course = courses.get(0);
    assertEquals(
        course.id(),
        moodle
            .courses()
            .coursesByField(CourseApi.Field.ID, Long.toString(course.id()))
            .courses()
            .get(0)
            .id());
    assertNotNull(moodle.courses().contents(course.id()));
    List<EnrolApi.EnrolledUser> people = moodle.enrolments().page(course.id(), 0, 50);
    if (!people.isEmpty()) {
      long userId = people.get(0).id();
      assertEquals(
          userId,
          moodle
              .users()
              .usersByField(UserApi.Field.ID, List.of(Long.toString(userId)))
              .get(0)
              .id());
    }
    assertNotNull(moodle.groups().courseGroups(course.id()));
    List<ForumApi.Forum> forums = moodle.forums().forumsByCourses(List.of(course.id()));
    if (!forums.isEmpty()) {
      ForumApi.DiscussionPage page =
          moodle
              .forums()
              .discussions(forums.get(0).id(), ForumApi.SortOrder.LAST_POST_DESC, 0, 5, null);
      if (!page.discussions().isEmpty()) {
        assertFalse(
            moodle
                .forums()
                .discussionPosts(page.discussions().get(0).discussion())
                .posts()
                .isEmpty());
      }
    }
  }

  @Test
  void doctorReachesTheSiteAndAcceptsTheToken() {
    ConnectorConfig config = config();
    OkHttpClient http = new OkHttpClient();
    Doctor doctor =
        new Doctor(config, s -> Moodle.connect(http, s), RequiredFunctions.load(), http);
    List<CheckResult> results = doctor.run();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Doctor.print(results, new PrintStream(out, true, StandardCharsets.UTF_8));
    System.out.println(out.toString(StandardCharsets.UTF_8));
    for (String name : List.of("Moodle answers", "Token valid", "Moodle release")) {
      assertEquals(
          CheckResult.Outcome.PASS,
          results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().outcome(),
          name);
    }
  }
}
