package org.copconnector.connector.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted instance takes over the leases its killed run left, and only those; an instance never
 * takes a message another one tried while it was choosing.
 */
class OutboxLeasesTest {

  @TempDir Path dataDir;

  @Test
  void aRunTakesOverOnlyItsOwnInstancesLeasesWhichStillLookForWhatWasSent() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    try (Database database = Database.open(DatabaseSettings.h2File(dataDir, 2))) {
      database.migrate();
      Outbox outbox = new Outbox(database.dataSource(), clock);
      outbox.enqueue("k", "one", "{}");
      outbox.enqueue("k", "two", "{}");
      assertEquals(1, outbox.claimDue("instance-a", 1, Duration.ofMinutes(2)).size());
      assertEquals(1, outbox.claimDue("instance-b", 1, Duration.ofMinutes(2)).size());
      assertEquals(List.of(), outbox.claimDue("instance-a", 10, Duration.ofMinutes(2)));

      assertEquals(1, outbox.releaseLeasesOf("instance-a"), "a's killed run held one");
      List<OutboxMessage> again = outbox.claimDue("instance-a", 10, Duration.ofMinutes(2));
      assertEquals(1, again.size(), "b's lease stands: b may be delivering it now");
      assertTrue(again.get(0).triedBefore(), "it may have been sent: look before sending again");
      assertEquals(2, outbox.releaseLeasesOf(null), "the embedded database releases every lease");
    }
  }

  /**
   * Instance A reads the due messages; before it claims them, instance B claims one, sends it and
   * loses the answer (the write may be in the LMS). A must not claim it then as never tried: it
   * would send it again without looking for it first.
   */
  @Test
  void aMessageAnotherInstanceTriedMeanwhileIsLeftForItsNextAttempt() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    try (Database database = Database.open(PostgresServer.shared().newDatabase())) {
      database.migrate();
      Outbox b = new Outbox(database.dataSource(), clock);
      b.enqueue("k", "one", "{}");
      java.util.concurrent.atomic.AtomicInteger connections =
          new java.util.concurrent.atomic.AtomicInteger();
      javax.sql.DataSource racing =
          (javax.sql.DataSource)
              java.lang.reflect.Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {javax.sql.DataSource.class},
                  (proxy, method, args) -> {
                    // A's second connection is the one it claims with: B acts just before.
                    if (method.getName().equals("getConnection")
                        && connections.incrementAndGet() == 2) {
                      OutboxMessage taken =
                          b.claimDue("instance-b", 10, Duration.ofMinutes(2)).get(0);
                      b.markRetry(
                          taken.id(),
                          DeliveryFailure.Kind.LMS_UNAVAILABLE,
                          "answer lost",
                          clock.instant().plusSeconds(5));
                    }
                    try {
                      return method.invoke(database.dataSource(), args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      Outbox a = new Outbox(racing, clock);
      assertEquals(List.of(), a.claimDue("instance-a", 10, Duration.ofMinutes(2)));

      clock.advance(Duration.ofSeconds(5));
      List<OutboxMessage> due = a.claimDue("instance-a", 10, Duration.ofMinutes(2));
      assertEquals(1, due.size(), "due again after its back-off");
      assertTrue(due.get(0).triedBefore(), "it may have been sent: look before sending again");
    }
  }
}
