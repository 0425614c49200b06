package org.copconnector.plugin.prompt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.discussion.Discussions;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.json.Range;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.SqlStates;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prompts facilitators schedule for their community. When one is due it opens as a thread of the
 * community (mirrored to its forums, members notified). Each occurrence opens once: several
 * instances, restarts and repeated rounds cannot open it twice, and occurrences missed while the
 * connector was down are caught up once (the latest), not one by one.
 */
public final class PromptSchedules {

  /** A prompt to schedule. */
  public record NewSchedule(
      @Length(max = 36) String communityId,
      @Length(min = 1, max = 300, reason = "title_length") String title,
      @Length(min = 1, max = OwnPrompts.MAX_TEXT_HTML, reason = "prompt_length") String body,
      Occurrences.Repeat repeat,
      LocalDate firstDate,
      @Length(max = 8) String localTime,
      @Length(max = 60) String timeZone,
      @Range(min = 1, max = 90) Integer openDays,
      LocalDate untilDate,
      Boolean asksEvidence,
      Boolean openNow) {}

  /** A schedule as listed, with its next opening. */
  public record Schedule(
      String id,
      String communityId,
      String title,
      Occurrences.Repeat repeat,
      LocalDate firstDate,
      String localTime,
      String timeZone,
      Integer openDays,
      LocalDate untilDate,
      boolean asksEvidence,
      Instant nextOpeningAt,
      int opened,
      Instant stoppedAt) {}

  private static final Logger LOG = LoggerFactory.getLogger(PromptSchedules.class);

  private final DataSource dataSource;
  private final Discussions discussions;
  private final PromptReminders reminders;
  private final CommunityAccess access;
  private final ZoneId defaultZone;
  private final Clock clock;

  public PromptSchedules(
      DataSource dataSource,
      Discussions discussions,
      Notifier notifier,
      PeopleStore people,
      ZoneId defaultZone,
      Clock clock) {
    this.dataSource = dataSource;
    this.discussions = discussions;
    this.reminders = new PromptReminders(dataSource, discussions, notifier, people.languages());
    this.access = new CommunityAccess(people);
    this.defaultZone = defaultZone;
    this.clock = clock;
  }

