package org.copconnector.connector.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxHandler;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.outbox.OutboxWorker;
import org.copconnector.plugin.outbox.RetryPolicy;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that waits for the LMS to say where it goes is never given up, however long it waits, and
 * goes as soon as whoever learns where is made due.
 */
class OutboxWaitingTest {

  @TempDir Path dataDir;

  @Test
  void aWaitingWriteIsNeverGivenUpAndGoesOnceDue() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    try (Database database = Database.open(DatabaseSettings.h2File(dataDir, 2))) {
      database.migrate();
      Outbox outbox = new Outbox(database.dataSource(), clock);
      AtomicBoolean known = new AtomicBoolean();
      OutboxHandler handler =
          OutboxHandler.of(
              "gradebook.score",
              m -> {
                if (!known.get()) {
                  throw DeliveryFailure.waiting("no gradebook yet");
                }
              });
      RetryPolicy twoAttempts =
          new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(30), 2, () -> 1.0);
      OutboxWorker worker = new OutboxWorker(outbox, List.of(handler), twoAttempts, clock);
      outbox.enqueue("gradebook.score", "score-1", "{}");
      outbox.enqueue("other", "other-1", "{}");

      for (int round = 0; round < 5; round++) {
        assertEquals(0, worker.deliverDue());
        clock.advance(Duration.ofMinutes(31));
      }
      OutboxMessage waiting = outbox.byId(1).orElseThrow();
      assertEquals(OutboxMessage.Status.PENDING, waiting.status(), "more waits than attempts");
      assertTrue(waiting.lastError().startsWith("[waiting] no gradebook yet"), waiting.lastError());

      worker.deliverDue();
      known.set(true);
      assertEquals(0, worker.deliverDue(), "not due before its next attempt");
      assertEquals(1, outbox.dueNow("gradebook.score"), "only that kind");
      assertEquals(1, worker.deliverDue());
      assertEquals(OutboxMessage.Status.DELIVERED, outbox.byId(1).orElseThrow().status());
    }
  }
}
