package org.copconnector.connector.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.copconnector.connector.config.ConnectorConfig.LogFormat;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodle.Fault;
import org.copconnector.connector.moodle.fake.FakeMoodle.TokenState;
import org.copconnector.connector.server.LoggingConfigurator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With {@code log.format=json}, every line is one JSON object with the time, level, logger and
 * message, and the Moodle token is in none of them.
 */
class JsonLogLinesTest {

  @Test
  void eachLineIsAJsonObjectWithoutTheToken() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(LoggingConfigurator.encoder(context, LogFormat.JSON));
    appender.setOutputStream(written);
    appender.start();
    Level previous = root.getLevel();
    root.setLevel(Level.DEBUG);
    root.addAppender(appender);
    try (FakeMoodle fake = new FakeMoodle().start()) {
      Moodle moodle = MoodleFixture.moodle(fake, 1, 1000, Duration.ofMillis(500));
      moodle.site().siteInfo();
      fake.failNext(Fault.HTTP_500, 2);
      assertThrows(MoodleClientException.class, () -> moodle.site().siteInfo());
      fake.tokenState(TokenState.INVALID);
      assertThrows(MoodleClientException.class, () -> moodle.site().siteInfo());
      LoggerFactory.getLogger("test").warn("a \"quoted\" word,\na second line and a tab\t");
    } finally {
      root.detachAppender(appender);
      root.setLevel(previous);
      appender.stop();
    }

    String text = written.toString(StandardCharsets.UTF_8);
    assertFalse(text.contains(FakeMoodle.TOKEN), "token in the log:\n" + text);
    List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
    assertTrue(lines.size() >= 3, text);
    boolean sawCall = false;
    for (String line : lines) {
      JsonObject event = JsonParser.parseString(line).getAsJsonObject();
      assertTrue(
          event
              .keySet()
              .containsAll(Set.of("timestamp", "level", "loggerName", "formattedMessage")),
          line);
      assertTrue(event.get("timestamp").getAsLong() > 1_700_000_000_000L, line);
      sawCall |=
          event.get("formattedMessage").getAsString().contains("core_webservice_get_site_info");
    }
    assertTrue(sawCall, "the calls were logged:\n" + text);
    JsonObject last = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
    assertEquals("WARN", last.get("level").getAsString());
    assertEquals("test", last.get("loggerName").getAsString());
    assertEquals(
        "a \"quoted\" word,\na second line and a tab\t",
        last.get("formattedMessage").getAsString());
  }
}
