package org.copconnector.plugin.prompt;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.copconnector.plugin.discussion.Discussions;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.Transaction;

/** The one reminder before an opened prompt closes, to members who have not answered it. */
final class PromptReminders {

  /** The one reminder goes out this long before a prompt closes. */
  static final Duration REMIND_BEFORE = Duration.ofHours(24);

  private final DataSource dataSource;
  private final Discussions discussions;
  private final Notifier notifier;

  PromptReminders(DataSource dataSource, Discussions discussions, Notifier notifier) {
    this.dataSource = dataSource;
    this.discussions = discussions;
    this.notifier = notifier;
  }

  /**
   * Sends the one reminder of each prompt closing within {@link #REMIND_BEFORE} to members who have
   * not answered (and did not turn notifications off); returns how many were queued.
   */
  int remind(Instant now) {
    return Transaction.run(
        dataSource,
        "prompt reminders",
        c -> {
          int queued = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT o.schedule_id, o.occurrence_date, o.thread_id, s.community_id, s.title, o.closes_at"
                      + " FROM prompt_opening o JOIN prompt_schedule s ON s.id = o.schedule_id"
                      + " WHERE o.reminded = FALSE AND o.closes_at IS NOT NULL AND o.closes_at > ? AND o.closes_at <= ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now.plus(REMIND_BEFORE)));
            List<String[]> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                due.add(
                    new String[] {
                      rs.getString(1),
                      rs.getDate(2).toString(),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5)
                    });
              }
            }
            for (String[] d : due) {
              String text =
                  "<p>The prompt «"
                      + org.copconnector.plugin.discussion.SafeHtml.escape(d[4])
                      + "» closes tomorrow. A few lines are enough: your colleagues will read them.</p>";
              // An answer kept in one's journal is an answer too: no reminder for it.
              java.util.Set<String> journaled =
                  new java.util.HashSet<>(
                      Sql.strings(
                          c,
                          "SELECT DISTINCT author_id FROM reflection WHERE thread_id = ?",
                          d[2]));
              for (String member : discussions.notYetAnswered(c, d[3], d[2])) {
                if (journaled.contains(member)) {
                  continue;
                }
                notifier.queue(
                    c, "prompt-reminder:" + d[0] + ":" + d[1] + ":" + member, member, text);
                queued++;
              }
              Sql.update(
                  c,
                  "UPDATE prompt_opening SET reminded = TRUE WHERE schedule_id = ? AND occurrence_date = ?",
                  d[0],
                  java.sql.Date.valueOf(d[1]));
            }
          }
          return queued;
        });
  }
}
