package org.copconnector.connector.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.copconnector.connector.lti.LtiSettings;
import org.copconnector.plugin.discussion.DiscussionLimits;
import org.copconnector.plugin.store.DatabaseSettings;

/** The validated configuration; secrets are kept out of {@link #toString()}. */
public record ConnectorConfig(
    String httpHost,
    int httpPort,
    long maxJsonBytes,
    Duration shutdownGrace,
    Path dataDir,
    Path filesDir,
    DatabaseSettings database,
    Optional<MoodleSettings> moodle,
    LtiSettings lti,
    Duration syncInterval,
    int syncPageSize,
    DiscussionSettings discussions,
    long uploadMaxBytes,
    Optional<String> metricsToken,
    LogFormat logFormat) {

  /** How log lines are written: text for a person, or one JSON object a line for a collector. */
  public enum LogFormat {
    TEXT,
    JSON;

    static LogFormat of(String value) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "text" -> TEXT;
        case "json" -> JSON;
        default ->
            throw new ConfigException("log.format must be text or json (got '" + value + "')");
      };
    }
  }

  /**
   * Bounds of posts, how often Moodle forums are read for new replies, and the time zone whose days
   * the daily digests cover.
   */
  public record DiscussionSettings(
      DiscussionLimits limits, Duration importInterval, ZoneId digestZone) {}

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
    // Stored files: in the data folder unless placed elsewhere (a folder instances share).
    Path filesDir =
        values.get(ConfigKey.FILES_DIR).isEmpty()
            ? dataDir.resolve("files")
            : v.path(ConfigKey.FILES_DIR);
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
        filesDir,
        database,
        moodle(v, values),
        lti(v, values),
        Duration.ofMinutes(v.integer(ConfigKey.SYNC_INTERVAL_MINUTES, 1, 7 * 24 * 60)),
        v.integer(ConfigKey.SYNC_PAGE_SIZE, 10, 5000),
        discussions(v, values),
        v.integer(ConfigKey.RESOURCES_UPLOAD_MAX_MIB, 1, 2048) * 1024L * 1024L,
        Optional.of(values.get(ConfigKey.METRICS_TOKEN)).filter(t -> !t.isBlank()),
        LogFormat.of(values.get(ConfigKey.LOG_FORMAT)));
  }

  private static DiscussionSettings discussions(ConfigValues v, Map<ConfigKey, String> values) {
    DiscussionLimits limits =
        new DiscussionLimits(
            v.integer(ConfigKey.DISCUSSION_TITLE_MAX, 10, DiscussionLimits.TITLE_CEILING),
            v.integer(ConfigKey.DISCUSSION_BODY_MAX, 100, DiscussionLimits.BODY_CEILING),
            Duration.ofMinutes(v.integer(ConfigKey.DISCUSSION_EDIT_MINUTES, 0, 7 * 24 * 60)));
    String zone = values.get(ConfigKey.NOTIFICATIONS_TIME_ZONE);
    ZoneId digestZone;
    try {
      digestZone = zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw new ConfigException(
          "notifications.time.zone must be a time zone such as Europe/Lisbon, not '" + zone + "'");
    }
    return new DiscussionSettings(
        limits,
        Duration.ofSeconds(v.integer(ConfigKey.FORUM_IMPORT_INTERVAL_SECONDS, 10, 24 * 60 * 60)),
        digestZone);
  }

  private static LtiSettings lti(ConfigValues v, Map<ConfigKey, String> values) {
    Optional<URI> publicUrl =
        values.get(ConfigKey.PUBLIC_URL).isEmpty()
            ? Optional.empty()
            : Optional.of(v.url(ConfigKey.PUBLIC_URL));
    List<ConfigKey> manualKeys =
        List.of(
            ConfigKey.LTI_PLATFORM_ISSUER,
            ConfigKey.LTI_PLATFORM_CLIENT_ID,
            ConfigKey.LTI_PLATFORM_DEPLOYMENT_IDS,
            ConfigKey.LTI_PLATFORM_AUTH_URL,
            ConfigKey.LTI_PLATFORM_TOKEN_URL,
            ConfigKey.LTI_PLATFORM_JWKS_URL);
    long given = manualKeys.stream().filter(k -> !values.get(k).isEmpty()).count();
    Optional<LtiSettings.ManualPlatform> manual = Optional.empty();
    if (given > 0 && given < manualKeys.size()) {
      ConfigKey missing =
          manualKeys.stream().filter(k -> values.get(k).isEmpty()).findFirst().orElseThrow();
      throw new ConfigException(
          missing.key()
              + " must be set: manual platform registration needs all six lti.platform.* keys");
    }
    if (given == manualKeys.size()) {
      manual =
          Optional.of(
              new LtiSettings.ManualPlatform(
                  v.url(ConfigKey.LTI_PLATFORM_ISSUER).toString(),
                  values.get(ConfigKey.LTI_PLATFORM_CLIENT_ID),
                  v.list(ConfigKey.LTI_PLATFORM_DEPLOYMENT_IDS),
                  v.url(ConfigKey.LTI_PLATFORM_AUTH_URL),
                  v.url(ConfigKey.LTI_PLATFORM_TOKEN_URL),
                  v.url(ConfigKey.LTI_PLATFORM_JWKS_URL)));
    }
    return new LtiSettings(
        publicUrl,
        Duration.ofHours(v.integer(ConfigKey.SESSION_HOURS, 1, 24 * 30)),
        Set.copyOf(v.list(ConfigKey.LTI_ROLES_ADMIN)),
        Set.copyOf(v.list(ConfigKey.LTI_ROLES_FACILITATOR)),
        Set.copyOf(v.list(ConfigKey.LTI_TRUSTED_ISSUERS)),
        manual);
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
        new MoodleSettings(v.url(ConfigKey.MOODLE_URL), token, timeout, retries, maxInputVars));
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
