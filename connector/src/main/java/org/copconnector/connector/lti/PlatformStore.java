package org.copconnector.connector.lti;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.copconnector.plugin.store.SqlStates;
import org.copconnector.plugin.store.StoreException;

/** Registered platforms and their deployments. */
public final class PlatformStore {

  private static final String COLUMNS =
      "id, issuer, client_id, auth_login_url, auth_token_url, jwks_url, registered_by";

  private final DataSource dataSource;
  private final Clock clock;
  private final AtomicLong saves = new AtomicLong();

  public PlatformStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * The platform for an issuer and client id; when {@code clientId} is null, the issuer's only
   * registration.
   */
  public Optional<Platform> find(String issuer, String clientId) {
    List<Platform> found =
        query(
            "SELECT "
                + COLUMNS
                + " FROM lti_platform WHERE issuer = ?"
                + (clientId == null ? "" : " AND client_id = ?"),
            issuer,
            clientId);
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  public Optional<Platform> byId(long id) {
    return query("SELECT " + COLUMNS + " FROM lti_platform WHERE id = ?", id, null).stream()
        .findFirst();
  }

  public List<Platform> all() {
    return query("SELECT " + COLUMNS + " FROM lti_platform ORDER BY id", null, null);
  }

  /**
   * How many times this store saved a platform: views of the platforms made by this instance know
   * when to read them again.
   */
  public long saves() {
    return saves.get();
  }

  /** Adds a platform, or updates its endpoints when the issuer and client id are already known. */
  public Platform save(
      String issuer, String clientId, URI auth, URI token, URI jwks, String registeredBy) {
    try {
      return write(issuer, clientId, auth, token, jwks, registeredBy);
    } finally {
      saves.incrementAndGet();
    }
  }

  private Platform write(
      String issuer, String clientId, URI auth, URI token, URI jwks, String registeredBy) {
    Optional<Platform> existing = find(issuer, clientId);
    try (Connection c = dataSource.getConnection()) {
      if (existing.isPresent()) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE lti_platform SET auth_login_url = ?, auth_token_url = ?, jwks_url = ? WHERE id = ?")) {
          ps.setString(1, auth.toString());
          ps.setString(2, token.toString());
          ps.setString(3, jwks.toString());
          ps.setLong(4, existing.get().id());
          ps.executeUpdate();
        }
        return new Platform(
            existing.get().id(),
            issuer,
            clientId,
            auth,
            token,
            jwks,
            existing.get().registeredBy());
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO lti_platform (issuer, client_id, auth_login_url, auth_token_url, jwks_url, registered_by,"
                  + " created_at) VALUES (?,?,?,?,?,?,?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, issuer);
        ps.setString(2, clientId);
        ps.setString(3, auth.toString());
        ps.setString(4, token.toString());
        ps.setString(5, jwks.toString());
        ps.setString(6, registeredBy);
        ps.setTimestamp(7, Timestamp.from(Instant.now(clock)));
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return new Platform(keys.getLong(1), issuer, clientId, auth, token, jwks, registeredBy);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save platform " + issuer, e);
    }
  }

  /** Records a deployment of the tool on a platform; recording it twice is harmless. */
  public void addDeployment(long platformId, String deploymentId) {
    if (isDeployed(platformId, deploymentId)) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO lti_deployment (platform_id, deployment_id) VALUES (?, ?)")) {
      ps.setLong(1, platformId);
      ps.setString(2, deploymentId);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!SqlStates.isDuplicate(e)) {
        throw new StoreException("cannot save deployment", e);
      }
    }
  }

  public boolean isDeployed(long platformId, String deploymentId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT 1 FROM lti_deployment WHERE platform_id = ? AND deployment_id = ?")) {
      ps.setLong(1, platformId);
      ps.setString(2, deploymentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read deployments", e);
    }
  }

  public List<String> deployments(long platformId) {
    List<String> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT deployment_id FROM lti_deployment WHERE platform_id = ? ORDER BY deployment_id")) {
      ps.setLong(1, platformId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read deployments", e);
    }
    return ids;
  }

  private List<Platform> query(String sql, Object first, Object second) {
    List<Platform> platforms = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (first != null) {
        ps.setObject(1, first);
      }
      if (second != null) {
        ps.setObject(2, second);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          platforms.add(
              new Platform(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  URI.create(rs.getString(4)),
                  URI.create(rs.getString(5)),
                  URI.create(rs.getString(6)),
                  rs.getString(7)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read platforms", e);
    }
    return platforms;
  }
}
