package org.copconnector.plugin.training;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Attendance at training sessions: trainers mark each trainee (one request per person, or all
 * present at once), trainees check in themselves with the session's code in its window, and each
 * trainee's running figure is compared with the action's minimum.
 */
public final class Attendance {

  /** Check-in opens this long before a session starts (and closes when it ends). */
  static final Duration EARLY_CHECK_IN = Duration.ofMinutes(15);

  /** Wrong codes a trainee may give for one code before self check-in stops for them. */
  static final int MAX_MISSES = 10;

  /** A self check-in up to this many minutes after the start counts as present. */
  static final int GRACE_MINUTES = 10;

  /** Check-in codes: no 0/O nor 1/I, which are read one for the other. */
  private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private static final int CODE_LENGTH = 6;

  private final DataSource dataSource;
  private final PeopleStore people;
  private final Clock clock;
  private final TrainingStore store = new TrainingStore();
  private final AttendanceStore marks = new AttendanceStore();
  private final CorrectionStore corrections = new CorrectionStore();
  private final TrainingAccess access;
  private final SecureRandom random = new SecureRandom();

  public Attendance(DataSource dataSource, PeopleStore people, Clock clock) {
    this.dataSource = dataSource;
    this.people = people;
    this.clock = clock;
    this.access = new TrainingAccess(store, new CommunityAccess(people));
  }

  /** Trainers: the session's roster with each trainee's mark, and its check-in code. */
  public AttendanceSheet sheet(Session session, String sessionId) {
    return read(
        c -> {
          TrainingSession found = access.session(c, session, sessionId);
          access.of(c, session, found.actionId()).requireTrainer();
          return sheet(c, found);
        });
  }

  /** Trainers: one trainee's mark in one session. */
  public AttendanceSheet.Row mark(
      Session session, String sessionId, String userId, TrainingRequests.Mark request) {
    if (request == null || request.status() == null) {
      throw ApiException.invalid(
          Reason.ATTENDANCE_STATUS_REQUIRED,
          "status",
          "say how they attended: present, late, excused or absent");
    }
    return write(
        c -> {
          TrainingSession found = access.session(c, session, sessionId);
          TrainingAccess.Standing standing =
              access.forChange(c, session, found.actionId()).requireTrainer();
          String reason = standing.correctionReason(request.reason());
          if (!found.scheduled()) {
            throw new ApiException(Reason.SESSION_CANCELLED, "this session is cancelled");
          }
          requireTrainee(c, found.actionId(), userId);
          boolean late = request.status() == AttendanceSheet.Mark.LATE;
          int lateMinutes = late && request.lateMinutes() != null ? request.lateMinutes() : 0;
          if (lateMinutes > found.minutes()) {
            throw ApiException.invalid(
                Reason.LATE_MINUTES_RANGE,
                "lateMinutes",
                "late by at most the session's " + found.minutes() + " minutes",
                Map.of("max", found.minutes()));
          }
          String note = request.note() == null ? "" : request.note().strip();
          AttendanceStore.Mark mark =
              new AttendanceStore.Mark(request.status(), lateMinutes, note, false);
          AttendanceStore.Mark before = marks.ofSession(c, sessionId).get(userId);
          Instant now = Instant.now(clock);
          marks.save(c, sessionId, userId, mark, session.lmsUserId(), now);
          if (reason != null) {
            corrections.log(
                c,
                found.actionId(),
                new CorrectionStore.Made(
                    "attendance of "
                        + userId
                        + " at the session of "
                        + found.startsAt()
                        + ": "
                        + text(before)
                        + " -> "
                        + text(mark)
                        + "; reason: "
                        + reason,
                    CorrectionStore.Kind.ATTENDANCE,
                    userId,
                    sessionId,
                    state(before),
                    state(mark),
                    reason,
                    session.lmsUserId(),
                    now));
          }
          return row(c, userId, mark);
        });
  }

  /** Trainers: every trainee not marked yet becomes present. */
  public AttendanceSheet allPresent(Session session, String sessionId) {
    return write(
        c -> {
          TrainingSession found = changeable(c, session, sessionId);
          Map<String, AttendanceStore.Mark> marked = marks.ofSession(c, sessionId);
          List<String> unmarked =
              store.trainees(c, found.actionId()).stream()
                  .filter(t -> !marked.containsKey(t))
                  .toList();
          marks.insert(
              c,
              sessionId,
              unmarked,
              new AttendanceStore.Mark(AttendanceSheet.Mark.PRESENT, 0, "", false),
              session.lmsUserId(),
              Instant.now(clock));
          return sheet(c, found);
        });
  }

