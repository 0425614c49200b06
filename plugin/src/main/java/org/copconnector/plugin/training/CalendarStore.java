package org.copconnector.plugin.training;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.copconnector.plugin.store.Sql;

/** SQL for the sessions' calendar events and their day-before reminders. */
final class CalendarStore {

  /**
   * A session's event as last known: the one showing it, what it shows, an earlier one to remove,
   * and the start of one being made (its answer may have been lost).
   */
  record EventRow(
      String eventId, String shown, String staleEventId, Long creatingStart, String creatingShown) {

    static final EventRow NONE = new EventRow(null, null, null, null, null);

    /** The same, with no event being made. */
    EventRow settled() {
      return new EventRow(eventId, shown, staleEventId, null, null);
    }
  }

  /** What a session's event is made from: the session and its action's course, title, author. */
  record Subject(TrainingSession session, String courseId, String title, String createdBy) {}

  EventRow event(Connection c, String sessionId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT event_id, shown, stale_event_id, creating_start, creating_shown"
                + " FROM training_session_event"
                + " WHERE session_id = ?")) {
      ps.setString(1, sessionId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return EventRow.NONE;
        }
        return row(rs, 1);
      }
    }
  }

  /** The events of an action's sessions, by session id. */
  Map<String, EventRow> eventsOf(Connection c, String actionId) throws SQLException {
    Map<String, EventRow> rows = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT e.session_id, e.event_id, e.shown, e.stale_event_id, e.creating_start,"
                + " e.creating_shown"
                + " FROM training_session_event e JOIN training_session s ON s.id = e.session_id"
                + " WHERE s.action_id = ?")) {
      ps.setString(1, actionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.put(rs.getString(1), row(rs, 2));
        }
      }
    }
    return rows;
  }

  /** The event columns read from {@code first} on. */
  private static EventRow row(ResultSet rs, int first) throws SQLException {
    long start = rs.getLong(first + 3);
    Long creatingStart = rs.wasNull() ? null : start;
    return new EventRow(
        rs.getString(first),
        rs.getString(first + 1),
        rs.getString(first + 2),
        creatingStart,
        rs.getString(first + 4));
  }

  void saveEvent(Connection c, String sessionId, EventRow row) throws SQLException {
    Object creating = row.creatingStart();
    int updated =
        Sql.update(
            c,
            "UPDATE training_session_event SET event_id = ?, shown = ?, stale_event_id = ?,"
                + " creating_start = ?, creating_shown = ? WHERE session_id = ?",
            row.eventId(),
            row.shown(),
            row.staleEventId(),
            creating,
            row.creatingShown(),
            sessionId);
    if (updated == 0) {
      Sql.update(
          c,
          "INSERT INTO training_session_event (session_id, event_id, shown, stale_event_id,"
              + " creating_start, creating_shown) VALUES (?, ?, ?, ?, ?, ?)",
          sessionId,
          row.eventId(),
          row.shown(),
          row.staleEventId(),
          creating,
          row.creatingShown());
    }
  }

  Optional<Subject> subject(Connection c, String sessionId) throws SQLException {
    Optional<TrainingSession> session = new TrainingStore().session(c, sessionId);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT course_id, title, created_by FROM training_action WHERE id = ?")) {
      ps.setString(1, session.get().actionId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Subject(session.get(), rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  /** Scheduled sessions of open actions starting in {@code (from, to]}, soonest first. */
  List<Subject> startingBetween(Connection c, Instant from, Instant to) throws SQLException {
    List<String> ids =
        Sql.strings(
            c,
            "SELECT s.id FROM training_session s JOIN training_action a ON a.id = s.action_id"
                + " WHERE s.status = ? AND a.status = ? AND s.starts_at > ? AND s.starts_at <= ?"
                + " ORDER BY s.starts_at, s.id",
            TrainingSession.Status.SCHEDULED.name(),
            TrainingAction.Status.OPEN.name(),
            Timestamp.from(from),
            Timestamp.from(to));
    List<Subject> subjects = new ArrayList<>();
    for (String id : ids) {
      subject(c, id).ifPresent(subjects::add);
    }
    return subjects;
  }

  /** Records the reminder of a session for a day; false when it was already queued. */
  boolean markReminded(Connection c, String sessionId, LocalDate day, Instant at)
      throws SQLException {
    if (Sql.first(
            c,
            "SELECT session_id FROM training_session_reminder WHERE session_id = ? AND session_day = ?",
            sessionId,
            Date.valueOf(day))
        .isPresent()) {
      return false;
    }
    Sql.update(
        c,
        "INSERT INTO training_session_reminder (session_id, session_day, queued_at) VALUES (?, ?, ?)",
        sessionId,
        Date.valueOf(day),
        Timestamp.from(at));
    return true;
  }
}
