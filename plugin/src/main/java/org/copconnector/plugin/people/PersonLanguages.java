package org.copconnector.plugin.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.i18n.Locales;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.SqlStates;
import org.copconnector.plugin.store.StoreException;

/**
 * Each person's language, per LTI platform and LMS user id: the one they chose, else their LMS's
 * locale at launch. Kept so that the server also writes in it to people who are not signed in (the
 * recipients of a notification).
 */
public final class PersonLanguages {

  /** The platform id stored for sessions without an LTI platform (demo mode). */
  static final long NO_PLATFORM = 0;

  private static final int IN_LIST = 500;

  private final DataSource dataSource;
  private final Clock clock;

  PersonLanguages(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Remembers the locale a person's LMS gave at launch (their language until they choose one). */
  public void rememberLaunch(Long platformId, String lmsUserId, String locale) {
    if (locale == null || locale.isBlank()) {
      return;
    }
    String trimmed = locale.strip();
    write(
        platformId,
        lmsUserId,
        "UPDATE person_language SET launch_locale = ?, launched_at = ?"
            + " WHERE platform_id = ? AND lms_user_id = ?",
        "INSERT INTO person_language (launch_locale, launched_at, platform_id, lms_user_id)"
            + " VALUES (?, ?, ?, ?)",
        trimmed.length() > 35 ? trimmed.substring(0, 35) : trimmed);
  }

  /** Keeps a person's choice of language, a supported one. */
  public void choose(Long platformId, String lmsUserId, String language) {
    if (!Locales.SUPPORTED.contains(language)) {
      throw new IllegalArgumentException("not a supported language: " + language);
    }
    write(
        platformId,
        lmsUserId,
        "UPDATE person_language SET chosen = ?, chosen_at = ?"
            + " WHERE platform_id = ? AND lms_user_id = ?",
        "INSERT INTO person_language (chosen, chosen_at, platform_id, lms_user_id)"
            + " VALUES (?, ?, ?, ?)",
        language);
  }

  /** The signed-in person's language: their choice, else the locale their session came with. */
  public String of(Session session) {
    try (Connection c = dataSource.getConnection()) {
      return of(c, session);
    } catch (SQLException e) {
      throw new StoreException("cannot read a person's language", e);
    }
  }

  /** As {@link #of(Session)}, on the caller's connection. */
  public String of(Connection c, Session session) throws SQLException {
    String chosen =
        Sql.first(
                c,
                "SELECT chosen FROM person_language WHERE platform_id = ? AND lms_user_id = ?",
                platform(session.platformId()),
                session.lmsUserId())
            .orElse(null);
    return chosen != null && Locales.SUPPORTED.contains(chosen)
        ? chosen
        : Locales.supported(session.locale());
  }

  /** The language to write to someone who may not be signed in (English when nothing is known). */
  public String of(Connection c, String lmsUserId) throws SQLException {
    return of(c, List.of(lmsUserId)).get(lmsUserId);
  }

  /**
   * The language of each person, on the caller's connection: the latest choice on any platform,
   * else the locale of the latest launch, else English.
   */
  public Map<String, String> of(Connection c, Collection<String> lmsUserIds) throws SQLException {
    Map<String, Known> known = new HashMap<>();
    List<String> ids = List.copyOf(lmsUserIds);
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      List<String> slice = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
      read(c, slice, known);
    }
    Map<String, String> languages = new HashMap<>();
    for (String id : ids) {
      Known k = known.get(id);
      languages.put(id, k == null ? Locales.DEFAULT : k.language());
    }
    return languages;
  }

  /** What is known of one person's language across platforms. */
  private record Known(String chosen, Instant chosenAt, String launched, Instant launchedAt) {

    String language() {
      return chosen != null && Locales.SUPPORTED.contains(chosen)
          ? chosen
          : Locales.supported(launched);
    }

    Known with(String choice, Instant choiceAt, String locale, Instant launchAt) {
      boolean newerChoice = choice != null && (chosenAt == null || choiceAt.isAfter(chosenAt));
      boolean newerLaunch = locale != null && (launchedAt == null || launchAt.isAfter(launchedAt));
      return new Known(
          newerChoice ? choice : chosen,
          newerChoice ? choiceAt : chosenAt,
          newerLaunch ? locale : launched,
          newerLaunch ? launchAt : launchedAt);
    }
  }

  private static void read(Connection c, List<String> ids, Map<String, Known> known)
      throws SQLException {
    String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT lms_user_id, chosen, chosen_at, launch_locale, launched_at FROM person_language"
                + " WHERE lms_user_id IN ("
                + marks
                + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setString(i + 1, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp chosenAt = rs.getTimestamp(3);
          Timestamp launchedAt = rs.getTimestamp(5);
          known.merge(
              rs.getString(1),
              new Known(
                  rs.getString(2),
                  chosenAt == null ? null : chosenAt.toInstant(),
                  rs.getString(4),
                  launchedAt == null ? null : launchedAt.toInstant()),
              (a, b) -> a.with(b.chosen(), b.chosenAt(), b.launched(), b.launchedAt()));
        }
      }
    }
  }

  /**
   * Updates the person's row, or inserts it; a concurrent insert of the same row is answered by
   * updating it. Each statement commits on its own, so a duplicate does not spoil a transaction.
   */
  private void write(
      Long platformId, String lmsUserId, String update, String insert, String value) {
    Object[] values = {value, Timestamp.from(Instant.now(clock)), platform(platformId), lmsUserId};
    try (Connection c = dataSource.getConnection()) {
      if (Sql.update(c, update, values) > 0) {
        return;
      }
      try {
        Sql.update(c, insert, values);
      } catch (SQLException e) {
        if (!SqlStates.isDuplicate(e)) {
          throw e;
        }
        Sql.update(c, update, values);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot keep a person's language", e);
    }
  }

  private static long platform(Long platformId) {
    return platformId == null ? NO_PLATFORM : platformId;
  }
}
