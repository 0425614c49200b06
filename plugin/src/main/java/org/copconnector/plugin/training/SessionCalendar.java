package org.copconnector.plugin.training;

import com.google.gson.Gson;
import com.google.gson.annotations.SerializedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxHandler;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.people.PersonLanguages;
import org.copconnector.plugin.session.Tokens;
import org.copconnector.plugin.store.Transaction;

/**
 * Keeps each training session in its course's LMS calendar, through the outbox: a course event
 * while the session is scheduled, none once it is cancelled. Every change queues one message that
 * brings the LMS to the session's state at delivery time, so a later change makes the earlier
 * messages' work moot and the calendar ends showing the last state.
 *
 * <p>Moodle's web services cannot move an event (the event form reads dates in the service user's
 * time zone, which they do not reveal), so a change makes the new event first and then removes the
 * old one. Each step is recorded before the next: a retry after a lost answer looks for the event
 * it may have made (by the reference in its description, at the start it was given) instead of
 * making another, and a removal Moodle already did counts as done.
 */
public final class SessionCalendar {

  /** Kind of the message that brings one session's calendar event up to date. */
  public static final String KIND = "training.calendar";

  /** Text every session event's description carries before its reference. */
  static final String REFERENCE_PREFIX = "ref cop-session-";

  /** The payload: which session. */
  record Target(String sessionId) {}

  /** Whether a session is in the LMS calendar yet, as the trainer's page shows it. */
  public record Status(String sessionId, State state, String failure, String detail) {}

  /** Where a session's event is. */
  public enum State {
    /** A change is waiting to reach the LMS (or is being tried again). */
    @SerializedName("pending")
    PENDING,
    /** The LMS shows the session as it is. */
    @SerializedName("in_calendar")
    IN_CALENDAR,
    /** The LMS refused it; an administrator retries it from the outbox page. */
    @SerializedName("failed")
    FAILED,
    /** Nothing to show: the session is cancelled and its event removed, or it was never sent. */
    @SerializedName("none")
    NONE
  }

  private static final Gson GSON = Json.lenient();

  private final DataSource dataSource;
  private final Outbox outbox;
  private final PersonLanguages languages;
  private final CalendarStore store = new CalendarStore();

  public SessionCalendar(DataSource dataSource, Outbox outbox, PersonLanguages languages) {
    this.dataSource = dataSource;
    this.outbox = outbox;
    this.languages = languages;
  }

  /** The reference written into a session's event, found again after a lost answer. */
  static String reference(String sessionId) {
    return REFERENCE_PREFIX + sessionId.replace("-", "").substring(0, 16);
  }

  static String sequence(String sessionId) {
    return "calendar:" + sessionId;
  }

  /** Queues bringing the session's event up to date, in the caller's transaction. */
  void queue(Connection c, String sessionId) throws SQLException {
    outbox.enqueue(
        c,
        KIND,
        sequence(sessionId) + ":" + UUID.randomUUID(),
        sequence(sessionId),
        GSON.toJson(new Target(sessionId)));
  }

  /** The calendar state of each session of an action, for its trainers. */
  List<Status> statuses(Connection c, TrainingAccess.Standing standing) throws SQLException {
    Map<String, CalendarStore.EventRow> events = store.eventsOf(c, standing.action().id());
    List<Status> statuses = new ArrayList<>();
    for (TrainingSession s : new TrainingStore().sessionsOf(c, standing.action().id())) {
      Optional<OutboxMessage> latest = outbox.latestInSequence(c, sequence(s.id()));
      CalendarStore.EventRow event = events.getOrDefault(s.id(), CalendarStore.EventRow.NONE);
      State state;
      if (latest.isPresent() && latest.get().status() == OutboxMessage.Status.FAILED) {
        state = State.FAILED;
      } else if (latest.isPresent() && latest.get().status() == OutboxMessage.Status.PENDING) {
        state = State.PENDING;
      } else if (s.scheduled() && event.eventId() != null) {
        state = State.IN_CALENDAR;
      } else {
        state = State.NONE;
      }
      OutboxMessage m = latest.orElse(null);
      boolean explained = m != null && state != State.IN_CALENDAR && m.lastError() != null;
      statuses.add(
          new Status(
              s.id(), state, explained ? m.failure() : null, explained ? m.failureDetail() : null));
    }
    return statuses;
  }

  /** Delivers the messages: the session's event made, replaced or removed, each step once. */
  public OutboxHandler handler(Lms lms) {
    return OutboxHandler.of(
        KIND,
        message -> {
          Target target = GSON.fromJson(message.payload(), Target.class);
          DeliveryFailure.translating(() -> bringUpToDate(lms, target.sessionId()));
        });
  }

