package org.copconnector.connector.moodle.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.copconnector.connector.moodle.fake.FakeMoodleState.Course;
import org.copconnector.connector.moodle.fake.FakeMoodleState.Forum;
import org.copconnector.connector.moodle.fake.FakeMoodleState.User;

/** Site, course, enrolment and user functions. */
final class SiteFunctions {

  /** Moodle 4.5's user_get_default_fields(): the names {@code userfields} may list. */
  private static final Set<String> USER_DETAIL_FIELDS =
      Set.of(
          "id",
          "username",
          "fullname",
          "firstname",
          "lastname",
          "email",
          "address",
          "phone1",
          "phone2",
          "department",
          "institution",
          "interests",
          "firstaccess",
          "lastaccess",
          "auth",
          "confirmed",
          "idnumber",
          "lang",
          "theme",
          "timezone",
          "mailformat",
          "description",
          "descriptionformat",
          "city",
          "country",
          "profileimageurlsmall",
          "profileimageurl",
          "customfields",
          "groups",
          "roles",
          "preferences",
          "enrolledcourses",
          "suspended",
          "lastcourseaccess",
          "trackforums");

  private final FakeMoodleState state;

  SiteFunctions(FakeMoodleState state) {
    this.state = state;
  }

  void register(Map<String, FakeFunction> functions) {
    functions.put("core_webservice_get_site_info", this::siteInfo);
    functions.put("core_course_get_courses_by_field", this::coursesByField);
    functions.put("core_course_get_contents", this::contents);
    functions.put("core_enrol_get_enrolled_users", this::enrolledUsers);
    functions.put("core_user_get_users_by_field", this::usersByField);
  }

  private JsonElement siteInfo(FormParams p) {
    p.allowOnly("serviceshortnames\\[\\d+\\]");
    JsonObject info = Samples.json("core_webservice_get_site_info").getAsJsonObject();
    User me = state.users.get(state.serviceUserId);
    info.addProperty("sitename", state.siteName);
    info.addProperty("userid", me.id());
    info.addProperty("username", me.username());
    info.addProperty("fullname", me.fullname());
    info.addProperty("release", state.release);
    info.addProperty("version", state.version);
    info.addProperty("uploadfiles", state.uploadFiles ? 1 : 0);
    JsonArray functions = new JsonArray();
    for (String name : state.serviceFunctions) {
      JsonObject f = new JsonObject();
      f.addProperty("name", name);
      f.addProperty("version", state.version);
      functions.add(f);
    }
    info.add("functions", functions);
    return info;
  }

  private JsonElement coursesByField(FormParams p) {
    p.allowOnly("field", "value");
    String field = p.string("field", "");
    String value = p.string("value", "");
    List<Course> matches =
        state.courses.values().stream()
            .filter(
                c ->
                    switch (field) {
                      case "" -> true;
                      case "id" -> Long.toString(c.id()).equals(value);
                      case "ids" -> List.of(value.split(",")).contains(Long.toString(c.id()));
                      case "shortname" -> c.shortname().equals(value);
                      case "idnumber", "category" -> false;
                      default -> throw FakeMoodleError.invalidParameter();
                    })
            .toList();
    JsonArray courses = new JsonArray();
    for (Course c : matches) {
      JsonObject course = Samples.firstOf("core_course_get_courses_by_field_ids", "courses");
      course.addProperty("id", c.id());
      course.addProperty("fullname", c.fullname());
      course.addProperty("displayname", c.fullname());
      course.addProperty("shortname", c.shortname());
      courses.add(course);
    }
    JsonObject answer = new JsonObject();
    answer.add("courses", courses);
    answer.add("warnings", new JsonArray());
    return answer;
  }

