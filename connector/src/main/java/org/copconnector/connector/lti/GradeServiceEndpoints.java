package org.copconnector.connector.lti;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.SqlStates;
import org.copconnector.plugin.store.StoreException;

/**
 * Where each platform's course takes grades, as the last launch from it said (the AGS endpoint
 * claim): work in the background sends grades there without waiting for a launch.
 */
public final class GradeServiceEndpoints {

  /** A course's gradebook on a platform: its line items address and the tool's scopes there. */
  public record Endpoint(long platformId, String contextId, URI lineItems, Set<String> scopes) {

    public Endpoint {
      scopes = Set.copyOf(scopes);
    }
  }

  private final DataSource dataSource;
  private final Clock clock;

  public GradeServiceEndpoints(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Keeps what a launch said; true when it is new or changed (what waited for it may go). */
  public boolean remember(long platformId, String contextId, Launch.GradeService service) {
    String scopes = String.join(" ", new TreeSet<>(service.scopes()));
    String url = service.lineItems().toString();
    Object[] values = {url, scopes, Timestamp.from(Instant.now(clock)), platformId, contextId};
    try (Connection c = dataSource.getConnection()) {
      Optional<Endpoint> known = find(c, platformId, contextId);
      if (known.isEmpty()) {
        try {
          Sql.update(
              c,
              "INSERT INTO lti_ags_endpoint (lineitems_url, scopes, seen_at, platform_id, context_id)"
                  + " VALUES (?, ?, ?, ?, ?)",
              values);
          return true;
        } catch (SQLException e) {
          if (!SqlStates.isDuplicate(e)) {
            throw e;
          }
          // Another launch from the course recorded it at the same moment: updated below.
        }
      }
      Sql.update(
          c,
          "UPDATE lti_ags_endpoint SET lineitems_url = ?, scopes = ?, seen_at = ?"
              + " WHERE platform_id = ? AND context_id = ?",
          values);
      return known.isEmpty()
          || !known.get().lineItems().toString().equals(url)
          || !known.get().scopes().equals(service.scopes());
    } catch (SQLException e) {
      throw new StoreException("cannot keep a grade service endpoint", e);
    }
  }

  /**
   * The gradebook of the course {@code contextId}: of the platform that launched from it last when
   * several did.
   */
  public Optional<Endpoint> forCourse(String contextId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT platform_id, context_id, lineitems_url, scopes FROM lti_ags_endpoint"
                    + " WHERE context_id = ? ORDER BY seen_at DESC")) {
      ps.setMaxRows(1);
      ps.setString(1, contextId);
      return first(ps);
    } catch (SQLException e) {
      throw new StoreException("cannot read grade service endpoints", e);
    }
  }

  private static Optional<Endpoint> find(Connection c, long platformId, String contextId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT platform_id, context_id, lineitems_url, scopes FROM lti_ags_endpoint"
                + " WHERE platform_id = ? AND context_id = ?")) {
      ps.setLong(1, platformId);
      ps.setString(2, contextId);
      return first(ps);
    }
  }

  private static Optional<Endpoint> first(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      String scopes = rs.getString(4);
      return Optional.of(
          new Endpoint(
              rs.getLong(1),
              rs.getString(2),
              URI.create(rs.getString(3)),
              scopes.isBlank()
                  ? Set.of()
                  : Arrays.stream(scopes.split(" ")).collect(Collectors.toSet())));
    }
  }
}
