package org.copconnector.plugin.store;

import java.util.Objects;

/** Where the database is and how to log in; the password never appears in {@link #toString()}. */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize) {

  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("db.url must be a jdbc:h2: or jdbc:postgresql: URL");
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("db.pool.size must be at least 1");
    }
  }

  /**
   * An embedded H2 database stored as files under {@code dataDir}. It stays open until the
   * connector closes it, so requests still finishing during a graceful stop can use it. Every
   * commit is written to the file before it returns ({@code WRITE_DELAY=0}; H2's default keeps
   * commits in memory for up to half a second, so a killed process lost writes it had confirmed).
   * Each connection keeps its last 256 statements compiled ({@code QUERY_CACHE_SIZE}; H2's 8 is
   * fewer than one page's read uses, which then parsed and planned every query again).
   */
  public static DatabaseSettings h2File(java.nio.file.Path dataDir, int maxPoolSize) {
    String file =
        dataDir.toAbsolutePath().normalize().resolve("cop-connector").toString().replace('\\', '/');
    return new DatabaseSettings(
        "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=256",
        "sa",
        "",
        maxPoolSize);
  }

  public boolean isEmbeddedFile() {
    return url.startsWith("jdbc:h2:file:");
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The URL with any password-like query parameter masked, safe to log. */
  public String safeUrl() {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + safeUrl()
        + ", user="
        + user
        + ", password=***, maxPoolSize="
        + maxPoolSize
        + "]";
  }
}
