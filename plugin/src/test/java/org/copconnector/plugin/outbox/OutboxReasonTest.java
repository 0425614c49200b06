package org.copconnector.plugin.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What administrators read of a delivery's last error: a code to translate, and the detail. */
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
  void aStoredErrorKeepsItsKindOfFailure() {
    String error = "Moodle could not provide the group cop-anchor-1 in course 2: nopermissions";
    LastError read = LastError.parse(LastError.stored(DeliveryFailure.Kind.LMS_REFUSED, error));
    assertEquals("lms_refused", read.failure());
    assertEquals(error, read.detail());
    assertFalse(read.connectorFault());
    assertEquals(
        "missing",
        LastError.parse(LastError.stored(DeliveryFailure.Kind.MISSING, "post 1 no longer exists"))
            .failure());
  }

  @Test
  void aFaultOfTheConnectorIsNamedAsSuch() {
    LastError coded =
        LastError.parse(
            LastError.stored(
                DeliveryFailure.Kind.UNEXPECTED,
                "java.lang.IllegalStateException: row 12 has no payload"));
    assertEquals("unexpected", coded.failure());
    assertTrue(coded.connectorFault());
    LastError older = LastError.parse("org.copconnector.plugin.store.StoreException: cannot read");
    assertEquals("unexpected", older.failure(), "stored before errors had a code");
    assertTrue(older.connectorFault());
  }

  @Test
  void anErrorStoredBeforeCodesIsOther() {
    LastError older = LastError.parse("[made up] Moodle could not reply to post 5: x");
    assertEquals("other", older.failure());
    assertEquals("[made up] Moodle could not reply to post 5: x", older.detail());
  }

  @Test
  void noErrorNoReason() {
    assertNull(OutboxResource.reason(null));
    assertNull(OutboxResource.reason(" "));
    assertNull(LastError.parse(null));
  }
}
