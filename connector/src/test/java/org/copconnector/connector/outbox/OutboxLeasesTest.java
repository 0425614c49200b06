package org.copconnector.connector.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted instance takes over the leases its killed run left, and only those. */
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
}
