package org.copconnector.plugin.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.copconnector.plugin.store.StoreException;

/**
 * The durable outbox. Features enqueue inside their own transaction (so a change and the LMS write
 * it needs are stored together or not at all); workers on any instance claim due messages under a
 * lease, so two instances never deliver the same message at once.
 */
public final class Outbox {

  private static final String COLUMNS =
      "id, kind, idempotency_key, payload, status, attempts, next_attempt_at, last_error, created_at, delivered_at,"
          + " CASE WHEN attempts > 0 OR lease_owner IS NOT NULL THEN 1 ELSE 0 END";

  private final DataSource dataSource;
  private final Clock clock;

  public Outbox(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Adds a message within the caller's transaction; a message with the same idempotency key already
   * there makes this a no-op. Returns whether it was added.
   */
  public boolean enqueue(Connection transaction, String kind, String idempotencyKey, String payload)
      throws SQLException {
    return enqueue(transaction, kind, idempotencyKey, null, payload);
  }

  /**
   * As {@link #enqueue(Connection, String, String, String)}, delivered only after every earlier
   * pending message with the same {@code sequenceKey} (a join must reach the LMS before the leave
   * that follows it).
   */
  public boolean enqueue(
      Connection transaction,
      String kind,
      String idempotencyKey,
      String sequenceKey,
      String payload)
      throws SQLException {
    try (PreparedStatement exists =
        transaction.prepareStatement("SELECT 1 FROM outbox WHERE idempotency_key = ?")) {
      exists.setString(1, idempotencyKey);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    Timestamp now = Timestamp.from(Instant.now(clock));
    try (PreparedStatement ps =
        transaction.prepareStatement(
            "INSERT INTO outbox (kind, idempotency_key, sequence_key, payload, status, attempts, next_attempt_at,"
                + " created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
      ps.setString(1, kind);
      ps.setString(2, idempotencyKey);
      ps.setString(3, sequenceKey);
      ps.setString(4, payload);
      ps.setTimestamp(5, now);
      ps.setTimestamp(6, now);
      ps.executeUpdate();
      return true;
    }
  }

  /** Enqueues in a transaction of its own, for writes that go with no other change. */
  public boolean enqueue(String kind, String idempotencyKey, String payload) {
    return enqueue(kind, idempotencyKey, null, payload);
  }

  /** Enqueues in a transaction of its own, in the order of {@code sequenceKey} (may be null). */
  public boolean enqueue(String kind, String idempotencyKey, String sequenceKey, String payload) {
    try (Connection c = dataSource.getConnection()) {
      return enqueue(c, kind, idempotencyKey, sequenceKey, payload);
    } catch (SQLException e) {
      throw new StoreException("cannot enqueue an LMS write", e);
    }
  }

  /**
   * Takes up to {@code limit} due messages for {@code owner} until the lease ends, oldest first.
   */
  public List<OutboxMessage> claimDue(String owner, int limit, Duration lease) {
    Instant now = Instant.now(clock);
    List<OutboxMessage> candidates =
        query(
            "SELECT "
                + COLUMNS
                + " FROM outbox o WHERE status = 'PENDING' AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?)"
                // Messages of one sequence go out in order: wait for any earlier one still pending.
                + " AND (sequence_key IS NULL OR NOT EXISTS (SELECT 1 FROM outbox e"
                + " WHERE e.sequence_key = o.sequence_key AND e.status = 'PENDING' AND e.id < o.id))"
                + " ORDER BY id",
            limit,
            Timestamp.from(now),
            Timestamp.from(now));
    List<OutboxMessage> claimed = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id = ? AND status = 'PENDING'"
                    + " AND (lease_until IS NULL OR lease_until < ?) AND next_attempt_at <= ?"
                    // Still as read: a message another instance tried in between (its answer may
                    // have been lost) is not taken as never tried, which would send it unchecked.
                    + " AND attempts = ? AND (? OR lease_owner IS NULL)")) {
      for (OutboxMessage m : candidates) {
        ps.setString(1, owner);
        ps.setTimestamp(2, Timestamp.from(now.plus(lease)));
        ps.setLong(3, m.id());
        ps.setTimestamp(4, Timestamp.from(now));
        ps.setTimestamp(5, Timestamp.from(now));
        ps.setInt(6, m.attempts());
        ps.setBoolean(7, m.triedBefore());
        // Another instance may have claimed or tried it in between: the update then touches no row.
        if (ps.executeUpdate() == 1) {
          claimed.add(m);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot claim outbox messages", e);
    }
    return claimed;
  }

  /**
   * Ends the pending leases of {@code owner}, keeping who held them (so the next delivery still
   * looks for what the holder may have sent), or of every holder when {@code owner} is null (a
   * database no other process uses). Returns how many were released.
   */
  public int releaseLeasesOf(String owner) {
    return update(
        "UPDATE outbox SET lease_until = NULL WHERE status = 'PENDING' AND lease_until IS NOT NULL"
            + (owner == null ? "" : " AND lease_owner = ?"),
        owner == null ? new Object[0] : new Object[] {owner});
  }

  public void markDelivered(long id) {
    update(
        "UPDATE outbox SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, last_error = NULL,"
            + " lease_owner = NULL, lease_until = NULL WHERE id = ?",
        Timestamp.from(Instant.now(clock)),
        id);
  }

  /** Keeps why a delivery failed ({@link LastError} reads it back) and when to try again. */
  public void markRetry(long id, DeliveryFailure.Kind kind, String error, Instant nextAttempt) {
    update(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, lease_owner = NULL,"
            + " lease_until = NULL WHERE id = ?",
        truncate(LastError.stored(kind, error)),
        Timestamp.from(nextAttempt),
        id);
  }

  /** Gives up on a message, keeping why ({@link LastError} reads it back). */
  public void markFailed(long id, DeliveryFailure.Kind kind, String error) {
    update(
        "UPDATE outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ?, lease_owner = NULL,"
            + " lease_until = NULL WHERE id = ?",
        truncate(LastError.stored(kind, error)),
        id);
  }

  /**
   * Makes a pending or failed message due now (an administrator's "retry now"); false when there is
   * none such.
   */
  public boolean retryNow(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE outbox SET status = 'PENDING', next_attempt_at = ? WHERE id = ? AND status <> 'DELIVERED'")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now(clock)));
      ps.setLong(2, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot reschedule an outbox message", e);
    }
  }

  /**
   * Makes every pending message that failed before and waits for its next attempt due now (the LMS
   * answers again); returns how many.
   */
  public int retryWaitingNow() {
    Timestamp now = Timestamp.from(Instant.now(clock));
    return update(
        "UPDATE outbox SET next_attempt_at = ? WHERE status = 'PENDING' AND attempts > 0"
            + " AND next_attempt_at > ?",
        now,
        now);
  }

  /**
   * The newest message of a sequence (what became of the latest write about one thing), read in the
   * caller's transaction.
   */
  public Optional<OutboxMessage> latestInSequence(Connection c, String sequenceKey)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM outbox WHERE sequence_key = ? ORDER BY id DESC")) {
      ps.setMaxRows(1);
      ps.setString(1, sequenceKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(message(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Makes every pending message of {@code kind} due now (what it waited for is there); returns how
   * many.
   */
  public int dueNow(String kind) {
    Timestamp now = Timestamp.from(Instant.now(clock));
    return update(
        "UPDATE outbox SET next_attempt_at = ? WHERE status = 'PENDING' AND kind = ? AND next_attempt_at > ?",
        now,
        kind,
        now);
  }

  /** Where a message is: its status and, when its last attempt failed, why (a failure code). */
  public record Delivery(OutboxMessage.Status status, String failure) {}

  /**
   * The delivery of each message of {@code idempotencyKeys} that exists, by key, read within the
   * caller's transaction.
   */
  public static Map<String, Delivery> deliveries(Connection c, Collection<String> idempotencyKeys)
      throws SQLException {
    Map<String, Delivery> found = new HashMap<>();
    if (idempotencyKeys.isEmpty()) {
      return found;
    }
    String marks = String.join(", ", Collections.nCopies(idempotencyKeys.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT idempotency_key, status, last_error FROM outbox WHERE idempotency_key IN ("
                + marks
                + ")")) {
      int i = 1;
      for (String key : idempotencyKeys) {
        ps.setString(i++, key);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LastError error = LastError.parse(rs.getString(3));
          found.put(
              rs.getString(1),
              new Delivery(
                  OutboxMessage.Status.valueOf(rs.getString(2)),
                  error == null ? null : error.failure()));
        }
      }
    }
    return found;
  }

  /** Messages in a status, newest first, at most {@code limit}. */
  public List<OutboxMessage> list(OutboxMessage.Status status, int limit) {
    return query(
        "SELECT " + COLUMNS + " FROM outbox WHERE status = ? ORDER BY id DESC",
        limit,
        status.name(),
        null);
  }

  /** Messages in either of two statuses, newest first, at most {@code limit}. */
  public List<OutboxMessage> list(OutboxMessage.Status one, OutboxMessage.Status other, int limit) {
    return query(
        "SELECT " + COLUMNS + " FROM outbox WHERE status IN (?, ?) ORDER BY id DESC",
        limit,
        one.name(),
        other.name());
  }

  /** How many messages were delivered at or after {@code since}. */
  public int countDeliveredSince(Instant since) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM outbox WHERE status = 'DELIVERED' AND delivered_at >= ?")) {
      ps.setTimestamp(1, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count outbox messages", e);
    }
  }

  public Optional<OutboxMessage> byId(long id) {
    return query("SELECT " + COLUMNS + " FROM outbox WHERE id = ?", 1, id, null).stream()
        .findFirst();
  }

  /** When the oldest write still waiting for delivery was queued, if one is waiting. */
  public Optional<Instant> oldestPending() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT MIN(created_at) FROM outbox WHERE status = ?")) {
      ps.setString(1, OutboxMessage.Status.PENDING.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        java.time.OffsetDateTime at = rs.getObject(1, java.time.OffsetDateTime.class);
        return Optional.ofNullable(at).map(java.time.OffsetDateTime::toInstant);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the outbox's oldest write", e);
    }
  }

  public int count(OutboxMessage.Status status) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE status = ?")) {
      ps.setString(1, status.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count outbox messages", e);
    }
  }

  private List<OutboxMessage> query(String sql, int limit, Object first, Object second) {
    List<OutboxMessage> messages = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setMaxRows(limit);
      ps.setObject(1, first);
      if (second != null) {
        ps.setObject(2, second);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          messages.add(message(rs));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the outbox", e);
    }
    return messages;
  }

  private static OutboxMessage message(ResultSet rs) throws SQLException {
    Timestamp delivered = rs.getTimestamp(10);
    return new OutboxMessage(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        OutboxMessage.Status.valueOf(rs.getString(5)),
        rs.getInt(6),
        rs.getTimestamp(7).toInstant(),
        rs.getString(8),
        rs.getTimestamp(9).toInstant(),
        delivered == null ? null : delivered.toInstant(),
        rs.getInt(11) == 1);
  }

  /** Runs one change; returns how many messages it touched. */
  private int update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update the outbox", e);
    }
  }

  private static String truncate(String error) {
    String text = error == null ? "" : error;
    return text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
