package org.copconnector.connector.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** Typed access to raw configuration strings; every failure names its key. */
final class ConfigValues {

  private final Map<ConfigKey, String> values;

  ConfigValues(Map<ConfigKey, String> values) {
    this.values = values;
  }

  int integer(ConfigKey key, int min, int max) {
    String raw = values.get(key);
    try {
      int value = Integer.parseInt(raw);
      if (value < min || value > max) {
        throw new ConfigException(
            key.key() + " must be between " + min + " and " + max + " (got " + raw + ")");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(key.key() + " must be a whole number (got '" + raw + "')");
    }
  }

  Path path(ConfigKey key) {
    String raw = values.get(key);
    if (raw.isEmpty()) {
      throw new ConfigException(key.key() + " must not be empty");
    }
    try {
      return Path.of(raw);
    } catch (InvalidPathException e) {
      throw new ConfigException(key.key() + " is not a valid path (got '" + raw + "')");
    }
  }

  String host(ConfigKey key) {
    String raw = values.get(key);
    if (raw.isEmpty() || !raw.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
      throw new ConfigException(
          key.key() + " must be a host name or IP address (got '" + raw + "')");
    }
    return raw;
  }

  /** Comma-separated values, trimmed, empty ones dropped. */
  java.util.List<String> list(ConfigKey key) {
    return java.util.Arrays.stream(values.get(key).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * An absolute http(s) URL; plain http only for loopback, since tokens and sessions travel with
   * it.
   */
  URI url(ConfigKey key) {
    String raw = values.get(key);
    URI uri;
    try {
      uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
    } catch (URISyntaxException e) {
      throw new ConfigException(key.key() + " is not a valid URL (got '" + raw + "')");
    }
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ConfigException(
          key.key()
              + " must be an absolute https URL such as https://moodle.example.edu (got '"
              + raw
              + "')");
    }
    if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
      throw new ConfigException(
          key.key() + " must be the site's address without query, fragment or credentials");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new ConfigException(
          key.key() + " must use https (plain http is accepted only for localhost)");
    }
    return uri;
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("::1");
  }
}
