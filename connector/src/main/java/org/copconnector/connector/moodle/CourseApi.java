package org.copconnector.connector.moodle;

import com.google.gson.reflect.TypeToken;
import java.util.List;

/**
 * Courses and their contents: {@code core_course_get_courses_by_field}, {@code
 * core_course_get_contents}.
 */
public final class CourseApi {

  /** A course as listed by field. */
  public record Course(
      long id,
      String fullname,
      String shortname,
      String displayname,
      long categoryid,
      String summary,
      int visible,
      int groupmode,
      String idnumber,
      String lang) {}

  /** Answer of {@code core_course_get_courses_by_field}. */
  public record Courses(List<Course> courses, List<MoodleWarning> warnings) {}

  /** A file or link inside a course module. */
  public record Content(
      String type,
      String filename,
      String filepath,
      long filesize,
      String fileurl,
      String mimetype,
      long timemodified) {}

  /**
   * An activity or resource in a section; {@code groupmode} is the course module's (0 none, 1
   * separate, 2 visible).
   */
  public record Module(
      long id,
      String name,
      long instance,
      String modname,
      int visible,
      Integer groupmode,
      String url,
      long contextid,
      List<Content> contents) {}

  /** A course section with its modules. */
  public record Section(long id, String name, int section, int visible, List<Module> modules) {}

  /** The fields {@code core_course_get_courses_by_field} accepts. */
  public enum Field {
    ID("id"),
    IDS("ids"),
    SHORTNAME("shortname"),
    IDNUMBER("idnumber"),
    CATEGORY("category");

    private final String wire;

    Field(String wire) {
      this.wire = wire;
    }
  }

  private final MoodleClient client;

  public CourseApi(MoodleClient client) {
    this.client = client;
  }

  /** Courses matching one field; {@code IDS} takes a comma-separated list. */
  public Courses coursesByField(Field field, String value) {
    return client.read(
        "core_course_get_courses_by_field",
        MoodleParams.of().put("field", field.wire).put("value", value),
        Courses.class);
  }

  /** Every course the token's user can see, the site course included. */
  public Courses allCourses() {
    return client.read("core_course_get_courses_by_field", MoodleParams.of(), Courses.class);
  }

  public List<Section> contents(long courseId) {
    return client.read(
        "core_course_get_contents",
        MoodleParams.of().put("courseid", courseId),
        new TypeToken<List<Section>>() {}.getType());
  }
}
