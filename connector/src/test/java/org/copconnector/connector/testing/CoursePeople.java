package org.copconnector.connector.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;

/**
 * The people the administrators' tests sign in as, recorded as their launches would record them:
 * Alice Anderson (teacher) and Bob Brown (student) of course 2, David Diaz (manager) of course 3.
 */
public final class CoursePeople {

  private final SessionStore sessions;

  /** Records the three launches in the connector's database. */
  public CoursePeople(DataSource dataSource) {
    PeopleStore people = new PeopleStore(dataSource, Clock.systemUTC());
    people.recordLaunch(
        "2",
        "Science Department CoP",
        new Participant("4", "Alice Anderson", null, List.of("editingteacher"), List.of()));
    people.recordLaunch(
        "2",
        "Science Department CoP",
        new Participant("5", "Bob Brown", null, List.of("student"), List.of()));
    people.recordLaunch(
        "3",
        "Language Department",
        new Participant("7", "David Diaz", null, List.of("manager"), List.of()));
    sessions = new SessionStore(dataSource, Clock.systemUTC(), Duration.ofHours(1));
  }

  /** A session of Alice, facilitator in course 2, reading {@code lang}. */
  public String facilitator(String lang) {
    return open("4", "Alice Anderson", "2", ProductRole.FACILITATOR, lang);
  }

  /** A session of Bob, member in course 2, reading {@code lang}. */
  public String member(String lang) {
    return open("5", "Bob Brown", "2", ProductRole.MEMBER, lang);
  }

  /** A session of David, administrator from course 3, reading {@code lang}. */
  public String admin(String lang) {
    return open("7", "David Diaz", "3", ProductRole.ADMIN, lang);
  }

  private String open(String id, String name, String course, ProductRole role, String lang) {
    return sessions.open(
        new Session(null, id, name, null, lang, course, "Course " + course, role, false, null));
  }
}
