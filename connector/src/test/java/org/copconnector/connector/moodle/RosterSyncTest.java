package org.copconnector.connector.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.people.RosterChange;
import org.copconnector.plugin.people.RosterSync;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roster sync from the Moodle stand-in into the store: calls, changes, and a large course. */
class RosterSyncTest {

  @TempDir Path dataDir;

  @Test
  void aLargeCourseTakesFiveCallsAndOnlyChangesAreWritten() throws Exception {
    FakeMoodleState state = FakeMoodleState.seeded();
    for (long id = 10_000; id < 12_000; id++) {
      state.addUser(
          new FakeMoodleState.User(
              id, "t" + id, "Teacher", "N" + id, "t" + id + "@school.example"));
      state.enrol(3, id, id % 50 == 0 ? "editingteacher" : "student");
    }
    state.enrolments.get(3L).keySet().removeIf(id -> id < 10_000);
    try (FakeMoodle fake = new FakeMoodle(state).start();
        Database database = Database.open(DatabaseSettings.h2File(dataDir, 5))) {
      database.migrate();
      fake.latency(Duration.ofMillis(20));
      Moodle moodle = MoodleFixture.moodle(fake);
      PeopleStore people = new PeopleStore(database.dataSource(), Clock.systemUTC());
      RosterSync sync =
          new RosterSync(
              new MoodleLms(moodle, 500, moodle.site(), Clock.systemUTC(), Duration.ofMinutes(1)),
              people,
              Clock.systemUTC(),
              Duration.ofHours(1),
              Runnable::run);

      long started = System.nanoTime();
      RosterChange first = sync.syncCourse("3");
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(2000, first.added());
      assertEquals(
          5,
          fake.calls("core_enrol_get_enrolled_users").size(),
          "4 full pages of 500 and the empty end");
      assertTrue(millis < 5_000, "took " + millis + " ms");
      assertEquals(2000, people.participants("3"));

      fake.state().enrolments.get(3L).remove(10_001L);
      fake.state().enrolments.get(3L).put(10_002L, java.util.List.of("editingteacher"));
      RosterChange second = sync.syncCourse("3");
      assertEquals(new RosterChange("3", 0, 1, 1, 1998), second);
    }
  }
}