  private void bringUpToDate(Lms lms, String sessionId) throws DeliveryFailure {
    CalendarStore.Subject subject =
        read(c -> store.subject(c, sessionId))
            .orElseThrow(() -> DeliveryFailure.missing("session " + sessionId + " is gone"));
    String reference = reference(sessionId);
    CalendarStore.EventRow row = removeStale(lms, sessionId, read(c -> store.event(c, sessionId)));
    if (row.creatingStart() != null) {
      row = removeStale(lms, sessionId, adoptLost(lms, sessionId, subject, row, reference));
    }
    if (!subject.session().scheduled()) {
      if (row.eventId() != null) {
        removeStale(
            lms,
            sessionId,
            save(sessionId, new CalendarStore.EventRow(null, null, row.eventId(), null, null)));
      }
      return;
    }
    Lms.CourseEvent wanted = event(subject, reference);
    String shown = shown(wanted);
    if (row.eventId() != null && shown.equals(row.shown())) {
      return;
    }
    // Recorded before asking: if the answer is lost, the next attempt looks for the event here.
    save(
        sessionId,
        new CalendarStore.EventRow(row.eventId(), row.shown(), null, wanted.startSeconds(), shown));
    String made = lms.createCourseEvent(wanted);
    removeStale(
        lms,
        sessionId,
        save(sessionId, new CalendarStore.EventRow(made, shown, row.eventId(), null, null)));
  }

  /**
   * After an attempt whose answer may have been lost: the event it made, if Moodle has it, becomes
   * the session's (the one before it to be removed); a second one, which no run of this code makes,
   * would be removed too.
   */
  private CalendarStore.EventRow adoptLost(
      Lms lms,
      String sessionId,
      CalendarStore.Subject subject,
      CalendarStore.EventRow row,
      String reference) {
    List<String> made =
        lms.findCourseEvents(subject.courseId(), row.creatingStart(), reference).stream()
            .filter(id -> !id.equals(row.eventId()))
            .toList();
    if (made.isEmpty()) {
      return save(sessionId, row.settled());
    }
    for (String extra : made.subList(1, made.size())) {
      lms.deleteEvent(extra);
    }
    return save(
        sessionId,
        new CalendarStore.EventRow(made.get(0), row.creatingShown(), row.eventId(), null, null));
  }

  /** Removes the event a change replaced, if any, and records that it is gone. */
  private CalendarStore.EventRow removeStale(
      Lms lms, String sessionId, CalendarStore.EventRow row) {
    if (row.staleEventId() == null) {
      return row;
    }
    lms.deleteEvent(row.staleEventId());
    return save(
        sessionId,
        new CalendarStore.EventRow(
            row.eventId(), row.shown(), null, row.creatingStart(), row.creatingShown()));
  }

  private CalendarStore.EventRow save(String sessionId, CalendarStore.EventRow row) {
    Transaction.run(
        dataSource,
        "training calendar",
        c -> {
          store.saveEvent(c, sessionId, row);
          return null;
        });
    return row;
  }

  /**
   * The session as a course event: named after the action, its place or link and the reference in
   * the description, in the language of the action's author.
   */
  private Lms.CourseEvent event(CalendarStore.Subject subject, String reference) {
    TrainingSession session = subject.session();
    Translations t = Translations.in(read(c -> languages.of(c, subject.createdBy())));
    StringBuilder html = new StringBuilder();
    if (session.place() != null) {
      html.append("<p>")
          .append(
              SafeHtml.escape(
                  t.text("moodle.training.event.place", Map.of("place", session.place()))))
          .append("</p>");
    }
    if (session.link() != null) {
      String link = SafeHtml.escape(session.link());
      html.append("<p>")
          .append(SafeHtml.escape(t.text("moodle.training.event.link")))
          .append(" <a href=\"")
          .append(link)
          .append("\">")
          .append(link)
          .append("</a></p>");
    }
    html.append("<p><small>").append(reference).append("</small></p>");
    return new Lms.CourseEvent(
        subject.courseId(),
        t.text("moodle.training.event.name", Map.of("title", subject.title())),
        html.toString(),
        session.startsAt().getEpochSecond(),
        60L * session.minutes());
  }

  /** A digest of what an event shows, to tell whether the one in the LMS is current. */
  static String shown(Lms.CourseEvent event) {
    return Tokens.sha256(
        event.startSeconds()
            + "\n"
            + event.durationSeconds()
            + "\n"
            + event.name()
            + "\n"
            + event.html());
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "training calendar read", work);
  }
}
