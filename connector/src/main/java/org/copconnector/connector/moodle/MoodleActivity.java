package org.copconnector.connector.moodle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest call to Moodle that worked and the latest that did not, for administrators; every
 * call's time by function and outcome, for metrics ({@code moodle_calls_seconds}).
 */
public final class MoodleActivity {

  /** Longest reason kept: enough for an error code and Moodle's sentence. */
  private static final int MAX_REASON = 200;

  /** One call: when it ended, which function, and for a failure a short reason. */
  public record Call(Instant at, String function, String reason) {}

  private final Clock clock;
  private final AtomicReference<Call> lastSuccess = new AtomicReference<>();
  private final AtomicReference<Call> lastFailure = new AtomicReference<>();

  private final MeterRegistry registry;

  public MoodleActivity(Clock clock) {
    this(clock, new CompositeMeterRegistry());
  }

  public MoodleActivity(Clock clock, MeterRegistry registry) {
    this.clock = clock;
    this.registry = registry;
  }

  /** {@code outcome}: ok, refused (a Moodle error code), server_fault, or the transport failure. */
  void timed(String function, String outcome, long nanos) {
    Timer.builder("moodle.calls")
        .description("Calls to Moodle's web services by function and outcome")
        .tag("function", function)
        .tag("outcome", outcome)
        .register(registry)
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
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
