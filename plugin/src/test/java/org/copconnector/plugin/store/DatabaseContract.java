package org.copconnector.plugin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same store behaviour on every supported database; subclasses say which database. */
abstract class DatabaseContract {

  protected Database database;

  protected abstract DatabaseSettings settings() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = Database.open(settings());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void migrationsApplyOnceAndLeaveNothingPending() {
    List<String> pending = database.pendingMigrations();
    assertEquals("V1", pending.get(0));
    assertEquals(pending.size(), database.migrate());
    assertEquals(List.of(), database.pendingMigrations());
    assertEquals(0, database.migrate(), "a second run applies nothing");
    assertTrue(database.isUp());
  }

  @Test
  void aSharedRoundRunsOncePerIntervalWhicheverInstanceTriesFirst() {
    database.migrate();
    Instant[] now = {Instant.parse("2026-11-23T10:00:00Z")};
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    SharedRounds a = new SharedRounds(database.dataSource(), "worker-a", clock);
    SharedRounds b = new SharedRounds(database.dataSource(), "worker-b", clock);
    java.time.Duration every = java.time.Duration.ofSeconds(100);
    assertTrue(a.begin("forum-import", every), "never run: the first to try runs it");
    assertFalse(b.begin("forum-import", every), "just begun on the other instance");
    assertFalse(a.begin("forum-import", every), "nor again here");
    assertTrue(b.begin("roster-sync", every), "another round has its own turns");
    now[0] = now[0].plusSeconds(89);
    assertFalse(b.begin("forum-import", every), "within nine tenths of the interval");
    now[0] = now[0].plusSeconds(1);
    assertTrue(b.begin("forum-import", every), "due: whichever instance tries first");
    assertFalse(a.begin("forum-import", every));

    List<String> ran = new ArrayList<>();
    now[0] = now[0].plusSeconds(100);
    a.guard("forum-import", every, () -> ran.add("a")).run();
    b.guard("forum-import", every, () -> ran.add("b")).run();
    a.guard("forum-import", every, () -> ran.add("a")).run();
    assertEquals(List.of("a"), ran, "one instance runs each round");
  }

  @Test
  void settingsAreStoredReplacedAndDeleted() {
    database.migrate();
    SettingStore store =
        new SettingStore(
            database.dataSource(),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    assertEquals(Optional.empty(), store.get("instance.name"));
    store.put("instance.name", "Agrupamento de Escolas — Évora 🌍");
    assertEquals(Optional.of("Agrupamento de Escolas — Évora 🌍"), store.get("instance.name"));
    store.put("instance.name", "مدرسة");
    assertEquals(Optional.of("مدرسة"), store.get("instance.name"));
    assertTrue(store.delete("instance.name"));
    assertFalse(store.delete("instance.name"));
    assertEquals(Optional.empty(), store.get("instance.name"));
  }

  @Test
  void concurrentWritersOfOneKeyNeverFail() throws Exception {
    database.migrate();
    SettingStore store = new SettingStore(database.dataSource(), Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String value = "v" + i;
        writes.add(pool.submit(() -> retryOnSerialization(() -> store.put("shared", value))));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      pool.shutdown();
    }
    assertTrue(store.get("shared").orElseThrow().startsWith("v"));
  }

  @Test
  void badInputIsRefusedBeforeTheDatabase() {
    database.migrate();
    SettingStore store = new SettingStore(database.dataSource(), Clock.systemUTC());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> store.put("", "x"));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> store.put("k", "x".repeat(10_001)));
  }

  /**
   * Two first inserts of one key may race; the loser sees a unique violation and tries again, as
   * callers should.
   */
  private static void retryOnSerialization(Runnable write) {
    for (int attempt = 0; ; attempt++) {
      try {
        write.run();
        return;
      } catch (StoreException e) {
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }
}
