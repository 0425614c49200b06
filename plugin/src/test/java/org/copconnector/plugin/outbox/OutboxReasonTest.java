package org.copconnector.plugin.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What administrators read of a delivery's last error. */
class OutboxReasonTest {

  @Test
  void theLmsReasonIsShownAsItIs() {
    String error = "Moodle could not provide the group cop-anchor-1 in course 2: nopermissions";
    assertEquals(error, OutboxResource.reason(error));
  }

  @Test
  void onlyTheFirstLineAndAtMost300Characters() {
    assertEquals("first line", OutboxResource.reason("first line\n\tat somewhere"));
    String reason = OutboxResource.reason("x".repeat(2000));
    assertEquals(300, reason.length());
    assertTrue(reason.endsWith("…"));
  }

  @Test
  void aFaultOfTheConnectorIsNamedAsSuch() {
    assertEquals(
        "an unexpected error in the connector; its log has the details",
        OutboxResource.reason("java.lang.IllegalStateException: row 12 has no payload"));
    assertEquals(
        "an unexpected error in the connector; its log has the details",
        OutboxResource.reason("org.copconnector.plugin.store.StoreException: cannot read"));
  }

  @Test
  void noErrorNoReason() {
    assertNull(OutboxResource.reason(null));
    assertNull(OutboxResource.reason(" "));
  }
}
