package org.copconnector.plugin.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roster storage on every supported database. */
abstract class PeopleStoreContract {

  private Database database;
  private PeopleStore store;

  protected abstract DatabaseSettings settings() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = Database.open(settings());
    database.migrate();
    store = new PeopleStore(database.dataSource(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static Participant teacher(String id, String name, String... groups) {
    return new Participant(
        id, name, id + "@school.example", List.of("editingteacher"), List.of(groups));
  }

  private PersonLanguages languagesAt(String instant) {
    return new PeopleStore(
            database.dataSource(), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC))
        .languages();
  }

  private static Session signedIn(Long platform, String id, String locale) {
    return new Session(
        platform, id, null, null, locale, null, null, ProductRole.MEMBER, false, null);
  }

  @Test
  void aPersonsLanguageIsTheirLatestChoiceElseTheirLatestLaunchs() throws Exception {
    languagesAt("2026-11-23T09:00:00Z").rememberLaunch(7L, "4", "pt_BR");
    try (Connection c = database.dataSource().getConnection()) {
      PersonLanguages languages = store.languages();
      assertEquals(Map.of("4", "pt", "9", "en"), languages.of(c, List.of("4", "9")));
      languagesAt("2026-11-23T10:00:00Z").rememberLaunch(8L, "4", "en-US");
      assertEquals("en", languages.of(c, "4"), "the latest launch, on any platform");
      languagesAt("2026-11-23T11:00:00Z").choose(7L, "4", "es");
      languagesAt("2026-11-23T12:00:00Z").rememberLaunch(7L, "4", "pt");
      assertEquals("es", languages.of(c, "4"), "a choice beats any launch");
      assertEquals("es", languages.of(signedIn(7L, "4", "pt")));
      assertEquals(
          "en", languages.of(signedIn(8L, "4", "en-US")), "chosen on one platform, not another");
      languages.choose(null, "d1", "pt");
      assertEquals("pt", languages.of(signedIn(null, "d1", "en")), "demo sessions keep theirs too");
      assertEquals("es", languages.of(signedIn(null, "d2", "es_AR")), "else the session's locale");
      assertThrows(IllegalArgumentException.class, () -> languages.choose(7L, "4", "xx"));
    }
  }

  @Test
  void aLaunchMakesTheCourseAndPersonKnownAtOnce() {
    store.recordLaunch("2", "Ciências", teacher("4", "Ana Ferreira"));
    assertEquals(1, store.participants("2"));
    assertEquals(List.of("2"), store.coursesToSync(Instant.now()));
  }

  @Test
  void aLaunchKeepsTheRolesAndGroupsTheRosterSyncRead() {
    store.replaceRoster("2", List.of(teacher("4", "Ana Ferreira", "Physics")));
    store.recordLaunch(
        "2",
        "Ciências",
        new Participant("4", "Ana M. Ferreira", "ana@school.example", List.of(), List.of()));
    Participant ana = store.roster("2").get(0);
    assertEquals(List.of("editingteacher"), ana.roles());
    assertEquals(List.of("Physics"), ana.groups());
    assertEquals("Ana M. Ferreira", ana.displayName(), "name and e-mail follow the launch");
    assertEquals("ana@school.example", ana.email());
  }

  @Test
  void aLaunchAddsSomeoneNotInTheRosterYetWithTheRolesGiven() {
    store.replaceRoster("2", List.of(teacher("4", "Ana Ferreira")));
    store.recordLaunch(
        "2", "Ciências", new Participant("10", "Gabriela Gomes", null, List.of(), null));
    assertEquals(2, store.participants("2"));
    Participant gabriela =
        store.roster("2").stream()
            .filter(p -> p.lmsUserId().equals("10"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(), gabriela.roles());
  }

  @Test
  void rostersAreReplacedWritingOnlyDifferences() {
    List<Participant> first = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      first.add(teacher("u" + i, "Teacher " + i, "Physics"));
    }
    assertEquals(new RosterChange("2", 50, 0, 0, 0), store.replaceRoster("2", first));
    assertEquals(
        new RosterChange("2", 0, 0, 0, 50), store.replaceRoster("2", first), "nothing changed");

    List<Participant> second = new ArrayList<>(first.subList(10, 50));
    second.set(0, teacher("u10", "Teacher 10", "Physics", "Chemistry"));
    second.add(teacher("new", "Nova Professora ção"));
    RosterChange change = store.replaceRoster("2", second);
    assertEquals(new RosterChange("2", 1, 1, 10, 39), change);
    assertEquals(41, store.participants("2"));
    Participant updated =
        store.roster("2").stream()
            .filter(p -> p.lmsUserId().equals("u10"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("Physics", "Chemistry"), updated.groups());
    assertEquals(List.of(), store.coursesToSync(Instant.now().minusSeconds(60)), "just synced");
  }

  @Test
  void aFailedReplaceLeavesThePreviousRosterWhole() {
    store.replaceRoster("2", List.of(teacher("a", "A"), teacher("b", "B")));
    List<Participant> broken =
        List.of(
            teacher("c", "C"),
            new Participant("d".repeat(300), "D", "d@x", List.of("teacher"), List.of()));
    assertThrows(RuntimeException.class, () -> store.replaceRoster("2", broken));
    assertEquals(
        List.of("a", "b"), store.roster("2").stream().map(Participant::lmsUserId).toList());
  }
}
