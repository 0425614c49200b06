package org.copconnector.connector.moodle;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Waits between read retries: exponential with full jitter, capped. */
public interface Backoff {

  void pause(int attempt) throws InterruptedException;

  /** {@code base * 2^attempt}, at most {@code cap}, with a random share to spread retries. */
  static Backoff exponential(Duration base, Duration cap) {
    return attempt -> {
      long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
      Thread.sleep(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    };
  }

  /** No waiting, for tests. */
  static Backoff none() {
    return attempt -> {};
  }
}
