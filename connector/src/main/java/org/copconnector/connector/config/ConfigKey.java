package org.copconnector.connector.config;

import java.util.List;

/**
 * Every configuration key the connector reads, with its built-in default; the single list the docs
 * are checked against.
 */
public enum ConfigKey {
  HTTP_HOST("http.host", "0.0.0.0", false),
  HTTP_PORT("http.port", "8080", false),
  HTTP_MAX_JSON_BYTES("http.max.json.bytes", "1048576", false),
  HTTP_SHUTDOWN_GRACE_SECONDS("http.shutdown.grace.seconds", "20", false),
  DATA_DIR("data.dir", "./data", false),
  FILES_DIR("files.dir", "", false),
  LOG_FORMAT("log.format", "text", false),
  DB_URL("db.url", "", false),
  DB_USER("db.user", "", false),
  DB_PASSWORD("db.password", "", true),
  DB_POOL_SIZE("db.pool.size", "10", false),
  MOODLE_URL("moodle.url", "", false),
  MOODLE_TOKEN("moodle.token", "", true),
  MOODLE_TIMEOUT_SECONDS("moodle.timeout.seconds", "30", false),
  MOODLE_READ_RETRIES("moodle.read.retries", "2", false),
  MOODLE_MAX_INPUT_VARS("moodle.max.input.vars", "1000", false),
  PUBLIC_URL("public.url", "", false),
  SYNC_INTERVAL_MINUTES("sync.interval.minutes", "60", false),
  SYNC_PAGE_SIZE("sync.page.size", "500", false),
  SESSION_HOURS("session.hours", "8", false),
  DISCUSSION_TITLE_MAX("discussion.title.max", "200", false),
  DISCUSSION_BODY_MAX("discussion.body.max", "20000", false),
  DISCUSSION_EDIT_MINUTES("discussion.edit.minutes", "30", false),
  FORUM_IMPORT_INTERVAL_SECONDS("forum.import.interval.seconds", "120", false),
  NOTIFICATIONS_TIME_ZONE("notifications.time.zone", "", false),
  RESOURCES_UPLOAD_MAX_MIB("resources.upload.max.mib", "50", false),
  LTI_ROLES_ADMIN(
      "lti.roles.admin",
      "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator,"
          + "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
      false),
  LTI_ROLES_FACILITATOR(
      "lti.roles.facilitator",
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor,"
          + "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper,"
          + "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor",
      false),
  LTI_TRUSTED_ISSUERS("lti.trusted.issuers", "", false),
  LTI_PLATFORM_ISSUER("lti.platform.issuer", "", false),
  LTI_PLATFORM_CLIENT_ID("lti.platform.client.id", "", false),
  LTI_PLATFORM_DEPLOYMENT_IDS("lti.platform.deployment.ids", "", false),
  LTI_PLATFORM_AUTH_URL("lti.platform.auth.url", "", false),
  LTI_PLATFORM_TOKEN_URL("lti.platform.token.url", "", false),
  LTI_PLATFORM_JWKS_URL("lti.platform.jwks.url", "", false),
  METRICS_TOKEN("metrics.token", "", true);

  private final String key;
  private final String defaultValue;
  private final boolean secret;

  ConfigKey(String key, String defaultValue, boolean secret) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.secret = secret;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public boolean secret() {
    return secret;
  }

  /**
   * The environment variable that overrides this key: {@code COP_} + upper case, dots as
   * underscores.
   */
  public String environmentVariable() {
    return "COP_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
  }

  public static List<ConfigKey> all() {
    return List.of(values());
  }
}
