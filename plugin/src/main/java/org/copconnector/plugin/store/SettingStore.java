package org.copconnector.plugin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Site-wide settings kept in the database, so every connector instance sees the same values. */
public final class SettingStore {

  private static final int MAX_KEY = 200;
  private static final int MAX_VALUE = 10_000;

  private final DataSource dataSource;
  private final Clock clock;

  public SettingStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  public Optional<String> get(String key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT setting_value FROM site_setting WHERE setting_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read setting " + key, e);
    }
  }

  /** Inserts or replaces one setting atomically (SQL MERGE works on H2 and PostgreSQL 15+). */
  public void put(String key, String value) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY) {
      throw new IllegalArgumentException("setting key must be 1.." + MAX_KEY + " characters");
    }
    if (value == null || value.length() > MAX_VALUE) {
      throw new IllegalArgumentException(
          "setting value must be at most " + MAX_VALUE + " characters");
    }
    String sql =
        "MERGE INTO site_setting t USING (SELECT CAST(? AS VARCHAR) AS k, CAST(? AS VARCHAR) AS v,"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS u) s ON t.setting_key = s.k"
            + " WHEN MATCHED THEN UPDATE SET setting_value = s.v, updated_at = s.u"
            + " WHEN NOT MATCHED THEN INSERT (setting_key, setting_value, updated_at) VALUES (s.k, s.v, s.u)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.setObject(3, Instant.now(clock).atOffset(java.time.ZoneOffset.UTC));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write setting " + key, e);
    }
  }

  public boolean delete(String key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM site_setting WHERE setting_key = ?")) {
      ps.setString(1, key);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot delete setting " + key, e);
    }
  }
}