  private JsonElement contents(FormParams p) {
    p.allowOnly("courseid", "options\\[\\d+\\]\\[(name|value)\\]");
    long courseId = p.integer("courseid");
    if (!state.courses.containsKey(courseId)) {
      throw FakeMoodleError.missingRecord("course");
    }
    state.requireCourse(courseId);
    JsonArray sample = Samples.json("core_course_get_contents").getAsJsonArray();
    JsonObject section = sample.get(1).getAsJsonObject().deepCopy();
    JsonObject moduleTemplate = section.getAsJsonArray("modules").get(0).getAsJsonObject();
    JsonArray modules = new JsonArray();
    for (Forum f : state.forums.values()) {
      if (f.courseId() != courseId) {
        continue;
      }
      JsonObject module = moduleTemplate.deepCopy();
      module.addProperty("id", f.cmid());
      module.addProperty("instance", f.id());
      module.addProperty("name", f.name());
      module.addProperty("groupmode", f.groupMode());
      module.addProperty("url", "https://moodle.example.edu/mod/forum/view.php?id=" + f.cmid());
      modules.add(module);
    }
    for (FakeMoodleState.CourseFile f : state.courseFiles) {
      if (f.courseId() != courseId) {
        continue;
      }
      JsonObject module = moduleTemplate.deepCopy();
      module.addProperty("id", f.cmid());
      module.addProperty("instance", f.cmid());
      module.addProperty("name", f.module());
      module.addProperty("modname", "resource");
      module.addProperty("modplural", "Files");
      module.addProperty("url", "https://moodle.example.edu/mod/resource/view.php?id=" + f.cmid());
      module.remove("groupmode");
      JsonArray contents = new JsonArray();
      JsonObject file = new JsonObject();
      file.addProperty("type", "file");
      file.addProperty("filename", f.filename());
      file.addProperty("filepath", "/");
      file.addProperty("filesize", f.content().length);
      file.addProperty(
          "fileurl",
          state.baseUrl + FakeMoodle.fileUrlPath(f).replace(" ", "%20") + "?forcedownload=1");
      file.addProperty("timecreated", 1732000000L);
      file.addProperty("timemodified", 1732000000L);
      file.addProperty("sortorder", 1);
      file.addProperty("mimetype", f.mimetype());
      file.addProperty("isexternalfile", false);
      file.addProperty("userid", 2);
      file.addProperty("author", "Admin User");
      file.addProperty("license", "unknown");
      contents.add(file);
      module.add("contents", contents);
      modules.add(module);
    }
    section.add("modules", modules);
    JsonArray answer = new JsonArray();
    answer.add(section);
    return answer;
  }

  private JsonElement enrolledUsers(FormParams p) {
    p.allowOnly("courseid", "options\\[\\d+\\]\\[(name|value)\\]");
    long courseId = p.integer("courseid");
    if (!state.courses.containsKey(courseId)) {
      throw FakeMoodleError.sample("error_enrolled_users_bad_course");
    }
    state.require(courseId, "moodle/course:viewparticipants", "View participants");
    Map<String, String> options = p.options("options");
    int from = (int) FormParams.parseLong(options.getOrDefault("limitfrom", "0"));
    int number = (int) FormParams.parseLong(options.getOrDefault("limitnumber", "0"));
    // Moodle orders participants by user id.
    List<Map.Entry<Long, List<String>>> enrolled =
        state.enrolments.getOrDefault(courseId, Map.of()).entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .toList();
    if (enrolled.isEmpty()) {
      return JsonNull.INSTANCE; // Moodle's literal null for an empty course
    }
    int to = number == 0 ? enrolled.size() : Math.min(enrolled.size(), from + number);
    List<Map.Entry<Long, List<String>>> page = enrolled.subList(Math.min(from, to), to);
    // As user_get_user_details: the fields are checked for each person, so a page with no one in
    // it accepts any list.
    Set<String> fields = page.isEmpty() ? null : userFields(options.get("userfields"));
    JsonArray users = new JsonArray();
    for (Map.Entry<Long, List<String>> e : page) {
      boolean courseContact = e.getValue().contains("editingteacher");
      if (!state.can("moodle/user:viewdetails") && !courseContact) {
        continue;
      }
      JsonObject user = enrolledUser(courseId, state.users.get(e.getKey()), e.getValue());
      if (fields != null) {
        user.keySet().removeIf(key -> !fields.contains(key));
      }
      users.add(user);
    }
    return users;
  }

