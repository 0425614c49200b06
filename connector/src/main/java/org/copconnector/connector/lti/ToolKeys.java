package org.copconnector.connector.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.store.StoreException;

/**
 * The tool's RSA signing keys, kept in the database so every instance uses the same ones. A key is
 * generated on first use; rotation adds a new current key and keeps the old one published for a
 * grace period, so platforms that cached it still verify messages signed just before.
 */
public final class ToolKeys {

  static final Duration RETIRED_KEYS_PUBLISHED_FOR = Duration.ofDays(7);

  private final DataSource dataSource;
  private final Clock clock;

  public ToolKeys(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** The key to sign with, generated on first use. */
  public synchronized RSAKey current() {
    List<RSAKey> active =
        load("SELECT jwk FROM lti_tool_key WHERE retired_at IS NULL ORDER BY created_at DESC");
    if (!active.isEmpty()) {
      return active.get(0);
    }
    RSAKey key = generate();
    insert(key);
    return key;
  }

  /** Retires the current key and makes a new one current; returns the new key's id. */
  public synchronized String rotate() {
    current();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE lti_tool_key SET retired_at = ? WHERE retired_at IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now(clock)));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot retire the tool key", e);
    }
    RSAKey key = generate();
    insert(key);
    return key.getKeyID();
  }

  /** The public keys platforms verify the tool's messages with: current plus recently retired. */
  public JWKSet publicKeys() {
    current();
    List<RSAKey> keys = new ArrayList<>();
    String sql =
        "SELECT jwk FROM lti_tool_key WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(Instant.now(clock).minus(RETIRED_KEYS_PUBLISHED_FOR)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(parse(rs.getString(1)).toPublicJWK());
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read tool keys", e);
    }
    return new JWKSet(new ArrayList<>(keys));
  }

  private List<RSAKey> load(String sql) {
    List<RSAKey> keys = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        keys.add(parse(rs.getString(1)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read tool keys", e);
    }
    return keys;
  }

  private void insert(RSAKey key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO lti_tool_key (kid, jwk, created_at) VALUES (?, ?, ?)")) {
      ps.setString(1, key.getKeyID());
      ps.setString(2, key.toJSONString());
      ps.setTimestamp(3, Timestamp.from(Instant.now(clock)));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store the tool key", e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  private static RSAKey parse(String json) {
    try {
      return RSAKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("a stored tool key is not a valid RSA JWK", e);
    }
  }
}
