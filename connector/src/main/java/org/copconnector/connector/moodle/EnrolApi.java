package org.copconnector.connector.moodle;

import com.google.gson.reflect.TypeToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Course participants: {@code core_enrol_get_enrolled_users}, read page by page. */
public final class EnrolApi {

  /**
   * The user fields the connector reads. Without this option Moodle works out every default field
   * for each person (enrolled courses, custom profile fields, pictures, descriptions), most of
   * which the connector never reads; see BENCHMARKS.md for what each costs on Moodle 4.5.
   */
  static final String USER_FIELDS = "id,fullname,email,roles,groups";

  /** A role held in the course. */
  public record Role(long roleid, String name, String shortname) {}

  /** A course group the participant is in. */
  public record GroupRef(long id, String name) {}

  /** A course participant with roles and groups (only the fields of {@link #USER_FIELDS}). */
  public record EnrolledUser(
      long id, String fullname, String email, List<Role> roles, List<GroupRef> groups) {

    public List<Role> roles() {
      return roles == null ? List.of() : roles;
    }

    public List<GroupRef> groups() {
      return groups == null ? List.of() : groups;
    }
  }

  private final MoodleClient client;

  public EnrolApi(MoodleClient client) {
    this.client = client;
  }

  /** One page of participants; Moodle may answer a literal {@code null}, read as an empty page. */
  public List<EnrolledUser> page(long courseId, int limitFrom, int limitNumber) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("limitfrom", limitFrom);
    options.put("limitnumber", limitNumber);
    options.put("userfields", USER_FIELDS);
    List<EnrolledUser> page =
        client.read(
            "core_enrol_get_enrolled_users",
            MoodleParams.of().put("courseid", courseId).options("options", options),
            new TypeToken<List<EnrolledUser>>() {}.getType());
    return page == null ? List.of() : page;
  }

  /** Every participant, {@code pageSize} at a time, stopping at the first short page. */
  public List<EnrolledUser> all(long courseId, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive");
    }
    List<EnrolledUser> everyone = new ArrayList<>();
    for (int from = 0; ; from += pageSize) {
      List<EnrolledUser> page = page(courseId, from, pageSize);
      everyone.addAll(page);
      if (page.size() < pageSize) {
        return everyone;
      }
    }
  }
}
