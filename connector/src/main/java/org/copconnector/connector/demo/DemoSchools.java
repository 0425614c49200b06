package org.copconnector.connector.demo;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.json.Json;

/**
 * The sample group of schools of demo mode: department courses, one network course, teachers with
 * roles.
 */
public record DemoSchools(List<Course> courses, List<Person> people) {

  /** A sample course. */
  public record Course(String id, String title, String school) {}

  /** A sample person and their Moodle role shortname in each course. */
  public record Person(
      String id,
      String name,
      String email,
      String locale,
      Map<String, String> courses,
      boolean admin) {}

  /** The seed shipped with the connector. */
  public static DemoSchools load() {
    try (Reader reader =
        new InputStreamReader(
            DemoSchools.class.getResourceAsStream("/demo/schools.json"), StandardCharsets.UTF_8)) {
      Gson gson = Json.lenient();
      return gson.fromJson(reader, DemoSchools.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo schools", e);
    }
  }

  public Course course(String id) {
    return courses.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }

  public Person person(String id) {
    return people.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
  }
}
