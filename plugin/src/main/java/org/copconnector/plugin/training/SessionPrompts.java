package org.copconnector.plugin.training;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.SqlStates;
import org.copconnector.plugin.store.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reflection prompt after each training session: once a scheduled session of an open action has
 * ended, a prompt opens in the action's community asking what trainees will try in their classes.
 * Each session opens one, once (several instances, restarts and retries cannot open a second); a
 * cancelled session opens none and a moved one opens at its new end.
 */
public final class SessionPrompts {

  /** Sessions found ended longer ago than this (the connector was down) open none. */
  static final Duration CATCH_UP = Duration.ofDays(7);

  private static final Logger LOG = LoggerFactory.getLogger(SessionPrompts.class);
  private static final Duration LONGEST_SESSION = Duration.ofMinutes(24 * 60);
  private static final int MAX_TITLE = 300;

  private final DataSource dataSource;
  private final PromptSchedules prompts;
  private final PeopleStore people;
  private final Clock clock;
  private final TrainingStore store = new TrainingStore();

  public SessionPrompts(
      DataSource dataSource, PromptSchedules prompts, PeopleStore people, Clock clock) {
    this.dataSource = dataSource;
    this.prompts = prompts;
    this.people = people;
    this.clock = clock;
  }

  /** Opens the prompt of every session that has ended without one; returns how many opened. */
  public int openDue() {
    Instant now = Instant.now(clock);
    List<String> ended = Transaction.run(dataSource, "ended sessions", c -> ended(c, now));
    int opened = 0;
    for (String sessionId : ended) {
      try {
        if (Transaction.run(dataSource, "session prompt", c -> open(c, sessionId, now))) {
          opened++;
        }
      } catch (AlreadyOpened e) {
        // Another instance opened it meanwhile.
      }
    }
    return opened;
  }

  /** A scheduled round: never throws, so the schedule keeps running. */
  public void run() {
    try {
      int opened = openDue();
      if (opened > 0) {
        LOG.info("opened {} reflection prompt(s) after training sessions", opened);
      }
    } catch (RuntimeException e) {
      LOG.warn("session reflection prompts failed, the next round will retry: {}", e.toString());
    }
  }

  /** Scheduled sessions of open actions, ended by {@code now}, with no prompt yet. */
  private static List<String> ended(Connection c, Instant now) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.id, s.starts_at, s.minutes FROM training_session s"
                + " JOIN training_action a ON a.id = s.action_id"
                + " LEFT JOIN training_session_prompt p ON p.session_id = s.id"
                + " WHERE s.status = 'SCHEDULED' AND a.status = 'OPEN'"
                + " AND a.community_id IS NOT NULL AND p.session_id IS NULL"
                + " AND s.starts_at <= ? AND s.starts_at > ? ORDER BY s.starts_at, s.id")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setTimestamp(2, Timestamp.from(now.minus(CATCH_UP).minus(LONGEST_SESSION)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant end = rs.getTimestamp(2).toInstant().plusSeconds(60L * rs.getInt(3));
          if (!end.isAfter(now) && end.isAfter(now.minus(CATCH_UP))) {
            ids.add(rs.getString(1));
          }
        }
      }
    }
    return ids;
  }

  private boolean open(Connection c, String sessionId, Instant now) throws SQLException {
    // Locks the session: a move or a cancellation under way is waited for, and seen here.
    Sql.first(c, "SELECT id FROM training_session WHERE id = ? FOR UPDATE", sessionId);
    TrainingSession session = store.session(c, sessionId).orElse(null);
    if (session == null || !session.scheduled() || session.endsAt().isAfter(now)) {
      return false;
    }
    if (Sql.first(
            c, "SELECT thread_id FROM training_session_prompt WHERE session_id = ?", sessionId)
        .isPresent()) {
      return false;
    }
    TrainingStore.Row action = store.find(c, session.actionId()).orElseThrow();
    if (action.closed() || action.communityId() == null) {
      return false;
    }
    String asker = asker(c, action);
    Translations words = Translations.in(people.languages().of(c, asker));
    int number = number(c, session);
    String title =
        words.text(
            "training.sessionPrompt.title", Map.of("number", number, "title", action.title()));
    if (title.length() > MAX_TITLE) {
      title = title.substring(0, MAX_TITLE - 1) + "…";
    }
    String html =
        "<p>"
            + SafeHtml.escape(words.text("training.sessionPrompt.question"))
            + "</p><p>"
            + SafeHtml.escape(words.text("training.sessionPrompt.portfolio"))
            + "</p>";
    String threadId = prompts.openOnceIn(c, action.communityId(), asker, title, html, now);
    try {
      Sql.update(
          c,
          "INSERT INTO training_session_prompt (session_id, thread_id, opened_at) VALUES (?, ?, ?)",
          sessionId,
          threadId,
          Timestamp.from(now));
    } catch (SQLException e) {
      if (!SqlStates.isDuplicate(e)) {
        throw e;
      }
      throw new AlreadyOpened();
    }
    return true;
  }

  /** Who asks: the trainer who started the action, or another trainer once they are not one. */
  private String asker(Connection c, TrainingStore.Row action) throws SQLException {
    String creator =
        Sql.first(c, "SELECT created_by FROM training_action WHERE id = ?", action.id())
            .orElseThrow();
    List<String> trainers = store.trainers(c, action.id());
    return trainers.contains(creator) || trainers.isEmpty() ? creator : trainers.get(0);
  }

  /** The session's number among the action's scheduled sessions, as the pages number them. */
  private int number(Connection c, TrainingSession session) throws SQLException {
    int number = 0;
    for (TrainingSession s : store.sessionsOf(c, session.actionId())) {
      if (s.scheduled()) {
        number++;
      }
      if (s.id().equals(session.id())) {
        break;
      }
    }
    return number;
  }

  /** Rolls back an opening another instance made first. */
  private static final class AlreadyOpened extends RuntimeException {
    AlreadyOpened() {
      super("already opened", null, false, false);
    }
  }
}
