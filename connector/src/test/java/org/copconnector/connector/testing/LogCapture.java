package org.copconnector.connector.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event (all loggers, all levels) while open, as the text an operator would
 * read.
 */
public final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final ch.qos.logback.classic.Level previous;

  public LogCapture() {
    previous = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.TRACE);
    appender.start();
    root.addAppender(appender);
  }

  /** Each event's formatted message plus its stack trace, if any. */
  public List<String> lines() {
    synchronized (appender.list) {
      return appender.list.stream()
          .map(
              e ->
                  e.getLevel()
                      + " "
                      + e.getLoggerName()
                      + " "
                      + e.getFormattedMessage()
                      + (e.getThrowableProxy() == null
                          ? ""
                          : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
          .toList();
    }
  }

  public String text() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(previous);
  }
}