  /** Trainers: a new check-in code for the session, replacing any earlier one. */
  public AttendanceSheet.CheckIn newCode(Session session, String sessionId) {
    return write(
        c -> {
          TrainingSession found = changeable(c, session, sessionId);
          StringBuilder code = new StringBuilder(CODE_LENGTH);
          for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
          }
          store.setCheckInCode(c, sessionId, code.toString());
          return checkIn(found, code.toString());
        });
  }

  /**
   * Trainees: checks in with the session's code during its window, present or late by the minutes
   * past the start; a mark the trainer already gave stays.
   */
  public AttendanceSheet.Row checkIn(
      Session session, String sessionId, TrainingRequests.CheckInCode request) {
    // A wrong code is counted in its own committed transaction, then refused.
    AttendanceSheet.Row row = write(c -> checkIn(c, session, sessionId, request));
    if (row == null) {
      throw ApiException.invalid(
          Reason.CHECK_IN_CODE, "code", "not the code of this session: ask the trainer");
    }
    return row;
  }

  /** The trainee's row once checked in, or null (and one more miss counted) for a wrong code. */
  private AttendanceSheet.Row checkIn(
      Connection c, Session session, String sessionId, TrainingRequests.CheckInCode request)
      throws SQLException {
    TrainingSession found = access.session(c, session, sessionId);
    TrainingAccess.Standing standing = access.forChange(c, session, found.actionId()).requireOpen();
    if (!standing.trainee()) {
      throw new ApiException(Reason.TRAINEES_ONLY_CHECK_IN, "only this action's trainees check in");
    }
    Instant now = Instant.now(clock);
    String code = store.checkInCode(c, sessionId).orElse(null);
    if (!found.scheduled()
        || code == null
        || now.isBefore(found.startsAt().minus(EARLY_CHECK_IN))
        || !now.isBefore(found.endsAt())) {
      throw new ApiException(Reason.CHECK_IN_CLOSED, "check-in is open only during the session");
    }
    String given =
        request == null || request.code() == null
            ? ""
            : request.code().strip().toUpperCase(Locale.ROOT);
    String me = session.lmsUserId();
    if (store.checkInMisses(c, sessionId, me) >= MAX_MISSES) {
      throw new ApiException(
          Reason.CHECK_IN_LOCKED,
          "too many wrong codes: the trainer can mark you or show a new code",
          Map.of("max", MAX_MISSES));
    }
    if (!given.equals(code)) {
      store.addCheckInMiss(c, sessionId, me);
      return null;
    }
    AttendanceStore.Mark existing = marks.ofSession(c, sessionId).get(me);
    if (existing != null) {
      return row(c, me, existing);
    }
    long past = Duration.between(found.startsAt(), now).toMinutes();
    AttendanceStore.Mark mark =
        past > GRACE_MINUTES
            ? new AttendanceStore.Mark(AttendanceSheet.Mark.LATE, (int) past, "", true)
            : new AttendanceStore.Mark(AttendanceSheet.Mark.PRESENT, 0, "", true);
    marks.insert(c, sessionId, List.of(me), mark, me, now);
    return row(c, me, mark);
  }

  /** Each trainee's figures against the minimum: trainers see everyone, a trainee their own. */
  public AttendanceSummary summary(Session session, String actionId) {
    return read(
        c -> {
          TrainingAccess.Standing standing = access.of(c, session, actionId);
          List<String> shown =
              standing.seesEveryone() ? store.trainees(c, actionId) : List.of(session.lmsUserId());
          return summary(c, standing.action(), shown, Instant.now(clock));
        });
  }

  /** The figures of {@code userIds} in {@code action}, at {@code now}. */
  AttendanceSummary summary(
      Connection c, TrainingStore.Row action, Collection<String> userIds, Instant now)
      throws SQLException {
    List<TrainingSession> sessions =
        store.sessionsOf(c, action.id()).stream().filter(TrainingSession::scheduled).toList();
    Map<String, Map<String, AttendanceStore.Mark>> all = marks.ofAction(c, action.id());
    Map<String, String> names = people.names(c, userIds);
    List<AttendanceSummary.Row> rows = new ArrayList<>();
    for (String userId : userIds) {
      Map<String, AttendanceSheet.Row> bySession = new java.util.HashMap<>();
      all.getOrDefault(userId, Map.of())
          .forEach((sessionId, mark) -> bySession.put(sessionId, sheetRow(userId, "", mark)));
      rows.add(
          AttendanceSummary.row(
              userId,
              names.getOrDefault(userId, "User " + userId),
              action.jointMinutes(),
              action.rule(),
              sessions,
              bySession,
              action.status() == TrainingAction.Status.CLOSED,
              now));
    }
    rows.sort(java.util.Comparator.comparing(AttendanceSummary.Row::name));
    return new AttendanceSummary(
        action.jointMinutes(), action.rule().minimumMinutes(action.jointMinutes()), rows);
  }

  private AttendanceSheet sheet(Connection c, TrainingSession found) throws SQLException {
    List<String> trainees = store.trainees(c, found.actionId());
    Map<String, String> names = people.names(c, trainees);
    Map<String, AttendanceStore.Mark> marked = marks.ofSession(c, found.id());
    List<AttendanceSheet.Row> rows = new ArrayList<>();
    for (String userId : trainees) {
      rows.add(sheetRow(userId, names.getOrDefault(userId, "User " + userId), marked.get(userId)));
    }
    rows.sort(java.util.Comparator.comparing(AttendanceSheet.Row::name));
    String code = store.checkInCode(c, found.id()).orElse(null);
    return new AttendanceSheet(found, rows, code == null ? null : checkIn(found, code));
  }

  /** A mark as the correction log keeps it; empty when there was none. */
  private static Map<String, String> state(AttendanceStore.Mark mark) {
    if (mark == null) {
      return Map.of();
    }
    Map<String, String> state = new java.util.LinkedHashMap<>();
    state.put("status", mark.status().name().toLowerCase(Locale.ROOT));
    if (mark.status() == AttendanceSheet.Mark.LATE) {
      state.put("lateMinutes", String.valueOf(mark.lateMinutes()));
    }
    if (!mark.note().isEmpty()) {
      state.put("note", mark.note());
    }
    return state;
  }

  private static String text(AttendanceStore.Mark mark) {
    if (mark == null) {
      return "not marked";
    }
    String status = mark.status().name().toLowerCase(Locale.ROOT);
    return mark.status() == AttendanceSheet.Mark.LATE ? status + " " + mark.lateMinutes() : status;
  }

  private static AttendanceSheet.Row sheetRow(
      String userId, String name, AttendanceStore.Mark mark) {
    return mark == null
        ? new AttendanceSheet.Row(userId, name, null, 0, "", false)
        : new AttendanceSheet.Row(
            userId, name, mark.status(), mark.lateMinutes(), mark.note(), mark.selfCheckIn());
  }

  private AttendanceSheet.Row row(Connection c, String userId, AttendanceStore.Mark mark)
      throws SQLException {
    String name = people.names(c, List.of(userId)).getOrDefault(userId, "User " + userId);
    return sheetRow(userId, name, mark);
  }

  private static AttendanceSheet.CheckIn checkIn(TrainingSession session, String code) {
    return new AttendanceSheet.CheckIn(
        code, session.startsAt().minus(EARLY_CHECK_IN), session.endsAt());
  }

  /** A scheduled session of an open action the caller trains, its action held for the change. */
  private TrainingSession changeable(Connection c, Session session, String sessionId)
      throws SQLException {
    TrainingSession found = access.session(c, session, sessionId);
    access.forChange(c, session, found.actionId()).requireTrainer().requireOpen();
    if (!found.scheduled()) {
      throw new ApiException(Reason.SESSION_CANCELLED, "this session is cancelled");
    }
    return found;
  }

  private void requireTrainee(Connection c, String actionId, String userId) throws SQLException {
    if (!store.isTrainee(c, actionId, userId)) {
      throw ApiException.notFound(Reason.TRAINEE_NOT_FOUND, "trainee " + userId);
    }
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "attendance read", work);
  }

  private <T> T write(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "attendance change", work);
  }
}
