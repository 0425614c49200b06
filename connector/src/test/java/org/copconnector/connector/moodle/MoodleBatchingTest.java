package org.copconnector.connector.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging through participants and splitting large batches under PHP's max_input_vars. */
class MoodleBatchingTest {

  private FakeMoodle fake;

  @BeforeEach
  void start() throws IOException {
    FakeMoodleState state = FakeMoodleState.seeded();
    for (long id = 1000; id < 2200; id++) {
      state.addUser(
          new FakeMoodleState.User(id, "t" + id, "Teacher", "N" + id, "t" + id + "@example.com"));
      state.enrol(3, id, "editingteacher");
    }
    fake = new FakeMoodle(state).start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void enrolledUsersAreReadPageByPage() {
    Moodle moodle = MoodleFixture.moodle(fake);
    List<EnrolApi.EnrolledUser> everyone = moodle.enrolments().all(3, 500);
    assertEquals(1203, everyone.size());
    List<FakeMoodle.Call> calls = fake.calls("core_enrol_get_enrolled_users");
    assertEquals(3, calls.size());
    assertEquals(
        List.of("0", "500", "1000"),
        calls.stream().map(c -> c.params().get("options[0][value]")).toList());
    assertTrue(
        calls.stream()
            .allMatch(
                c ->
                    c.params().get("options[0][name]").equals("limitfrom")
                        && c.params().get("options[1][name]").equals("limitnumber")
                        && c.params().get("options[1][value]").equals("500")));
    assertEquals("editingteacher", everyone.get(0).roles().get(0).shortname());
    assertTrue(
        calls.stream()
            .allMatch(
                c ->
                    c.params().get("options[2][name]").equals("userfields")
                        && c.params()
                            .get("options[2][value]")
                            .equals("id,fullname,email,roles,groups")),
        "only the fields the connector reads are asked for");
    EnrolApi.EnrolledUser alice = moodle.enrolments().page(2, 0, 1).get(0);
    assertEquals(
        new EnrolApi.EnrolledUser(
            4,
            "Alice Anderson",
            "teacher1@example.com",
            List.of(new EnrolApi.Role(3, "", "editingteacher")),
            List.of(new EnrolApi.GroupRef(1, "Physics Teachers"))),
        alice);
  }

  @Test
  void anUnknownUserFieldIsRefusedAsMoodleDoes() {
    MoodleClient client = MoodleFixture.moodle(fake).client();
    MoodleException e =
        assertThrows(
            MoodleException.class,
            () ->
                client.read(
                    "core_enrol_get_enrolled_users",
                    MoodleParams.of()
                        .put("courseid", 2)
                        .options("options", java.util.Map.of("userfields", "id,,email")),
                    Object.class));
    assertEquals("invaliduserfield", e.errorcode());
    assertEquals("Invalid user field: ", e.moodleMessage());
  }

  @Test
  void anExactMultipleEndsWithOneEmptyPage() {
    Moodle moodle = MoodleFixture.moodle(fake);
    assertEquals(3, moodle.enrolments().all(2, 3).size());
    assertEquals(2, fake.calls("core_enrol_get_enrolled_users").size());
  }

  @Test
  void anEmptyCourseAnswersNullWhichReadsAsNoOne() {
    fake.state().courses.put(9L, new FakeMoodleState.Course(9, "EMPTY", "Empty"));
    assertEquals(List.of(), MoodleFixture.moodle(fake).enrolments().all(9, 100));
  }

  @Test
  void largeMembershipChangesAreSplitUnderMaxInputVars() {
    Moodle moodle = MoodleFixture.moodle(fake);
    long groupId =
        moodle
            .groups()
            .createGroups(List.of(new GroupApi.NewGroup(3, "Big network", "", 1, null)))
            .get(0)
            .id();
    List<GroupApi.Membership> members = new ArrayList<>();
    LongStream.range(1000, 2200)
        .forEach(user -> members.add(new GroupApi.Membership(groupId, user)));

    moodle.groups().addMembers(members);

    assertEquals(1200, fake.state().groupMembers.get(groupId).size());
    List<FakeMoodle.Call> calls = fake.calls("core_group_add_group_members");
    assertEquals(3, calls.size(), "(1000 - 3 reserved) / 2 = 498 members per call");
    assertTrue(calls.stream().allMatch(c -> c.params().size() + 3 <= 1000));
  }

  @Test
  void withoutSplittingPhpCutsTheCallShort() {
    // A client told the wrong limit sends one oversized call; PHP keeps only the first 1000
    // variables, which here splits a member in half and Moodle refuses the whole call.
    Moodle misconfigured = MoodleFixture.moodle(fake, 2, 100_000, Duration.ofSeconds(5));
    long groupId =
        misconfigured
            .groups()
            .createGroups(List.of(new GroupApi.NewGroup(3, "Big network", "", 1, null)))
            .get(0)
            .id();
    List<GroupApi.Membership> members = new ArrayList<>();
    LongStream.range(1000, 2200)
        .forEach(user -> members.add(new GroupApi.Membership(groupId, user)));
    MoodleException e =
        assertThrows(MoodleException.class, () -> misconfigured.groups().addMembers(members));
    assertEquals("invalidparameter", e.errorcode());
    assertTrue(fake.state().groupMembers.get(groupId).size() < 1200);
  }

  @Test
  void lookupsAreSplitToo() {
    List<String> ids = LongStream.range(1000, 2200).mapToObj(Long::toString).toList();
    List<UserApi.User> users =
        MoodleFixture.moodle(fake).users().usersByField(UserApi.Field.ID, ids);
    assertEquals(1200, users.size());
    assertEquals(2, fake.calls("core_user_get_users_by_field").size());
  }

  @Test
  void aSingleCallOverTheLimitIsRefusedBeforeSending() {
    MoodleClient client = MoodleFixture.moodle(fake).client();
    MoodleParams huge = MoodleParams.of().put("values", LongStream.range(0, 1000).boxed().toList());
    assertThrows(
        IllegalArgumentException.class,
        () -> client.read("core_user_get_users_by_field", huge, Object.class));
    assertEquals(0, fake.requestCount());
  }
}
