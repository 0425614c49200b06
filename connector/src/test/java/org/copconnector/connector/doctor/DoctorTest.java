package org.copconnector.connector.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.doctor.CheckResult.Outcome;
import org.copconnector.connector.lab.MoodleLab;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodle.Fault;
import org.copconnector.connector.moodle.fake.FakeMoodle.TokenState;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.plugin.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each doctor check passing, and each failing with its fix. */
class DoctorTest {

  @TempDir Path dataDir;
  private FakeMoodle fake;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() throws IOException {
    fake = new FakeMoodle().start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private ConnectorConfig config(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("COP_DATA_DIR", dataDir.toString());
    env.put("COP_MOODLE_URL", fake.urlString());
    env.put("COP_MOODLE_TOKEN", FakeMoodle.TOKEN);
    env.put("COP_MOODLE_TIMEOUT_SECONDS", "2");
    env.put("COP_MOODLE_READ_RETRIES", "0");
    env.putAll(overrides);
    env.values().removeIf(String::isEmpty);
    return new ConfigLoader(env, dataDir.resolve("none.properties")).load(null);
  }

  private List<CheckResult> run(ConnectorConfig config) {
    return new Doctor(config, s -> Moodle.connect(http, s), RequiredFunctions.load(), http).run();
  }

  private void migrate(ConnectorConfig config) {
    try (Database db = Database.open(config.database())) {
      db.migrate();
    }
  }

  private static CheckResult check(List<CheckResult> results, String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static String print(List<CheckResult> results, int[] exit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exit[0] = Doctor.print(results, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everythingPasses() {
    ConnectorConfig config = config(Map.of());
    migrate(config);
    List<CheckResult> results = run(config);
    assertTrue(results.stream().allMatch(r -> r.outcome() == Outcome.PASS), results.toString());
    assertEquals(13, results.size());
    assertEquals(
        java.util.Arrays.stream(Check.values()).map(Check::id).toList(),
        results.stream().map(CheckResult::id).toList(),
        "every check once, in the catalogue's order");
    assertTrue(
        check(results, "Token valid").detail().contains("WS Connector (wsconnector, user id 3)"));
    assertEquals("4.5+ (Build: 20241205)", check(results, "Moodle release").detail());
    int[] exit = new int[1];
    String printed = print(results, exit);
    assertEquals(0, exit[0]);
    assertTrue(printed.contains("All 13 checks passed."), printed);
    assertTrue(fake.state().messages.isEmpty(), "the message check sends nothing");
    assertTrue(
        check(results, "Forums").detail().contains("not checked: ")
            && check(results, "Forums").detail().contains("mod/forum:createattachment"),
        "what cannot be tried is said: " + check(results, "Forums").detail());
  }

  @ParameterizedTest(name = "without {0}")
  @CsvSource({
    "moodle/course:view, Course access",
    "moodle/course:viewparticipants, Participants",
    "moodle/user:viewdetails, People look-up",
    "moodle/site:viewuseridentity, People look-up",
    "moodle/course:managegroups, Groups",
    "mod/forum:viewdiscussion, Forums",
    "mod/forum:startdiscussion, Forums",
    "moodle/site:accessallgroups, Forums",
    "mod/forum:replypost, Forums",
    "moodle/site:sendmessage, Messages",
    "moodle/site:messageanyuser, Messages",
  })
  void aMissingCapabilityIsNamedWithItsFix(String capability, String checkName) {
    startDiscussionInForumWithoutGroups();
    fake.state().capabilities.remove(capability);
    List<CheckResult> results = run(config(Map.of()));
    CheckResult failed = check(results, checkName);
    assertEquals(Outcome.FAIL, failed.outcome(), failed.toString());
    assertTrue(failed.detail().contains("lacks " + capability), failed.detail());
    assertTrue(failed.fix().startsWith("allow " + capability + " in "), failed.fix());
    assertEquals("missing_capability", failed.reason());
    assertEquals(capability, failed.params().get("capability"));
    List<CheckResult> others =
        results.stream()
            .filter(r -> r.outcome() == Outcome.FAIL && !r.name().equals("Database"))
            .toList();
    if (!capability.equals("moodle/course:view")) {
      assertEquals(List.of(failed), others, "only the check needing " + capability + " fails");
    }
    assertTrue(fake.state().messages.isEmpty(), "the message check sends nothing");
  }

  @Test
  void withAllForumCapabilitiesTheReplyRightIsConfirmed() {
    startDiscussionInForumWithoutGroups();
    CheckResult forums = check(run(config(Map.of())), "Forums");
    assertEquals(Outcome.PASS, forums.outcome());
    assertTrue(
        forums.detail().startsWith("reads forums, starts discussions, in every group, replies in"),
        forums.detail());
  }

  @Test
  void aSiteWithoutCoursesCannotBeTriedAndSaysSo() {
    fake.state().courses.clear();
    List<CheckResult> results = run(config(Map.of()));
    assertEquals(Outcome.SKIP, check(results, "Course access").outcome());
    assertEquals("Moodle has no course to try on", check(results, "Course access").detail());
    assertEquals(Outcome.SKIP, check(results, "Groups").outcome());
    assertEquals(Outcome.PASS, check(results, "People look-up").outcome());
    assertEquals(Outcome.PASS, check(results, "Messages").outcome());
    assertEquals(13, results.size());
  }

  @Test
  void aCheckWhoseFunctionIsMissingIsSkipped() {
    fake.state().serviceFunctions.remove("core_message_send_instant_messages");
    CheckResult messages = check(run(config(Map.of())), "Messages");
    assertEquals(Outcome.SKIP, messages.outcome());
    assertEquals("needs core_message_send_instant_messages", messages.detail());
  }

  @Test
  void theReadmeShowsTheListsAndTheChecklistAsTheyAre() throws IOException {
    String readme = Files.readString(MoodleLab.projectFile("README.md"));
    String step4 =
        readme.substring(
            readme.indexOf("4. **Give it a role"), readme.indexOf("5. **Create the external"));
    Set<String> listed = new TreeSet<>();
    Matcher capability = Pattern.compile("`([a-z]+/[a-z]+:[a-z]+)`").matcher(step4);
    while (capability.find()) {
      listed.add(capability.group(1));
    }
    Map<String, String> capabilities = RequiredFunctions.capabilities();
    assertEquals(new TreeSet<>(capabilities.keySet()), listed, "step 4 lists the file's role");
    assertTrue(step4.contains("allowing the " + capabilities.size() + "\n"), step4);
    assertTrue(
        readme.contains(
            "Functions enabled: all " + RequiredFunctions.load().size() + " functions"));
    assertTrue(readme.contains("All " + run(config(Map.of())).size() + " checks passed."));
  }

  /** A discussion a teacher started in the forum without groups, for the reply check. */
  private void startDiscussionInForumWithoutGroups() {
    FakeMoodleState s = fake.state();
    s.discussions.put(
        90L, new FakeMoodleState.Discussion(90, 3, -1, 90, "Welcome", 4, 1, 1, false));
    s.posts.put(90L, new FakeMoodleState.Post(90, 90, null, "Welcome", "<p>Hi</p>", 4, 1, 0));
  }

  @Test
  void notConfigured() {
    ConnectorConfig config = config(Map.of("COP_MOODLE_URL", "", "COP_MOODLE_TOKEN", ""));
    List<CheckResult> results = run(config);
    assertEquals(Outcome.FAIL, check(results, "Moodle configured").outcome());
    assertEquals(Outcome.SKIP, check(results, "Token valid").outcome());
    int[] exit = new int[1];
    print(results, exit);
    assertEquals(1, exit[0]);
  }

  @Test
  void unreachableUrl() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    List<CheckResult> results =
        run(config(Map.of("COP_MOODLE_URL", "http://127.0.0.1:" + closedPort)));
    CheckResult answers = check(results, "Moodle answers");
    assertEquals(Outcome.FAIL, answers.outcome());
    assertTrue(answers.detail().startsWith("cannot connect"), answers.detail());
    assertTrue(answers.fix().contains("moodle.url"));
    for (String later :
        List.of(
            "Token valid",
            "Moodle release",
            "Functions enabled",
            "Uploads allowed",
            "Course access",
            "Messages")) {
      assertEquals(Outcome.SKIP, check(results, later).outcome());
    }
  }

  @Test
  void urlThatIsNotTheSiteRoot() {
    CheckResult answers =
        check(
            run(config(Map.of("COP_MOODLE_URL", fake.urlString() + "/course"))), "Moodle answers");
    assertEquals(Outcome.FAIL, answers.outcome());
    assertEquals("HTTP 404 from /webservice/rest/server.php", answers.detail());
    assertTrue(answers.fix().contains("root address"));
  }

  @Test
  void htmlInsteadOfWebServices() {
    fake.failNext(Fault.HTML_PAGE, 1);
    CheckResult answers = check(run(config(Map.of())), "Moodle answers");
    assertEquals(Outcome.FAIL, answers.outcome());
    assertTrue(answers.fix().contains("REST protocol"));
  }

  @Test
  void invalidToken() {
    fake.tokenState(TokenState.INVALID);
    List<CheckResult> results = run(config(Map.of()));
    assertEquals(Outcome.PASS, check(results, "Moodle answers").outcome());
    CheckResult token = check(results, "Token valid");
    assertEquals(Outcome.FAIL, token.outcome());
    assertTrue(token.detail().contains("invalidtoken"));
    assertTrue(token.fix().contains("Manage tokens"));
    assertEquals(Outcome.SKIP, check(results, "Functions enabled").outcome());
  }

  @Test
  void userNotAllowedOnTheService() {
    fake.tokenState(TokenState.USER_NOT_AUTHORISED);
    CheckResult token = check(run(config(Map.of())), "Token valid");
    assertEquals(Outcome.FAIL, token.outcome());
    assertTrue(token.fix().contains("webservice/rest:use"));
  }

  @Test
  void missingFunctionsAreListedWithTheirFeature() {
    fake.state().serviceFunctions.remove("mod_forum_add_discussion");
    fake.state().serviceFunctions.remove("core_message_send_instant_messages");
    CheckResult functions = check(run(config(Map.of())), "Functions enabled");
    assertEquals(Outcome.FAIL, functions.outcome());
    assertTrue(functions.detail().startsWith("2 missing: "), functions.detail());
    assertTrue(
        functions.detail().contains("mod_forum_add_discussion (discussions and prompts"),
        functions.detail());
    assertTrue(
        functions.detail().contains("core_message_send_instant_messages (notifications"),
        functions.detail());
    assertTrue(functions.fix().contains("External services"));
    assertEquals("missing_functions", functions.reason());
    assertEquals(
        "mod_forum_add_discussion, core_message_send_instant_messages",
        functions.params().get("missing"));
  }

  @Test
  void uploadsNotAllowed() {
    fake.state().uploadFiles = false;
    CheckResult uploads = check(run(config(Map.of())), "Uploads allowed");
    assertEquals(Outcome.FAIL, uploads.outcome());
    assertTrue(uploads.fix().contains("Can upload files"));
  }

  @Test
  void tooOldMoodle() {
    fake.state().release = "3.11.8 (Build: 20220711)";
    fake.state().version = "2021051708.00";
    CheckResult release = check(run(config(Map.of())), "Moodle release");
    assertEquals(Outcome.FAIL, release.outcome());
    assertTrue(release.fix().contains("4.1"));
  }

  @Test
  void pendingMigrations() {
    CheckResult database = check(run(config(Map.of())), "Database");
    assertEquals(Outcome.FAIL, database.outcome());
    assertTrue(
        database.detail().matches(".* \\d+ migration\\(s\\) are pending: \\[V1, V2, .*"),
        database.detail());
    assertTrue(database.fix().contains("migrate"));
  }

  @Test
  void unreachableDatabaseWithoutLeakingThePassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    List<CheckResult> results =
        run(
            config(
                Map.of(
                    "COP_DB_URL",
                    "jdbc:postgresql://127.0.0.1:" + closedPort + "/cop?password=pw-in-url",
                    "COP_DB_USER",
                    "cop",
                    "COP_DB_PASSWORD",
                    "pw-in-config")));
    CheckResult database = check(results, "Database");
    assertEquals(Outcome.FAIL, database.outcome());
    int[] exit = new int[1];
    String printed = print(results, exit);
    assertFalse(printed.contains("pw-in-url"), printed);
    assertFalse(printed.contains("pw-in-config"), printed);
    assertFalse(printed.contains("\tat "), "no stack trace: " + printed);
  }
}
