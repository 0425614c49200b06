package org.copconnector.connector.lti;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.copconnector.plugin.store.SqlStates;
import org.copconnector.plugin.store.StoreException;

/**
 * OIDC login states (each bound to the browser that started the login, consumed once by the launch)
 * and the nonces of accepted launches (a second use is a replay).
 */
public final class LoginStates {

  /** A pending login. */
  public record LoginState(String state, String nonce, long platformId, String browserHash) {}

  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  private final DataSource dataSource;
  private final Clock clock;

  public LoginStates(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  public void remember(LoginState login) {
    String sql =
        "INSERT INTO lti_login_state (state, nonce, platform_id, browser_hash, expires_at) VALUES (?,?,?,?,?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, login.state());
      ps.setString(2, login.nonce());
      ps.setLong(3, login.platformId());
      ps.setString(4, login.browserHash());
      ps.setTimestamp(5, Timestamp.from(Instant.now(clock).plus(STATE_LIFETIME)));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store the login state", e);
    }
  }

  /** Takes a live state out of the store: only the first caller gets it. */
  public Optional<LoginState> consume(String state) {
    if (state == null || state.isEmpty() || state.length() > 64) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection()) {
      LoginState found;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT nonce, platform_id, browser_hash FROM lti_login_state WHERE state = ? AND expires_at > ?")) {
        ps.setString(1, state);
        ps.setTimestamp(2, Timestamp.from(Instant.now(clock)));
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          found = new LoginState(state, rs.getString(1), rs.getLong(2), rs.getString(3));
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM lti_login_state WHERE state = ?")) {
        ps.setString(1, state);
        // Two concurrent launches with one state: the delete decides which one wins.
        return ps.executeUpdate() == 1 ? Optional.of(found) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the login state", e);
    }
  }

  /** Records a launch's nonce; false when it was used before (a replay). */
  public boolean firstUseOfNonce(long platformId, String nonce, Instant keepUntil) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO lti_used_nonce (platform_id, nonce, expires_at) VALUES (?, ?, ?)")) {
      ps.setLong(1, platformId);
      ps.setString(2, nonce);
      ps.setTimestamp(3, Timestamp.from(keepUntil));
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (SqlStates.isDuplicate(e)) {
        return false;
      }
      throw new StoreException("cannot record the nonce", e);
    }
  }

  /** Deletes expired states and nonces. */
  public void purgeExpired() {
    Timestamp now = Timestamp.from(Instant.now(clock));
    try (Connection c = dataSource.getConnection();
        PreparedStatement states =
            c.prepareStatement("DELETE FROM lti_login_state WHERE expires_at <= ?");
        PreparedStatement nonces =
            c.prepareStatement("DELETE FROM lti_used_nonce WHERE expires_at <= ?")) {
      states.setTimestamp(1, now);
      states.executeUpdate();
      nonces.setTimestamp(1, now);
      nonces.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot purge login states", e);
    }
  }
}
