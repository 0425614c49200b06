package org.copconnector.connector.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads configuration with this precedence: built-in defaults, then the properties file, then
 * {@code COP_*} environment variables.
 */
public final class ConfigLoader {

  /** Used when no {@code --config} is given and the file exists in the working directory. */
  public static final Path DEFAULT_FILE = Path.of("config", "connector.properties");

  private final Map<String, String> environment;
  private final Path defaultFile;

  public ConfigLoader(Map<String, String> environment) {
    this(environment, DEFAULT_FILE);
  }

  /** Reads {@code defaultFile} when no file is given explicitly (tests point it elsewhere). */
  public ConfigLoader(Map<String, String> environment, Path defaultFile) {
    this.environment = environment;
    this.defaultFile = defaultFile;
  }

  /**
   * Loads and validates. {@code explicitFile} may be null: then the default file is read when
   * present; an explicit file that does not exist is an error.
   */
  public ConnectorConfig load(Path explicitFile) {
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      values.put(key, key.defaultValue());
    }
    Path file =
        explicitFile != null
            ? explicitFile
            : (Files.isRegularFile(defaultFile) ? defaultFile : null);
    if (file != null) {
      Properties properties = read(file);
      for (String name : properties.stringPropertyNames()) {
        ConfigKey key = byName(name);
        if (key == null) {
          throw new ConfigException("unknown configuration key '" + name + "' in " + file);
        }
        values.put(key, properties.getProperty(name).trim());
      }
    }
    for (ConfigKey key : ConfigKey.values()) {
      String override = environment.get(key.environmentVariable());
      if (override != null) {
        values.put(key, override.trim());
      }
    }
    return ConnectorConfig.from(values);
  }

  private static Properties read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("configuration file " + file + " does not exist");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
    }
    return properties;
  }

  private static ConfigKey byName(String name) {
    for (ConfigKey key : ConfigKey.values()) {
      if (key.key().equals(name)) {
        return key;
      }
    }
    return null;
  }
}
