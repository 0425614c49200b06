package org.copconnector.plugin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background rounds that read the whole LMS (roster syncs, forum imports) run once per interval for
 * all the instances sharing a database, not once per instance: each instance keeps its own
 * schedule, and the first to try once the interval has passed since the round last began runs it.
 * Nothing is held, so an instance that stops or a database restored elsewhere blocks nothing.
 */
public final class SharedRounds {

  private static final Logger LOG = LoggerFactory.getLogger(SharedRounds.class);

  /**
   * The part of the interval that must have passed: an instance's own schedule waits a whole
   * interval after each round ends, so its next try always passes, while another instance's try
   * falls inside the interval and is skipped.
   */
  private static final double DUE_AFTER = 0.9;

  private final DataSource dataSource;
  private final String instance;
  private final Clock clock;

  /**
   * @param instance this instance's name (as the outbox's leases name it)
   */
  public SharedRounds(DataSource dataSource, String instance, Clock clock) {
    this.dataSource = dataSource;
    this.instance = instance;
    this.clock = clock;
  }

  /**
   * {@code round}, run here when it is this instance's turn (see {@link #begin}); a round that
   * cannot say is skipped, and the next try asks again.
   */
  public Runnable guard(String name, Duration interval, Runnable round) {
    return () -> {
      boolean mine;
      try {
        mine = begin(name, interval);
      } catch (StoreException e) {
        LOG.warn(
            "round {} skipped, the database could not say whose it is: {}", name, e.getMessage());
        return;
      }
      if (mine) {
        round.run();
      }
    };
  }

  /**
   * Whether this instance begins round {@code name} now: true (and recorded) when no instance began
   * it within the last nine tenths of {@code interval}.
   */
  public boolean begin(String name, Duration interval) {
    Instant now = Instant.now(clock);
    Instant due = now.minusMillis((long) (interval.toMillis() * DUE_AFTER));
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE shared_round SET ran_at = ?, ran_by = ? WHERE name = ? AND ran_at <= ?")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setString(2, instance);
        ps.setString(3, name);
        ps.setTimestamp(4, Timestamp.from(due));
        if (ps.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO shared_round (name, ran_at, ran_by) VALUES (?, ?, ?)")) {
        ps.setString(1, name);
        ps.setTimestamp(2, Timestamp.from(now));
        ps.setString(3, instance);
        ps.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (SqlStates.isDuplicate(e)) {
          return false; // begun lately, here or on another instance
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read whose turn round " + name + " is", e);
    }
  }
}
