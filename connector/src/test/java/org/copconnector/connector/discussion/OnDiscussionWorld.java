package org.copconnector.connector.discussion;

import java.nio.file.Path;
import java.time.Instant;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of the discussions against the Moodle stand-in: each test gets a new {@link
 * DiscussionWorld} on a new stand-in, with a clock that starts at the given moment.
 */
abstract class OnDiscussionWorld {

  @TempDir Path dataDir;
  protected FakeMoodle fake;
  protected ManualClock clock;
  protected DiscussionWorld world;
  private final Instant start;

  protected OnDiscussionWorld(String start) {
    this.start = Instant.parse(start);
  }

  @BeforeEach
  void startWorld() throws Exception {
    fake = new FakeMoodle().start();
    clock = new ManualClock(start);
    world = new DiscussionWorld(dataDir, fake, clock);
  }

  @AfterEach
  void stopWorld() {
    world.close();
    fake.close();
  }
}
