package org.copconnector.connector.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * Teachers enrolled as students of a course beyond the demo's own people (a training action has
 * more), recorded as their launches would record them, each with a signed-in session.
 */
public final class CourseTrainees {

  private CourseTrainees() {}

  /** {@code count} people {@code t01}, {@code t02}… of the course; their session tokens by id. */
  public static Map<String, String> enrol(
      DataSource dataSource, String courseId, String courseTitle, int count) {
    PeopleStore people = new PeopleStore(dataSource, Clock.systemUTC());
    SessionStore sessions = new SessionStore(dataSource, Clock.systemUTC(), Duration.ofHours(2));
    Map<String, String> tokens = new LinkedHashMap<>();
    for (int i = 1; i <= count; i++) {
      String id = String.format("t%02d", i);
      String name = String.format("Formando %02d", i);
      people.recordLaunch(
          courseId, courseTitle, new Participant(id, name, null, List.of("student"), List.of()));
      tokens.put(
          id,
          sessions.open(
              new Session(
                  null,
                  id,
                  name,
                  null,
                  "pt",
                  courseId,
                  courseTitle,
                  ProductRole.MEMBER,
                  false,
                  null)));
    }
    return tokens;
  }
}
