package org.copconnector.plugin.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.copconnector.plugin.store.StoreException;

/**
 * Server-side sessions in the database, so any connector instance can serve any request. The
 * browser holds a random token; only its SHA-256 is stored.
 */
public final class SessionStore {

  private final DataSource dataSource;
  private final Clock clock;
  private final Duration lifetime;

  public SessionStore(DataSource dataSource, Clock clock, Duration lifetime) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** Opens a session and returns the token to put in the cookie. */
  public String open(Session person) {
    String token = Tokens.random(32);
    Instant now = Instant.now(clock);
    String sql =
        "INSERT INTO app_session (token_hash, platform_id, lms_user_id, display_name, email, locale, course_id,"
            + " course_title, product_role, demo, created_at, expires_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, Tokens.sha256(token));
      if (person.platformId() == null) {
        ps.setNull(2, Types.BIGINT);
      } else {
        ps.setLong(2, person.platformId());
      }
      ps.setString(3, person.lmsUserId());
      ps.setString(4, truncate(person.displayName(), 500));
      ps.setString(5, person.email() == null ? null : truncate(person.email(), 320));
      ps.setString(6, truncate(person.locale(), 35));
      ps.setString(7, person.courseId());
      ps.setString(8, person.courseTitle() == null ? null : truncate(person.courseTitle(), 500));
      ps.setString(9, person.role().wireName());
      ps.setBoolean(10, person.demo());
      ps.setTimestamp(11, Timestamp.from(now));
      ps.setTimestamp(12, Timestamp.from(now.plus(lifetime)));
      ps.executeUpdate();
      return token;
    } catch (SQLException e) {
      throw new StoreException("cannot open a session", e);
    }
  }

  /** The live session for a cookie token, if any. */
  public Optional<Session> find(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    String sql =
        "SELECT platform_id, lms_user_id, display_name, email, locale, course_id, course_title, product_role, demo,"
            + " expires_at FROM app_session WHERE token_hash = ? AND expires_at > ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, Tokens.sha256(token));
      ps.setTimestamp(2, Timestamp.from(Instant.now(clock)));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long platform = rs.getLong(1);
        return Optional.of(
            new Session(
                rs.wasNull() ? null : platform,
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                ProductRole.fromWireName(rs.getString(8)),
                rs.getBoolean(9),
                rs.getTimestamp(10).toInstant()));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read a session", e);
    }
  }

  public void close(String token) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM app_session WHERE token_hash = ?")) {
      ps.setString(1, Tokens.sha256(token));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot close a session", e);
    }
  }

  /** Deletes expired sessions; returns how many. */
  public int purgeExpired() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM app_session WHERE expires_at <= ?")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now(clock)));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot purge sessions", e);
    }
  }

  public Duration lifetime() {
    return lifetime;
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
