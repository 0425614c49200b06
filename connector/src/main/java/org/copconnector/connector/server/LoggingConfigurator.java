package org.copconnector.connector.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.copconnector.connector.config.ConnectorConfig.LogFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default logging set-up, in code: reading an XML file costs a third of a second at every
 * start. Mirrors {@code config/logback.xml}; an operator's {@code -Dlogback.configurationFile}
 * wins. Lines are text, or one JSON object each with {@code log.format=json}.
 */
public final class LoggingConfigurator extends ContextAwareBase implements Configurator {

  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{30} - %msg%n";
  private static final Map<String, Level> QUIETER =
      Map.of(
          "org.eclipse.jetty", Level.WARN,
          "org.glassfish.jersey", Level.WARN,
          "org.glassfish.jersey.message.internal.MessagingBinders", Level.ERROR,
          "org.glassfish.jersey.internal.inject.Providers", Level.ERROR,
          "com.zaxxer.hikari", Level.WARN,
          "org.flywaydb", Level.ERROR,
          "okhttp3", Level.WARN);

  /** The environment variable read before the configuration is: the first lines follow it too. */
  private static final String FORMAT_VARIABLE = "COP_LOG_FORMAT";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (operatorsFile()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    LogFormat format =
        "json".equalsIgnoreCase(System.getenv(FORMAT_VARIABLE)) ? LogFormat.JSON : LogFormat.TEXT;
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("CONSOLE");
    console.setEncoder(encoder(context, format));
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static boolean operatorsFile() {
    return System.getProperty("logback.configurationFile") != null;
  }

  /**
   * Writes the console's lines in {@code format} from now on (the configuration is read after the
   * first lines); an operator's own logback file is left alone.
   */
  public static void use(LogFormat format) {
    if (operatorsFile()
        || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
        || !(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")
            instanceof OutputStreamAppender<ILoggingEvent> console)) {
      return;
    }
    boolean json = console.getEncoder() instanceof JsonEncoder;
    if (json != (format == LogFormat.JSON)) {
      console.setEncoder(encoder(context, format));
    }
  }

  /**
   * A line of text, or one JSON object a line (Logback's own encoder): timestamp (milliseconds
   * since 1970), level, threadName, loggerName, formattedMessage, mdc, and throwable when there is
   * one.
   */
  public static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
    if (format == LogFormat.JSON) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      // The message once, with its arguments filled in.
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithFormattedMessage(true);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(PATTERN);
    text.start();
    return text;
  }
}
