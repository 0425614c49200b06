package org.copconnector.plugin.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.hub.CourseDirectory;
import org.copconnector.plugin.store.StoreException;
import org.copconnector.plugin.store.Transaction;

/** The connector's copy of LMS people, courses and course membership. */
public final class PeopleStore implements CourseDirectory {

  private static final String UPSERT_COURSE =
      "MERGE INTO lms_course t USING (SELECT CAST(? AS VARCHAR) AS id, CAST(? AS VARCHAR) AS title,"
          + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS seen) s ON t.course_id = s.id"
          + " WHEN MATCHED THEN UPDATE SET title = COALESCE(s.title, t.title)"
          + " WHEN NOT MATCHED THEN INSERT (course_id, title, first_seen_at) VALUES (s.id, s.title, s.seen)";
  private static final String UPSERT_PERSON =
      "MERGE INTO lms_person t USING (SELECT CAST(? AS VARCHAR) AS id, CAST(? AS VARCHAR) AS name,"
          + " CAST(? AS VARCHAR) AS email, CAST(? AS TIMESTAMP WITH TIME ZONE) AS at) s ON t.lms_user_id = s.id"
          + " WHEN MATCHED THEN UPDATE SET display_name = s.name, email = s.email, updated_at = s.at"
          + " WHEN NOT MATCHED THEN INSERT (lms_user_id, display_name, email, updated_at) VALUES (s.id, s.name, s.email, s.at)";
  private static final String UPSERT_MEMBER =
      "MERGE INTO lms_course_member t USING (SELECT CAST(? AS VARCHAR) AS c, CAST(? AS VARCHAR) AS u,"
          + " CAST(? AS VARCHAR) AS r, CAST(? AS VARCHAR) AS g) s"
          + " ON t.course_id = s.c AND t.lms_user_id = s.u"
          + " WHEN MATCHED THEN UPDATE SET roles = s.r, group_names = s.g"
          + " WHEN NOT MATCHED THEN INSERT (course_id, lms_user_id, roles, group_names) VALUES (s.c, s.u, s.r, s.g)";
  private static final String ADD_MEMBER_IF_NEW =
      "MERGE INTO lms_course_member t USING (SELECT CAST(? AS VARCHAR) AS c, CAST(? AS VARCHAR) AS u,"
          + " CAST(? AS VARCHAR) AS r, CAST(? AS VARCHAR) AS g) s"
          + " ON t.course_id = s.c AND t.lms_user_id = s.u"
          + " WHEN NOT MATCHED THEN INSERT (course_id, lms_user_id, roles, group_names) VALUES (s.c, s.u, s.r, s.g)";

  /** A person as named in the LMS. */
  public record Person(String lmsUserId, String name) {}

  private final DataSource dataSource;
  private final Clock clock;
  private final PersonLanguages languages;

  public PeopleStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.languages = new PersonLanguages(dataSource, clock);
  }

  /** Each person's language, for what the server writes to them or on their behalf. */
  public PersonLanguages languages() {
    return languages;
  }

  /**
   * A launch: the course becomes known and the launching person's name and e-mail are updated at
   * once. The person joins the course's roster with {@code person}'s roles and groups only if not
   * in it yet: an existing membership keeps the roles and groups the roster sync read from the LMS.
   */
  public void recordLaunch(String courseId, String courseTitle, Participant person) {
    inTransaction(
        c -> {
          upsertCourse(c, courseId, courseTitle);
          try (PreparedStatement persons = c.prepareStatement(UPSERT_PERSON);
              PreparedStatement members = c.prepareStatement(ADD_MEMBER_IF_NEW)) {
            addPerson(persons, person);
            persons.executeUpdate();
            addMember(members, courseId, person);
            members.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Makes the stored roster of a course equal to {@code roster}, writing only what differs, in one
   * transaction (a failure leaves the previous roster whole).
   */
  public RosterChange replaceRoster(String courseId, List<Participant> roster) {
    return inTransaction(
        c -> {
          upsertCourse(c, courseId, null);
          Map<String, String> existing = members(c, courseId);
          Map<String, String[]> people = people(c, courseId);
          int added = 0;
          int updated = 0;
          int unchanged = 0;
          try (PreparedStatement persons = c.prepareStatement(UPSERT_PERSON);
              PreparedStatement members = c.prepareStatement(UPSERT_MEMBER)) {
            for (Participant p : roster) {
              String[] known = people.get(p.lmsUserId());
              if (known == null
                  || !p.displayName().equals(known[0])
                  || !java.util.Objects.equals(p.email(), known[1])) {
                addPerson(persons, p);
                persons.addBatch();
              }
              String membership = existing.remove(p.lmsUserId());
              String wanted = String.join(",", p.roles()) + "|" + String.join(",", p.groups());
              if (membership == null) {
                added++;
              } else if (!membership.equals(wanted)) {
                updated++;
              } else {
                unchanged++;
                continue;
              }
              addMember(members, courseId, p);
              members.addBatch();
            }
            persons.executeBatch();
            members.executeBatch();
          }
          try (PreparedStatement remove =
              c.prepareStatement(
                  "DELETE FROM lms_course_member WHERE course_id = ? AND lms_user_id = ?")) {
            for (String gone : existing.keySet()) {
              remove.setString(1, courseId);
              remove.setString(2, gone);
              remove.addBatch();
            }
            remove.executeBatch();
          }
          try (PreparedStatement synced =
              c.prepareStatement("UPDATE lms_course SET last_synced_at = ? WHERE course_id = ?")) {
            synced.setTimestamp(1, Timestamp.from(Instant.now(clock)));
            synced.setString(2, courseId);
            synced.executeUpdate();
          }
          return new RosterChange(courseId, added, updated, existing.size(), unchanged);
        });
  }

  /** Whether the course's participants have never been read from the LMS. */
  public boolean neverSynced(String courseId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT 1 FROM lms_course WHERE course_id = ? AND last_synced_at IS NOT NULL")) {
      ps.setString(1, courseId);
      try (ResultSet rs = ps.executeQuery()) {
        return !rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the course " + courseId, e);
    }
  }

  /**
   * A course the connector is used in: known from a launch, with its stored participants and when
   * its roster was last read from the LMS (null: never).
   */
  public record KnownCourse(
      String courseId, String title, Instant firstSeenAt, Instant lastSyncedAt, int participants) {}

  /** Every course the connector is used in, by title. */
  public List<KnownCourse> courses() {
    List<KnownCourse> courses = new ArrayList<>();
    String sql =
        "SELECT c.course_id, c.title, c.first_seen_at, c.last_synced_at,"
            + " (SELECT COUNT(*) FROM lms_course_member m WHERE m.course_id = c.course_id)"
            + " FROM lms_course c ORDER BY c.title, c.course_id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Timestamp synced = rs.getTimestamp(4);
        courses.add(
            new KnownCourse(
                rs.getString(1),
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                synced == null ? null : synced.toInstant(),
                rs.getInt(5)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot list courses", e);
    }
    return courses;
  }

  /**
   * Courses the connector is used in whose roster is older than {@code syncedBefore} (or never
   * synced).
   */
  public List<String> coursesToSync(Instant syncedBefore) {
    List<String> ids = new ArrayList<>();
    String sql =
        "SELECT course_id FROM lms_course WHERE last_synced_at IS NULL OR last_synced_at < ? ORDER BY course_id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(syncedBefore));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot list courses", e);
    }
    return ids;
  }

  @Override
  public int participants(String courseId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM lms_course_member WHERE course_id = ?")) {
      ps.setString(1, courseId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count participants", e);
    }
  }

  /** Display names of people by LMS id (those the connector knows). */
  public Map<String, String> names(java.util.Collection<String> lmsUserIds) {
    try (Connection c = dataSource.getConnection()) {
      return names(c, lmsUserIds);
    } catch (SQLException e) {
      throw new StoreException("cannot read names", e);
    }
  }

  /**
   * As {@link #names(java.util.Collection)}, on the caller's connection: code inside a transaction
   * must not take a second connection, or a busy pool deadlocks.
   */
  public Map<String, String> names(Connection c, java.util.Collection<String> lmsUserIds)
      throws SQLException {
    Map<String, String> names = new HashMap<>();
    if (lmsUserIds.isEmpty()) {
      return names;
    }
    String marks = String.join(",", java.util.Collections.nCopies(lmsUserIds.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT lms_user_id, display_name FROM lms_person WHERE lms_user_id IN ("
                + marks
                + ")")) {
      int i = 1;
      for (String id : lmsUserIds) {
        ps.setString(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return names;
  }

  /** The courses a person takes part in, as far as the connector knows. */
  public java.util.Set<String> coursesOf(String lmsUserId) {
    try (Connection c = dataSource.getConnection()) {
      return coursesOf(c, lmsUserId);
    } catch (SQLException e) {
      throw new StoreException("cannot list a person's courses", e);
    }
  }

  /** As {@link #coursesOf(String)}, on the caller's connection (see {@link #names}). */
  public java.util.Set<String> coursesOf(Connection c, String lmsUserId) throws SQLException {
    java.util.Set<String> courses = new java.util.TreeSet<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT course_id FROM lms_course_member WHERE lms_user_id = ?")) {
      ps.setString(1, lmsUserId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          courses.add(rs.getString(1));
        }
      }
    }
    return courses;
  }

  /**
   * People of any of the courses whose name contains {@code text} (ignoring case and accents; all
   * when blank), by name, at most {@code limit}, on the caller's connection.
   */
  public List<Person> inCourses(
      Connection c, java.util.Collection<String> courseIds, String text, int limit)
      throws SQLException {
    List<Person> found = new ArrayList<>();
    if (courseIds.isEmpty() || limit <= 0) {
      return found;
    }
    String needle = text == null ? "" : folded(text.strip());
    String marks = String.join(",", java.util.Collections.nCopies(courseIds.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT p.lms_user_id, p.display_name FROM lms_person p JOIN lms_course_member m"
                + " ON m.lms_user_id = p.lms_user_id WHERE m.course_id IN ("
                + marks
                + ") ORDER BY p.display_name, p.lms_user_id")) {
      int i = 1;
      for (String course : courseIds) {
        ps.setString(i++, course);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && found.size() < limit) {
          String name = rs.getString(2);
          if (needle.isEmpty() || folded(name).contains(needle)) {
            found.add(new Person(rs.getString(1), name));
          }
        }
      }
    }
    return found;
  }

  /** The text as searches compare it: lower case, without accents. */
  public static String folded(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(java.util.Locale.ROOT);
  }

  /** The titles of courses the connector knows (a course without one is left out). */
  public Map<String, String> courseTitles(Connection c, java.util.Collection<String> courseIds)
      throws SQLException {
    Map<String, String> titles = new HashMap<>();
    if (courseIds.isEmpty()) {
      return titles;
    }
    String marks = String.join(",", java.util.Collections.nCopies(courseIds.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT course_id, title FROM lms_course WHERE title IS NOT NULL AND course_id IN ("
                + marks
                + ")")) {
      int i = 1;
      for (String course : courseIds) {
        ps.setString(i++, course);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          titles.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return titles;
  }

  /** The stored roster of a course, by name. */
  public List<Participant> roster(String courseId) {
    try (Connection c = dataSource.getConnection()) {
      return roster(c, courseId);
    } catch (SQLException e) {
      throw new StoreException("cannot read the roster", e);
    }
  }

  /** As {@link #roster(String)}, on the caller's connection (see {@link #names}). */
  public List<Participant> roster(Connection c, String courseId) throws SQLException {
    List<Participant> roster = new ArrayList<>();
    String sql =
        "SELECT p.lms_user_id, p.display_name, p.email, m.roles, m.group_names FROM lms_course_member m"
            + " JOIN lms_person p ON p.lms_user_id = m.lms_user_id WHERE m.course_id = ? ORDER BY p.display_name, p.lms_user_id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, courseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          roster.add(
              new Participant(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  split(rs.getString(4)),
                  split(rs.getString(5))));
        }
      }
    }
    return roster;
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  private void upsertCourse(Connection c, String courseId, String title) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_COURSE)) {
      ps.setString(1, courseId);
      ps.setString(2, title);
      ps.setTimestamp(3, Timestamp.from(Instant.now(clock)));
      ps.executeUpdate();
    }
  }

  private void addPerson(PreparedStatement ps, Participant p) throws SQLException {
    ps.setString(1, p.lmsUserId());
    ps.setString(
        2, p.displayName().length() > 500 ? p.displayName().substring(0, 500) : p.displayName());
    ps.setString(3, p.email());
    ps.setTimestamp(4, Timestamp.from(Instant.now(clock)));
  }

  private static void addMember(PreparedStatement ps, String courseId, Participant p)
      throws SQLException {
    ps.setString(1, courseId);
    ps.setString(2, p.lmsUserId());
    ps.setString(3, String.join(",", p.roles()));
    String groups = String.join(",", p.groups());
    ps.setString(4, groups.length() > 4000 ? groups.substring(0, 4000) : groups);
  }

  private static Map<String, String> members(Connection c, String courseId) throws SQLException {
    Map<String, String> members = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT lms_user_id, roles, group_names FROM lms_course_member WHERE course_id = ?")) {
      ps.setString(1, courseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          members.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3));
        }
      }
    }
    return members;
  }

  private static Map<String, String[]> people(Connection c, String courseId) throws SQLException {
    Map<String, String[]> people = new HashMap<>();
    String sql =
        "SELECT p.lms_user_id, p.display_name, p.email FROM lms_person p JOIN lms_course_member m"
            + " ON m.lms_user_id = p.lms_user_id WHERE m.course_id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, courseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          people.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        }
      }
    }
    return people;
  }

  private <T> T inTransaction(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "people store transaction", work);
  }
}
