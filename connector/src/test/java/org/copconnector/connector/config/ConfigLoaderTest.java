package org.copconnector.connector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final String TOKEN = "abcdef0123456789abcdef0123456789";
  private static final Path SHIPPED = Path.of("..", "config", "connector.properties");

  @TempDir Path dir;

  private ConnectorConfig load(Map<String, String> env, String fileContent) throws IOException {
    Path file = null;
    if (fileContent != null) {
      file = dir.resolve("connector.properties");
      Files.writeString(file, fileContent);
    }
    return new ConfigLoader(env, dir.resolve("absent.properties")).load(file);
  }

  @Test
  void builtInDefaults() throws IOException {
    ConnectorConfig config = load(Map.of(), null);
    assertEquals("0.0.0.0", config.httpHost());
    assertEquals(8080, config.httpPort());
    assertEquals(1_048_576, config.maxJsonBytes());
    assertEquals(Path.of("./data"), config.dataDir());
    assertTrue(config.database().url().startsWith("jdbc:h2:file:"));
    assertTrue(config.moodle().isEmpty());
  }

  @Test
  void fileOverridesDefaultsAndEnvironmentOverridesFile() throws IOException {
    String file =
        "http.port=9000\nhttp.host=127.0.0.1\nmoodle.url=https://moodle.school.example/\nmoodle.token="
            + TOKEN
            + "\n";
    ConnectorConfig fromFile = load(Map.of(), file);
    assertEquals(9000, fromFile.httpPort());
    assertEquals("https://moodle.school.example", fromFile.moodle().orElseThrow().url().toString());

    ConnectorConfig fromEnv =
        load(
            Map.of(
                "COP_HTTP_PORT",
                "9100",
                "COP_MOODLE_TIMEOUT_SECONDS",
                "5",
                "COP_DB_URL",
                "jdbc:postgresql://db.school.example/cop",
                "COP_DB_PASSWORD",
                "s3cret!"),
            file);
    assertEquals(9100, fromEnv.httpPort());
    assertEquals(
        "127.0.0.1", fromEnv.httpHost(), "keys not in the environment keep the file's value");
    assertEquals(Duration.ofSeconds(5), fromEnv.moodle().orElseThrow().timeout());
    assertTrue(fromEnv.database().isPostgres());
    assertEquals("s3cret!", fromEnv.database().password());
  }

  @Test
  void theDefaultFileIsReadWhenPresent() throws IOException {
    Path defaultFile = dir.resolve("default.properties");
    Files.writeString(defaultFile, "http.port=9300\n");
    assertEquals(9300, new ConfigLoader(Map.of(), defaultFile).load(null).httpPort());
  }

  @Test
  void badValuesNameTheirKey() {
    assertMessage(
        "http.port must be a whole number (got 'eighty')", Map.of("COP_HTTP_PORT", "eighty"));
    assertMessage(
        "http.port must be between 0 and 65535 (got 70000)", Map.of("COP_HTTP_PORT", "70000"));
    assertMessage(
        "moodle.token must be set when moodle.url is set",
        Map.of("COP_MOODLE_URL", "https://m.example"));
    assertMessage(
        "moodle.url must be set when moodle.token is set", Map.of("COP_MOODLE_TOKEN", TOKEN));
    assertMessage(
        "moodle.url must use https (plain http is accepted only for localhost)",
        Map.of("COP_MOODLE_URL", "http://moodle.school.example", "COP_MOODLE_TOKEN", TOKEN));
    assertMessage(
        "db.url must be empty (embedded H2) or a jdbc:postgresql: / jdbc:h2: URL",
        Map.of("COP_DB_URL", "jdbc:mysql://x/y"));
    assertMessage(
        "moodle.timeout.seconds must be between 1 and 600 (got 0)",
        Map.of("COP_MOODLE_TIMEOUT_SECONDS", "0"));
  }

  @Test
  void aMalformedTokenIsRefusedWithoutEchoingIt() {
    String bad = "not a token; " + TOKEN;
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                load(Map.of("COP_MOODLE_URL", "https://m.example", "COP_MOODLE_TOKEN", bad), null));
    assertFalse(e.getMessage().contains(TOKEN));
    assertTrue(e.getMessage().startsWith("moodle.token"));
  }

  @Test
  void unknownKeysInTheFileAreErrors() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> load(Map.of(), "http.prot=8080\n"));
    assertTrue(e.getMessage().contains("'http.prot'"));
  }

  @Test
  void secretsStayOutOfToString() throws IOException {
    ConnectorConfig config =
        load(
            Map.of(
                "COP_MOODLE_URL",
                "https://m.example",
                "COP_MOODLE_TOKEN",
                TOKEN,
                "COP_DB_URL",
                "jdbc:postgresql://db/cop?password=hunter2",
                "COP_DB_PASSWORD",
                "hunter3"),
            null);
    String text = config.toString();
    assertFalse(text.contains(TOKEN), text);
    assertFalse(text.contains("hunter2"), text);
    assertFalse(text.contains("hunter3"), text);
  }

  @Test
  void theShippedFileDocumentsEveryKeyWithItsDefault() throws IOException {
    Properties shipped = new Properties();
    try (Reader reader = Files.newBufferedReader(SHIPPED)) {
      shipped.load(reader);
    }
    for (ConfigKey key : ConfigKey.values()) {
      assertEquals(
          key.defaultValue(),
          shipped.getProperty(key.key()),
          "config/connector.properties: " + key.key());
    }
    assertEquals(ConfigKey.values().length, shipped.size(), "no undocumented extras");
    java.util.List<String> lines = Files.readAllLines(SHIPPED);
    for (ConfigKey key : ConfigKey.values()) {
      int at = lines.indexOf(key.key() + "=" + key.defaultValue());
      assertTrue(
          at > 0 && lines.get(at - 1).startsWith("#"), key.key() + " has a comment right above it");
    }
  }

  @Test
  void logLinesAreTextOrJson() throws IOException {
    assertEquals(ConnectorConfig.LogFormat.TEXT, load(Map.of(), null).logFormat());
    assertEquals(
        ConnectorConfig.LogFormat.JSON, load(Map.of("COP_LOG_FORMAT", "JSON"), null).logFormat());
    assertMessage("log.format must be text or json (got 'xml')", Map.of("COP_LOG_FORMAT", "xml"));
  }

  private void assertMessage(String expected, Map<String, String> env) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(env, null));
    assertEquals(expected, e.getMessage());
  }
}
