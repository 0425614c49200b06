package org.copconnector.connector.moodle;

import com.google.gson.reflect.TypeToken;
import java.util.ArrayList;
import java.util.List;

/** Course groups and their members: {@code core_group_*}. */
public final class GroupApi {

  /** A group to create; {@code idnumber} may be null. */
  public record NewGroup(
      long courseid, String name, String description, int descriptionformat, String idnumber) {}

  /** A course group. */
  public record Group(long id, long courseid, String name, String description, String idnumber) {}

  /** One user in one group, for adding or removing. */
  public record Membership(long groupid, long userid) {}

  /** Members of one group. */
  public record Members(long groupid, List<Long> userids) {}

  private static final int VARS_PER_NEW_GROUP = 5;

  private final MoodleClient client;

  public GroupApi(MoodleClient client) {
    this.client = client;
  }

  /**
   * Creates groups, in as many calls as max_input_vars needs; Moodle refuses a duplicate name with
   * {@code invalidparameter}.
   */
  public List<Group> createGroups(List<NewGroup> groups) {
    List<Group> created = new ArrayList<>();
    for (List<NewGroup> batch : client.batches(groups, VARS_PER_NEW_GROUP, 0)) {
      List<Group> answer =
          client.write(
              "core_group_create_groups",
              MoodleParams.of().put("groups", batch),
              new TypeToken<List<Group>>() {}.getType());
      created.addAll(answer);
    }
    return created;
  }

  public List<Group> courseGroups(long courseId) {
    return client.read(
        "core_group_get_course_groups",
        MoodleParams.of().put("courseid", courseId),
        new TypeToken<List<Group>>() {}.getType());
  }

  /** Adds members; adding someone already in the group is harmless, so a repeated batch is safe. */
  public void addMembers(List<Membership> members) {
    for (List<Membership> batch : client.batches(members, 2, 0)) {
      client.write(
          "core_group_add_group_members", MoodleParams.of().put("members", batch), Object.class);
    }
  }

  public void deleteMembers(List<Membership> members) {
    for (List<Membership> batch : client.batches(members, 2, 0)) {
      client.write(
          "core_group_delete_group_members", MoodleParams.of().put("members", batch), Object.class);
    }
  }

  public List<Members> groupMembers(List<Long> groupIds) {
    List<Members> all = new ArrayList<>();
    for (List<Long> batch : client.batches(groupIds, 1, 0)) {
      List<Members> answer =
          client.read(
              "core_group_get_group_members",
              MoodleParams.of().put("groupids", batch),
              new TypeToken<List<Members>>() {}.getType());
      all.addAll(answer);
    }
    return all;
  }
}
