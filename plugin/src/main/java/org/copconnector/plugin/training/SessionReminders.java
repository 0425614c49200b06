package org.copconnector.plugin.training;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.people.PersonLanguages;
import org.copconnector.plugin.store.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds trainees of a session the day before it, as an LMS notification in their language: once
 * per trainee and session, and again only when the session moves to another day. Sessions starting
 * within {@link #AHEAD} and no later than tomorrow are due; a round queues those not yet reminded
 * for the day they fall on.
 */
public final class SessionReminders {

  /** How far ahead a round looks: a round every hour reaches each session the day before. */
  static final Duration AHEAD = Duration.ofHours(36);

  private static final Logger LOG = LoggerFactory.getLogger(SessionReminders.class);

  private final DataSource dataSource;
  private final Notifier notifier;
  private final PersonLanguages languages;
  private final ZoneId zone;
  private final Clock clock;
  private final CalendarStore store = new CalendarStore();
  private final TrainingStore training = new TrainingStore();

  /**
   * @param zone where a day starts and ends, and in which the reminder tells the time
   */
  public SessionReminders(
      DataSource dataSource,
      Notifier notifier,
      PersonLanguages languages,
      ZoneId zone,
      Clock clock) {
    this.dataSource = dataSource;
    this.notifier = notifier;
    this.languages = languages;
    this.zone = zone;
    this.clock = clock;
  }

  /** Queues the reminders now due; returns how many notifications were queued. */
  public int queueDue() {
    Instant now = Instant.now(clock);
    LocalDate tomorrow = LocalDate.ofInstant(now, zone).plusDays(1);
    List<CalendarStore.Subject> soon =
        Transaction.run(
            dataSource, "session reminders", c -> store.startingBetween(c, now, now.plus(AHEAD)));
    int queued = 0;
    for (CalendarStore.Subject subject : soon) {
      LocalDate day = LocalDate.ofInstant(subject.session().startsAt(), zone);
      if (!day.isAfter(tomorrow)) {
        // One transaction per session: the mark and its notifications are stored together.
        queued +=
            Transaction.run(dataSource, "session reminder", c -> remind(c, subject, day, now));
      }
    }
    return queued;
  }

  /** A scheduled round: never throws, so the schedule keeps running. */
  public void run() {
    try {
      int queued = queueDue();
      if (queued > 0) {
        LOG.info("queued {} session reminder(s)", queued);
      }
    } catch (RuntimeException e) {
      LOG.warn("session reminders failed, the next round will retry: {}", e.toString());
    }
  }

  private int remind(Connection c, CalendarStore.Subject subject, LocalDate day, Instant now)
      throws SQLException {
    TrainingSession session = subject.session();
    if (!store.markReminded(c, session.id(), day, now)) {
      return 0;
    }
    List<String> trainees = training.trainees(c, session.actionId());
    Map<String, String> language = languages.of(c, trainees);
    Map<String, String> texts = new HashMap<>();
    for (String trainee : trainees) {
      String text =
          texts.computeIfAbsent(
              language.get(trainee), lang -> text(Translations.in(lang), subject));
      // The key also keeps a reminder from going out twice should the mark ever be lost.
      notifier.queue(
          c, "training-reminder:" + session.id() + ":" + day + ":" + trainee, trainee, text);
    }
    return trainees.size();
  }

  private String text(Translations t, CalendarStore.Subject subject) {
    TrainingSession session = subject.session();
    ZonedDateTime at = session.startsAt().atZone(zone);
    StringBuilder html =
        new StringBuilder("<p>")
            .append(
                SafeHtml.escape(
                    t.text(
                        "moodle.training.reminder",
                        Map.of(
                            "title", subject.title(),
                            "when", t.dateTime(at),
                            "minutes", session.minutes()))))
            .append("</p>");
    if (session.place() != null) {
      html.append("<p>")
          .append(
              SafeHtml.escape(
                  t.text("moodle.training.event.place", Map.of("place", session.place()))))
          .append("</p>");
    }
    if (session.link() != null) {
      html.append("<p>")
          .append(SafeHtml.escape(t.text("moodle.training.event.link")))
          .append(' ')
          .append(SafeHtml.escape(session.link()))
          .append("</p>");
    }
    return html.toString();
  }
}
