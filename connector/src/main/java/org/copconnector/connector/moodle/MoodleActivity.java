package org.copconnector.connector.moodle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The latest call to Moodle that worked and the latest that did not, for administrators. */
public final class MoodleActivity {

  /** Longest reason kept: enough for an error code and Moodle's sentence. */
  private static final int MAX_REASON = 200;

  /** One call: when it ended, which function, and for a failure a short reason. */
  public record Call(Instant at, String function, String reason) {}

  private final Clock clock;
  private final AtomicReference<Call> lastSuccess = new AtomicReference<>();
  private final AtomicReference<Call> lastFailure = new AtomicReference<>();

  public MoodleActivity(Clock clock) {
    this.clock = clock;
  }

  void succeeded(String function) {
    lastSuccess.set(new Call(Instant.now(clock), function, null));
  }

  /** Records a failed call; {@code reason} must already be free of the token. */
  void failed(String function, String reason) {
    String text = reason == null ? "" : reason.strip();
    int end = text.indexOf('\n');
    if (end >= 0) {
      text = text.substring(0, end);
    }
    if (text.length() > MAX_REASON) {
      text = text.substring(0, MAX_REASON - 1) + "…";
    }
    lastFailure.set(new Call(Instant.now(clock), function, text));
  }

  public Optional<Call> lastSuccess() {
    return Optional.ofNullable(lastSuccess.get());
  }

  public Optional<Call> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }
}