  /**
   * The {@code userfields} option as Moodle reads it: comma-separated, each name stripped to
   * letters, digits, '-' and '_', each one of Moodle's user detail fields; id and fullname always
   * come. Null when the option is absent (every field).
   */
  private static Set<String> userFields(String option) {
    if (option == null) {
      return null;
    }
    Set<String> fields = new HashSet<>(List.of("id", "fullname"));
    for (String field : option.split(",", -1)) {
      String cleaned = field.replaceAll("[^A-Za-z0-9_-]", "");
      if (!USER_DETAIL_FIELDS.contains(cleaned)) {
        throw FakeMoodleError.of(
            "core\\exception\\moodle_exception",
            "invaliduserfield",
            "Invalid user field: " + cleaned);
      }
      fields.add(cleaned);
    }
    return fields;
  }

  private JsonObject enrolledUser(long courseId, User u, List<String> roles) {
    JsonObject user = userJson("core_enrol_get_enrolled_users", u);
    hideIdentity(user, u);
    JsonArray groups = new JsonArray();
    state.groups.values().stream()
        .filter(
            g ->
                g.courseId() == courseId
                    && state.groupMembers.getOrDefault(g.id(), java.util.Set.of()).contains(u.id()))
        .forEach(
            g -> {
              JsonObject group = new JsonObject();
              group.addProperty("id", g.id());
              group.addProperty("name", g.name());
              group.addProperty("description", g.description());
              group.addProperty("descriptionformat", 1);
              groups.add(group);
            });
    // Moodle leaves the key out for someone in no group.
    if (groups.isEmpty()) {
      user.remove("groups");
    } else {
      user.add("groups", groups);
    }
    JsonArray roleArray = new JsonArray();
    for (String shortname : roles) {
      JsonObject role = new JsonObject();
      role.addProperty("roleid", shortname.equals("student") ? 5 : 3);
      role.addProperty("name", "");
      role.addProperty("shortname", shortname);
      role.addProperty("sortorder", 0);
      roleArray.add(role);
    }
    user.add("roles", roleArray);
    return user;
  }

  private JsonElement usersByField(FormParams p) {
    p.allowOnly("field", "values\\[\\d+\\]");
    String field = p.string("field");
    List<String> values = p.list("values");
    JsonArray users = new JsonArray();
    for (User u : state.users.values()) {
      boolean self = u.id() == state.serviceUserId;
      if (!self && !state.can("moodle/user:viewdetails")) {
        continue; // Moodle returns only the people whose details the caller may see
      }
      if (!self && hidden(field)) {
        continue; // nor those whose searched field it would hide
      }
      String key =
          switch (field) {
            case "id" -> Long.toString(u.id());
            case "username" -> u.username();
            case "email" -> u.email();
            case "idnumber" -> "";
            default -> throw FakeMoodleError.invalidParameter();
          };
      if (values.contains(key)) {
        JsonObject user = userJson("core_user_get_users_by_field_username", u);
        hideIdentity(user, u);
        users.add(user);
      }
    }
    return users;
  }

  /**
   * Moodle leaves out other people's e-mail without moodle/site:viewuseridentity (their default
   * "visible to course members" does not reach a service user who is in no course), and their
   * username without moodle/user:viewalldetails.
   */
  private void hideIdentity(JsonObject user, User u) {
    if (u.id() != state.serviceUserId) {
      for (String field : List.of("email", "username")) {
        if (hidden(field)) {
          user.remove(field);
        }
      }
    }
  }

  private boolean hidden(String field) {
    return switch (field) {
      case "email" -> !state.can("moodle/site:viewuseridentity");
      case "username" -> !state.can("moodle/user:viewalldetails");
      default -> false;
    };
  }

  /** A user in the shape of the given sample, with this user's identity. */
  private static JsonObject userJson(String sample, User u) {
    JsonObject user = Samples.firstOf(sample);
    user.addProperty("id", u.id());
    user.addProperty("username", u.username());
    user.addProperty("firstname", u.firstname());
    user.addProperty("lastname", u.lastname());
    user.addProperty("fullname", u.fullname());
    user.addProperty("email", u.email());
    return user;
  }
}
