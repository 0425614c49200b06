package org.copconnector.connector.moodle.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.moodle.fake.FakeMoodleState.Group;

/** Course groups and their members. */
final class GroupFunctions {

  private final FakeMoodleState state;

  GroupFunctions(FakeMoodleState state) {
    this.state = state;
  }

  void register(Map<String, FakeFunction> functions) {
    functions.put("core_group_create_groups", this::createGroups);
    functions.put("core_group_get_course_groups", this::courseGroups);
    functions.put("core_group_add_group_members", this::addMembers);
    functions.put("core_group_delete_group_members", this::deleteMembers);
    functions.put("core_group_get_group_members", this::groupMembers);
  }

  private JsonElement createGroups(FormParams p) {
    p.allowOnly(
        "groups\\[\\d+\\]\\[(courseid|name|description|descriptionformat|enrolmentkey|idnumber|visibility|participation)\\]");
    List<Map<String, String>> requested = p.structs("groups");
    if (requested.isEmpty()) {
      throw FakeMoodleError.invalidParameter();
    }
    // Moodle validates every group before creating any.
    for (Map<String, String> g : requested) {
      long courseId = FormParams.parseLong(g.get("courseid"));
      if (!state.courses.containsKey(courseId)) {
        throw FakeMoodleError.missingRecord("course");
      }
      state.require(courseId, "moodle/course:managegroups", "Manage groups");
      String name = g.get("name");
      if (name == null || g.get("description") == null) {
        throw FakeMoodleError.invalidParameter();
      }
      boolean taken =
          state.groups.values().stream()
              .anyMatch(x -> x.courseId() == courseId && x.name().equals(name));
      if (taken) {
        throw FakeMoodleError.sample("core_group_create_groups_duplicate_name");
      }
    }
    JsonArray created = new JsonArray();
    for (Map<String, String> g : requested) {
      Group group =
          new Group(
              state.nextId(),
              Long.parseLong(g.get("courseid")),
              g.get("name"),
              g.get("description"),
              g.getOrDefault("idnumber", ""));
      state.groups.put(group.id(), group);
      state.groupMembers.put(group.id(), new LinkedHashSet<>());
      created.add(toJson(group, "core_group_create_groups"));
    }
    return created;
  }

  private JsonElement courseGroups(FormParams p) {
    p.allowOnly("courseid");
    long courseId = p.integer("courseid");
    if (!state.courses.containsKey(courseId)) {
      throw FakeMoodleError.missingRecord("course");
    }
    state.require(courseId, "moodle/course:managegroups", "Manage groups");
    JsonArray groups = new JsonArray();
    state.groups.values().stream()
        .filter(g -> g.courseId() == courseId)
        .forEach(g -> groups.add(toJson(g, "core_group_get_course_groups")));
    return groups;
  }

  private JsonElement addMembers(FormParams p) {
    p.allowOnly("members\\[\\d+\\]\\[(groupid|userid)\\]");
    List<Map<String, String>> members = p.structs("members");
    for (Map<String, String> m : members) {
      Group group = group(FormParams.parseLong(m.get("groupid")));
      state.require(group.courseId(), "moodle/course:managegroups", "Manage groups");
      long userId = FormParams.parseLong(m.get("userid"));
      if (!state.isEnrolled(group.courseId(), userId)) {
        throw FakeMoodleError.sample("core_group_add_group_members_not_enrolled");
      }
      state.groupMembers.get(group.id()).add(userId);
    }
    return JsonNull.INSTANCE;
  }

  private JsonElement deleteMembers(FormParams p) {
    p.allowOnly("members\\[\\d+\\]\\[(groupid|userid)\\]");
    for (Map<String, String> m : p.structs("members")) {
      Group group = group(FormParams.parseLong(m.get("groupid")));
      state.require(group.courseId(), "moodle/course:managegroups", "Manage groups");
      state.groupMembers.get(group.id()).remove(FormParams.parseLong(m.get("userid")));
    }
    return JsonNull.INSTANCE;
  }

  private JsonElement groupMembers(FormParams p) {
    p.allowOnly("groupids\\[\\d+\\]");
    JsonArray answer = new JsonArray();
    for (long groupId : p.integers("groupids")) {
      state.require(group(groupId).courseId(), "moodle/course:managegroups", "Manage groups");
      JsonObject members = new JsonObject();
      members.addProperty("groupid", groupId);
      JsonArray ids = new JsonArray();
      state.groupMembers.get(groupId).forEach(ids::add);
      members.add("userids", ids);
      answer.add(members);
    }
    return answer;
  }

  private Group group(long id) {
    Group group = state.groups.get(id);
    if (group == null) {
      throw FakeMoodleError.missingRecord("groups");
    }
    return group;
  }

  private static JsonObject toJson(Group g, String sample) {
    JsonObject json = Samples.firstOf(sample);
    json.addProperty("id", g.id());
    json.addProperty("courseid", g.courseId());
    json.addProperty("name", g.name());
    json.addProperty("description", g.description());
    json.addProperty("idnumber", g.idnumber());
    return json;
  }
}
