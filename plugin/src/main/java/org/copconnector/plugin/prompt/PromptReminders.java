package org.copconnector.plugin.prompt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.copconnector.plugin.discussion.Discussions;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.people.PersonLanguages;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.Transaction;

/** The one reminder before an opened prompt closes, to members who have not answered it. */
final class PromptReminders {

  /** The one reminder goes out this long before a prompt closes. */
  static final Duration REMIND_BEFORE = Duration.ofHours(24);

  /** An opening that closes soon, and the schedule's time zone to say when. */
  private record Due(
      String scheduleId,
      LocalDate date,
      String threadId,
      String communityId,
      String title,
      Instant closesAt,
      ZoneId zone) {}

  private final DataSource dataSource;
  private final Discussions discussions;
  private final Notifier notifier;
  private final PersonLanguages languages;

  PromptReminders(
      DataSource dataSource,
      Discussions discussions,
      Notifier notifier,
      PersonLanguages languages) {
    this.dataSource = dataSource;
    this.discussions = discussions;
    this.notifier = notifier;
    this.languages = languages;
  }

  /**
   * Sends the one reminder of each prompt closing within {@link #REMIND_BEFORE} to members who have
   * not answered (and did not turn notifications off), each in their language; returns how many
   * were queued.
   */
  int remind(Instant now) {
    return Transaction.run(
        dataSource,
        "prompt reminders",
        c -> {
          int queued = 0;
          for (Due d : due(c, now)) {
            // An answer kept in one's journal is an answer too: no reminder for it.
            Set<String> journaled =
                new HashSet<>(
                    Sql.strings(
                        c,
                        "SELECT DISTINCT author_id FROM reflection WHERE thread_id = ?",
                        d.threadId()));
            List<String> members =
                discussions.notYetAnswered(c, d.communityId(), d.threadId()).stream()
                    .filter(m -> !journaled.contains(m))
                    .toList();
            Map<String, String> language = languages.of(c, members);
            for (String member : members) {
              notifier.queue(
                  c,
                  "prompt-reminder:" + d.scheduleId() + ":" + d.date() + ":" + member,
                  member,
                  text(Translations.in(language.get(member)), d));
              queued++;
            }
            Sql.update(
                c,
                "UPDATE prompt_opening SET reminded = TRUE WHERE schedule_id = ? AND occurrence_date = ?",
                d.scheduleId(),
                java.sql.Date.valueOf(d.date()));
          }
          return queued;
        });
  }

  private static String text(Translations t, Due d) {
    return "<p>"
        + SafeHtml.escape(
            t.text(
                "moodle.reminder",
                Map.of("title", d.title(), "when", t.dateTime(d.closesAt().atZone(d.zone())))))
        + "</p>";
  }

  private static List<Due> due(Connection c, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT o.schedule_id, o.occurrence_date, o.thread_id, s.community_id, s.title, o.closes_at,"
                + " s.time_zone FROM prompt_opening o JOIN prompt_schedule s ON s.id = o.schedule_id"
                + " WHERE o.reminded = FALSE AND o.closes_at IS NOT NULL AND o.closes_at > ? AND o.closes_at <= ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setTimestamp(2, Timestamp.from(now.plus(REMIND_BEFORE)));
      List<Due> due = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          due.add(
              new Due(
                  rs.getString(1),
                  rs.getDate(2).toLocalDate(),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getTimestamp(6).toInstant(),
                  ZoneId.of(rs.getString(7))));
        }
      }
      return due;
    }
  }
}
