package org.copconnector.plugin.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.LmsUnavailableException;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On-demand syncs answer at once, run in the background, and report how they ended. */
class RosterSyncInBackgroundTest {

  @TempDir Path dataDir;
  private Database database;
  private PeopleStore people;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final CountDownLatch lmsMayAnswer = new CountDownLatch(1);
  private final AtomicInteger lmsCalls = new AtomicInteger();

  @BeforeEach
  void open() {
    database = Database.open(DatabaseSettings.h2File(dataDir, 5));
    database.migrate();
    people = new PeopleStore(database.dataSource(), Clock.systemUTC());
  }

  @AfterEach
  void close() throws InterruptedException {
    lmsMayAnswer.countDown();
    background.shutdown();
    background.awaitTermination(10, TimeUnit.SECONDS);
    database.close();
  }

  @Test
  void aRequestIsAnsweredBeforeTheLmsAndJoinsTheSyncUnderWay() throws Exception {
    RosterSync sync = syncWith(course -> roster(3));

    RosterSyncStatus first = sync.start("7");
    assertEquals(RosterSyncStatus.State.QUEUED, first.state());
    RosterSyncStatus second = sync.start("7");
    assertTrue(second.inProgress(), "the LMS has not answered yet: " + second);
    assertEquals(first.requestedAt(), second.requestedAt(), "the second request joins the first");

    lmsMayAnswer.countDown();
    RosterSyncStatus done = awaitFinished(sync, "7");
    assertEquals(RosterSyncStatus.State.DONE, done.state());
    assertEquals(new RosterChange("7", 3, 0, 0, 0), done.change());
    assertNotNull(done.startedAt());
    assertNotNull(done.finishedAt());
    assertEquals(1, lmsCalls.get(), "one sync for the two requests");
    assertEquals(3, people.participants("7"));

    RosterSyncStatus again = sync.start("7");
    assertEquals(RosterSyncStatus.State.QUEUED, again.state(), "a finished sync is not joined");
    assertEquals(
        new RosterChange("7", 0, 0, 0, 3), awaitFinished(sync, "7").change(), "nothing changed");
  }

  @Test
  void anLmsFailureIsReportedInTheStatus() throws Exception {
    RosterSync sync =
        syncWith(
            course -> {
              throw new LmsUnavailableException("Moodle could not list the participants of 8");
            });
    lmsMayAnswer.countDown();
    sync.start("8");
    RosterSyncStatus failed = awaitFinished(sync, "8");
    assertEquals(RosterSyncStatus.State.FAILED, failed.state());
    assertEquals(RosterSyncStatus.Failure.LMS_UNAVAILABLE, failed.failure());
    assertEquals("Moodle could not list the participants of 8", failed.error());
    assertEquals(0, people.participants("8"));
  }

  @Test
  void theScheduledSyncIsReportedToo() {
    lmsMayAnswer.countDown();
    RosterSync sync = syncWith(course -> roster(2));
    assertTrue(sync.status("9").isEmpty());
    sync.syncCourse("9");
    RosterSyncStatus status = sync.status("9").orElseThrow();
    assertEquals(RosterSyncStatus.State.DONE, status.state());
    assertEquals(2, status.change().added());
  }

  @Test
  void aStoppedConnectorRefusesToQueue() {
    background.shutdown();
    RosterSync sync = syncWith(course -> roster(1));
    RosterSyncStatus refused = sync.start("5");
    assertEquals(RosterSyncStatus.State.FAILED, refused.state());
    assertSame(refused, sync.status("5").orElseThrow());
  }

  private RosterSync syncWith(Function<String, List<Participant>> participants) {
    Lms lms =
        (Lms)
            Proxy.newProxyInstance(
                Lms.class.getClassLoader(),
                new Class<?>[] {Lms.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("participants")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  lmsCalls.incrementAndGet();
                  lmsMayAnswer.await();
                  return participants.apply((String) args[0]);
                });
    return new RosterSync(lms, people, Clock.systemUTC(), Duration.ofHours(1), background);
  }

  private static List<Participant> roster(int size) {
    return java.util.stream.IntStream.range(0, size)
        .mapToObj(
            i ->
                new Participant(
                    "u" + i, "Person " + i, null, List.of("student"), List.<String>of()))
        .toList();
  }

  private static RosterSyncStatus awaitFinished(RosterSync sync, String course)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      RosterSyncStatus status = sync.status(course).orElseThrow();
      if (!status.inProgress()) {
        return status;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the sync of " + course + " did not finish");
  }
}
