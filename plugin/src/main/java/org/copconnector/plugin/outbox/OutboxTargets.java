package org.copconnector.plugin.outbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.copconnector.plugin.store.StoreException;

/**
 * What outbox messages are about, in names an administrator knows: the community, the course, the
 * thread or resource and the people. Every kind's payload names its place with the same fields
 * ({@code communityName} or {@code groupName}, {@code courseId}, {@code threadId}, {@code
 * resourceId}, {@code userId} or {@code userIds}); the names are read with one query per table for
 * a whole page of messages.
 */
public final class OutboxTargets {

  /**
   * One message's target; fields are null (and people empty) when its payload does not say. {@code
   * people} names the first few of the {@code peopleCount} people.
   */
  public record Target(
      String community,
      String courseId,
      String course,
      String thread,
      String resource,
      List<String> people,
      int peopleCount) {}

  /** People named per message; a group change may concern a whole course. */
  private static final int PEOPLE_NAMED = 5;

  private record Payload(
      String community,
      String courseId,
      String threadId,
      String resourceId,
      List<String> userIds) {}

  private final DataSource dataSource;

  public OutboxTargets(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The targets of {@code messages}, by message id. */
  public Map<Long, Target> of(List<OutboxMessage> messages) {
    Map<Long, Payload> payloads = new HashMap<>();
    Set<String> courses = new LinkedHashSet<>();
    Set<String> threads = new LinkedHashSet<>();
    Set<String> resources = new LinkedHashSet<>();
    Set<String> people = new LinkedHashSet<>();
    for (OutboxMessage m : messages) {
      Payload p = read(m.payload());
      payloads.put(m.id(), p);
      addIfPresent(courses, p.courseId());
      addIfPresent(threads, p.threadId());
      addIfPresent(resources, p.resourceId());
      people.addAll(named(p));
    }
    try (Connection c = dataSource.getConnection()) {
      Map<String, String> courseTitles = names(c, "lms_course", "course_id", "title", courses);
      Map<String, String> threadTitles = names(c, "thread", "id", "title", threads);
      Map<String, String> resourceTitles = names(c, "resource", "id", "title", resources);
      Map<String, String> personNames =
          names(c, "lms_person", "lms_user_id", "display_name", people);
      Map<Long, Target> targets = new HashMap<>();
      payloads.forEach(
          (id, p) ->
              targets.put(
                  id,
                  new Target(
                      p.community(),
                      p.courseId(),
                      p.courseId() == null ? null : courseTitles.get(p.courseId()),
                      p.threadId() == null ? null : threadTitles.get(p.threadId()),
                      p.resourceId() == null ? null : resourceTitles.get(p.resourceId()),
                      named(p).stream().map(u -> personNames.getOrDefault(u, "user " + u)).toList(),
                      p.userIds().size())));
      return targets;
    } catch (SQLException e) {
      throw new StoreException("cannot name the outbox's targets", e);
    }
  }

  private static List<String> named(Payload p) {
    return p.userIds().subList(0, Math.min(PEOPLE_NAMED, p.userIds().size()));
  }

  private static Payload read(String payload) {
    JsonObject json;
    try {
      JsonElement parsed = JsonParser.parseString(payload);
      json = parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
    } catch (JsonParseException e) {
      json = new JsonObject();
    }
    List<String> userIds = new ArrayList<>();
    if (json.get("userIds") instanceof JsonArray ids) {
      ids.forEach(id -> userIds.add(id.getAsString()));
    }
    String userId = text(json, "userId");
    if (userId != null) {
      userIds.add(userId);
    }
    String community = text(json, "communityName");
    return new Payload(
        community != null ? community : text(json, "groupName"),
        text(json, "courseId"),
        text(json, "threadId"),
        text(json, "resourceId"),
        userIds);
  }

  private static String text(JsonObject json, String field) {
    JsonElement value = json.get(field);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
  }

  private static void addIfPresent(Set<String> ids, String id) {
    if (id != null) {
      ids.add(id);
    }
  }

  /** {@code name} of the rows of {@code table} whose {@code key} is one of {@code ids}. */
  private static Map<String, String> names(
      Connection c, String table, String key, String name, Collection<String> ids)
      throws SQLException {
    Map<String, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + key + ", " + name + " FROM " + table + " WHERE " + key + " IN (" + marks
                + ")")) {
      int i = 1;
      for (String id : ids) {
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
}