  public Schedule schedule(Session session, NewSchedule request) {
    if (request == null || request.communityId() == null) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "communityId", "say which community the prompt is for");
    }
    String title = request.title() == null ? "" : request.title().strip();
    if (title.isEmpty() || title.length() > 300) {
      throw ApiException.invalid(
          Reason.TITLE_LENGTH,
          "title",
          "a title is 1 to 300 characters",
          Map.of("min", 1, "max", 300));
    }
    String body = OwnPrompts.promptHtml(request.body(), "body");
    ZoneId zone;
    try {
      zone =
          request.timeZone() == null || request.timeZone().isBlank()
              ? defaultZone
              : ZoneId.of(request.timeZone());
    } catch (DateTimeException e) {
      throw ApiException.invalid(
          Reason.TIME_ZONE_INVALID, "timeZone", "a time zone such as Europe/Lisbon");
    }
    Instant now = Instant.now(clock);
    boolean openNow = Boolean.TRUE.equals(request.openNow());
    if (openNow) {
      // Opened at once (a meeting, a training session): a one-off occurrence at this minute.
      ZonedDateTime local = now.atZone(zone);
      request =
          new NewSchedule(
              request.communityId(),
              title,
              body,
              Occurrences.Repeat.ONCE,
              local.toLocalDate(),
              local.toLocalTime().withSecond(0).withNano(0).toString(),
              zone.getId(),
              request.openDays(),
              null,
              request.asksEvidence(),
              true);
    }
    if (request.repeat() == null || request.firstDate() == null) {
      throw ApiException.invalid(
          Reason.REPEAT_REQUIRED,
          "repeat",
          "say how often (once, weekly, fortnightly, monthly) and from which date");
    }
    LocalTime time;
    try {
      time = LocalTime.parse(request.localTime() == null ? "" : request.localTime());
      // Prompts open on a minute: 18:00:00 is 18:00, and 18:00:30 is not a time to open at.
      if (!time.equals(time.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
        throw new DateTimeException("seconds");
      }
    } catch (DateTimeException e) {
      throw ApiException.invalid(
          Reason.LOCAL_TIME_INVALID, "localTime", "a local time such as 18:00");
    }
    if (request.openDays() != null && (request.openDays() < 1 || request.openDays() > 90)) {
      throw ApiException.invalid(
          Reason.OPEN_DAYS_RANGE,
          "openDays",
          "a prompt stays open 1 to 90 days",
          Map.of("min", 1, "max", 90));
    }
    if (request.untilDate() != null && request.untilDate().isBefore(request.firstDate())) {
      throw ApiException.invalid(
          Reason.UNTIL_BEFORE_FIRST, "untilDate", "the last date comes after the first");
    }
    Occurrences occurrences =
        new Occurrences(request.repeat(), request.firstDate(), time, zone, request.untilDate());
    String id = UUID.randomUUID().toString();
    Instant next =
        openNow
            ? now
            : occurrences
                .firstAfter(now.minusSeconds(1))
                .map(ZonedDateTime::toInstant)
                .orElse(null);
    NewSchedule checked = request;
    Transaction.run(
        dataSource,
        "prompt schedule",
        c -> {
          access.of(c, session, checked.communityId()).requireModerate();
          Sql.update(
              c,
              "INSERT INTO prompt_schedule (id, community_id, title, body, repeat_every, first_date, local_time, time_zone,"
                  + " open_days, until_date, created_by, next_opening_at, created_at, asks_evidence)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              id,
              checked.communityId(),
              title,
              body,
              checked.repeat().name(),
              java.sql.Date.valueOf(checked.firstDate()),
              time.toString(),
              zone.getId(),
              checked.openDays(),
              checked.untilDate() == null ? null : java.sql.Date.valueOf(checked.untilDate()),
              session.lmsUserId(),
              next == null ? null : Timestamp.from(next),
              Timestamp.from(now),
              Boolean.TRUE.equals(checked.asksEvidence()));
          return null;
        });
    if (openNow) {
      openDue();
    }
    return list(session, checked.communityId()).stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  public List<Schedule> list(Session session, String communityId) {
    return Transaction.run(
        dataSource,
        "prompt schedules",
        c -> {
          access.of(c, session, communityId).requireRead();
          List<Schedule> schedules = new ArrayList<>();
          for (Row r : rows(c, "community_id = ?", communityId)) {
            int opened =
                Sql.count(c, "SELECT COUNT(*) FROM prompt_opening WHERE schedule_id = ?", r.id());
            schedules.add(
                new Schedule(
                    r.id(),
                    r.communityId(),
                    r.title(),
                    r.occurrences().repeat(),
                    r.occurrences().first(),
                    r.occurrences().time().toString(),
                    r.occurrences().zone().getId(),
                    r.openDays(),
                    r.occurrences().until(),
                    r.asksEvidence(),
                    r.next(),
                    opened,
                    r.stoppedAt()));
          }
          return schedules;
        });
  }

  /** Stops a schedule: nothing more opens; its community's facilitators and administrators. */
  public Schedule stop(Session session, String scheduleId) {
    String communityId =
        Transaction.run(
            dataSource,
            "stop prompt schedule",
            c -> {
              String community =
                  Sql.first(c, "SELECT community_id FROM prompt_schedule WHERE id = ?", scheduleId)
                      .orElseThrow(
                          () ->
                              ApiException.notFound(
                                  Reason.SCHEDULE_NOT_FOUND, "prompt schedule " + scheduleId));
              access.of(c, session, community).requireModerate();
              Sql.update(
                  c,
                  "UPDATE prompt_schedule SET stopped_at = COALESCE(stopped_at, ?), next_opening_at = NULL"
                      + " WHERE id = ?",
                  Timestamp.from(Instant.now(clock)),
                  scheduleId);
              return community;
            });
    return list(session, communityId).stream()
        .filter(s -> s.id().equals(scheduleId))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Opens a one-off prompt now, in the caller's transaction, for another feature's moment (a
   * training session that has ended): a schedule that has opened once, and its thread, whose
   * answers are reflections as any prompt's. Returns the thread's id.
   */
  public String openOnceIn(
      Connection c, String communityId, String createdBy, String title, String html, Instant now)
      throws SQLException {
    ZonedDateTime local = now.atZone(defaultZone);
    String id = UUID.randomUUID().toString();
    Sql.update(
        c,
        "INSERT INTO prompt_schedule (id, community_id, title, body, repeat_every, first_date, local_time, time_zone,"
            + " open_days, until_date, created_by, next_opening_at, created_at, asks_evidence)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, ?, FALSE)",
        id,
        communityId,
        title,
        html,
        Occurrences.Repeat.ONCE.name(),
        java.sql.Date.valueOf(local.toLocalDate()),
        local.toLocalTime().withSecond(0).withNano(0).toString(),
        defaultZone.getId(),
        createdBy,
        Timestamp.from(now));
    DiscussionThread thread =
        discussions.startScheduled(c, communityId, createdBy, title, html, now);
    Sql.update(
        c,
        "INSERT INTO prompt_opening (schedule_id, occurrence_date, thread_id, opened_at, closes_at)"
            + " VALUES (?, ?, ?, ?, NULL)",
        id,
        java.sql.Date.valueOf(local.toLocalDate()),
        thread.id(),
        Timestamp.from(now));
    return thread.id();
  }

  /** Opens every due prompt; returns how many threads were opened. Called every minute. */
  public int openDue() {
    Instant now = Instant.now(clock);
    List<Row> due =
        Transaction.run(
            dataSource,
            "due prompts",
            c ->
                rows(
                    c,
                    "next_opening_at IS NOT NULL AND next_opening_at <= ?",
                    Timestamp.from(now)));
    int opened = 0;
    for (Row row : due) {
      if (open(row, now)) {
        opened++;
      }
    }
    reminders.remind(now);
    return opened;
  }

  /** A scheduled round: never throws, so the schedule keeps running. */
  public void run() {
    try {
      int opened = openDue();
      if (opened > 0) {
        LOG.info("opened {} scheduled prompt(s)", opened);
      }
    } catch (RuntimeException e) {
      LOG.warn("scheduled prompts failed, the next round will retry: {}", e.toString());
    }
  }

  /** Opens the latest due occurrence (once) and moves the schedule to the next one. */
  private boolean open(Row row, Instant now) {
    Optional<ZonedDateTime> latest = row.occurrences().latestAtOrBefore(now);
    Instant next = row.occurrences().firstAfter(now).map(ZonedDateTime::toInstant).orElse(null);
    try {
      return openOnce(row, latest, next, now);
    } catch (AlreadyOpened e) {
      return false;
    }
  }

  private boolean openOnce(Row row, Optional<ZonedDateTime> latest, Instant next, Instant now) {
    return Transaction.run(
        dataSource,
        "open prompt",
        c -> {
          // Locks the schedule: a stop waits for an opening under way, and is seen by the next.
          if (Sql.first(
                  c,
                  "SELECT id FROM prompt_schedule WHERE id = ? AND stopped_at IS NULL FOR UPDATE",
                  row.id())
              .isEmpty()) {
            return false;
          }
          boolean opened = false;
          if (latest.isPresent()) {
            LocalDate day = latest.get().toLocalDate();
            boolean already =
                Sql.first(
                        c,
                        "SELECT thread_id FROM prompt_opening WHERE schedule_id = ? AND occurrence_date = ?",
                        row.id(),
                        java.sql.Date.valueOf(day))
                    .isPresent();
            if (!already && access.find(c, row.communityId()) != null) {
              DiscussionThread thread =
                  discussions.startScheduled(
                      c, row.communityId(), row.createdBy(), row.title(), row.body(), now);
              try {
                Sql.update(
                    c,
                    "INSERT INTO prompt_opening (schedule_id, occurrence_date, thread_id, opened_at, closes_at) VALUES (?, ?, ?, ?, ?)",
                    row.id(),
                    java.sql.Date.valueOf(day),
                    thread.id(),
                    Timestamp.from(now),
                    row.openDays() == null
                        ? null
                        : Timestamp.from(now.plus(Duration.ofDays(row.openDays()))));
                opened = true;
              } catch (SQLException e) {
                if (!SqlStates.isDuplicate(e)) {
                  throw e;
                }
                throw new AlreadyOpened(); // another instance opened it meanwhile: undo ours
              }
            }
          }
          Sql.update(
              c,
              "UPDATE prompt_schedule SET next_opening_at = ? WHERE id = ?",
              next == null ? null : Timestamp.from(next),
              row.id());
          return opened;
        });
  }

  /** Rolls back an opening another instance made first. */
  private static final class AlreadyOpened extends RuntimeException {
    AlreadyOpened() {
      super("already opened", null, false, false);
    }
  }

  private record Row(
      String id,
      String communityId,
      String title,
      String body,
      Occurrences occurrences,
      Integer openDays,
      String createdBy,
      Instant next,
      boolean asksEvidence,
      Instant stoppedAt) {}

  private static List<Row> rows(Connection c, String where, Object value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, community_id, title, body, repeat_every, first_date, local_time, time_zone, open_days,"
                + " until_date, created_by, next_opening_at, asks_evidence, stopped_at FROM prompt_schedule WHERE "
                + where
                + " ORDER BY id")) {
      ps.setObject(1, value);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int days = rs.getInt(9);
          Integer openDays = rs.wasNull() ? null : days;
          java.sql.Date until = rs.getDate(10);
          Timestamp next = rs.getTimestamp(12);
          rows.add(
              new Row(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  new Occurrences(
                      Occurrences.Repeat.valueOf(rs.getString(5)),
                      rs.getDate(6).toLocalDate(),
                      LocalTime.parse(rs.getString(7)),
                      ZoneId.of(rs.getString(8)),
                      until == null ? null : until.toLocalDate()),
                  openDays,
                  rs.getString(11),
                  next == null ? null : next.toInstant(),
                  rs.getBoolean(13),
                  rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant()));
        }
      }
      return rows;
    }
  }
}
