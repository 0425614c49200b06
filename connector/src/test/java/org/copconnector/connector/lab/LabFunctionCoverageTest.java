package org.copconnector.connector.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.copconnector.connector.doctor.RequiredFunctions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after the other real-Moodle tests (see junit-platform.properties): every web-service
 * function the README asks administrators to enable was called on the lab by them, as Moodle's own
 * log records it (Moodle refuses, unlogged, any function its service lacks), so a function nothing
 * calls is not asked for.
 */
@RealMoodle
@Order(Integer.MAX_VALUE)
class LabFunctionCoverageTest {

  private final MoodleLab lab = MoodleLab.get();

  @Test
  void everyListedFunctionWasCalledOnTheRealMoodle() {
    long since = Long.parseLong(System.getenv().getOrDefault("MOODLE_TIER_SINCE", "0"));
    Set<String> called = new TreeSet<>();
    for (var row :
        lab.query(
            "SELECT DISTINCT other FROM mdl_logstore_standard_log"
                + " WHERE eventname = ? AND userid = ? AND timecreated >= ?",
            "\\core\\event\\webservice_function_called",
            lab.userId("wsconnector"),
            since)) {
      String other = (String) row.get("other");
      String function = other.replaceAll(".*\"function\":\"([a-z_]+)\".*", "$1");
      called.add(function);
    }
    Set<String> listed = new TreeSet<>(RequiredFunctions.load().keySet());
    Set<String> missing = new TreeSet<>(listed);
    missing.removeAll(called);
    System.out.println("functions called on the lab since the tier started: " + called);
    assertEquals(Set.of(), missing, "listed but never called by the real-Moodle tier");
  }
}
