package org.copconnector.connector.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.copconnector.plugin.store.DatabaseSettings;

/** The validated configuration; secrets are kept out of {@link #toString()}. */
public record ConnectorConfig(
    String httpHost,
    int httpPort,
    long maxJsonBytes,
    Duration shutdownGrace,
    Path dataDir,
    DatabaseSettings database,
    Optional<MoodleSettings> moodle) {

  /** How to reach Moodle's web services. */
  public record MoodleSettings(
      URI url, String token, Duration timeout, int readRetries, int maxInputVars) {
    @Override
    public String toString() {
      return "MoodleSettings[url="
          + url
          + ", token=***, timeout="
          + timeout
          + ", readRetries="
          + readRetries
          + ", maxInputVars="
          + maxInputVars
          + "]";
    }
  }

  static ConnectorConfig from(Map<ConfigKey, String> values) {
    ConfigValues v = new ConfigValues(values);
    Path dataDir = v.path(ConfigKey.DATA_DIR);
    int poolSize = v.integer(ConfigKey.DB_POOL_SIZE, 1, 200);
    String dbUrl = values.get(ConfigKey.DB_URL);
    DatabaseSettings database;
    if (dbUrl.isEmpty()) {
      database = DatabaseSettings.h2File(dataDir, poolSize);
    } else if (dbUrl.startsWith("jdbc:postgresql:") || dbUrl.startsWith("jdbc:h2:")) {
      database =
          new DatabaseSettings(
              dbUrl, values.get(ConfigKey.DB_USER), values.get(ConfigKey.DB_PASSWORD), poolSize);
    } else {
      throw new ConfigException(
          "db.url must be empty (embedded H2) or a jdbc:postgresql: / jdbc:h2: URL");
    }
    return new ConnectorConfig(
        v.host(ConfigKey.HTTP_HOST),
        v.integer(ConfigKey.HTTP_PORT, 0, 65535),
        v.integer(ConfigKey.HTTP_MAX_JSON_BYTES, 1024, 64 * 1024 * 1024),
        Duration.ofSeconds(v.integer(ConfigKey.HTTP_SHUTDOWN_GRACE_SECONDS, 0, 600)),
        dataDir,
        database,
        moodle(v, values));
  }

  private static Optional<MoodleSettings> moodle(ConfigValues v, Map<ConfigKey, String> values) {
    String url = values.get(ConfigKey.MOODLE_URL);
    String token = values.get(ConfigKey.MOODLE_TOKEN);
    Duration timeout = Duration.ofSeconds(v.integer(ConfigKey.MOODLE_TIMEOUT_SECONDS, 1, 600));
    int retries = v.integer(ConfigKey.MOODLE_READ_RETRIES, 0, 10);
    int maxInputVars = v.integer(ConfigKey.MOODLE_MAX_INPUT_VARS, 50, 1_000_000);
    if (url.isEmpty() && token.isEmpty()) {
      return Optional.empty();
    }
    if (url.isEmpty()) {
      throw new ConfigException("moodle.url must be set when moodle.token is set");
    }
    if (token.isEmpty()) {
      throw new ConfigException("moodle.token must be set when moodle.url is set");
    }
    if (!token.matches("[A-Za-z0-9]{8,128}")) {
      // Do not echo the value: it is a secret.
      throw new ConfigException(
          "moodle.token must be the token's letters and digits only (as shown in Moodle's Manage tokens)");
    }
    return Optional.of(
        new MoodleSettings(
            v.moodleUrl(ConfigKey.MOODLE_URL), token, timeout, retries, maxInputVars));
  }

  @Override
  public String toString() {
    return "ConnectorConfig[http="
        + httpHost
        + ":"
        + httpPort
        + ", dataDir="
        + dataDir
        + ", database="
        + database
        + ", moodle="
        + moodle.map(MoodleSettings::toString).orElse("not configured")
        + "]";
  }
}
