package org.copconnector.plugin.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential back-off with jitter, under a ceiling, for a
 * bounded number of attempts.
 */
public record RetryPolicy(Duration base, Duration ceiling, int maxAttempts, DoubleSupplier random) {

  public static RetryPolicy standard() {
    return new RetryPolicy(
        Duration.ofSeconds(5), Duration.ofMinutes(30), 50, ThreadLocalRandom.current()::nextDouble);
  }

  /**
   * The wait after the given number of failed attempts (1 = first failure): between half and all of
   * base·2^(n-1), capped.
   */
  public Duration delayAfter(int failedAttempts) {
    long exponential = base.toMillis() << Math.min(Math.max(0, failedAttempts - 1), 30);
    long capped = Math.min(ceiling.toMillis(), exponential < 0 ? Long.MAX_VALUE : exponential);
    return Duration.ofMillis((long) (capped / 2.0 + random.getAsDouble() * capped / 2.0));
  }

  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }
}
