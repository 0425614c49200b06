package org.copconnector.connector.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.server.CommunityServices;
import org.copconnector.connector.testing.CoreWithoutLms;
import org.copconnector.connector.testing.Teachers;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.resource.NewResource;
import org.copconnector.plugin.resource.Resource;
import org.copconnector.plugin.resource.ResourceIndex;
import org.copconnector.plugin.resource.Resources;
import org.copconnector.plugin.resource.Uploads;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same bank, built on H2 and on PostgreSQL, answers every query with the same results. */
class BankSearchOnBothDatabasesTest {

  private static final Session ANA =
      Teachers.in("c1", "Ciências", "7", "Ana Silva", ProductRole.FACILITATOR);
  private static final Session RUI =
      Teachers.in("c2", "Línguas", "8", "Rui Costa", ProductRole.MEMBER);

  @TempDir Path h2Dir;
  @TempDir Path h2Files;
  @TempDir Path pgFiles;

  private static final List<String> QUERIES =
      List.of(
          "q=avaliacao",
          "q=avaliação formativa",
          "q=rubrica&kind=rubric",
          "q=fracoes&subject=matematica&cycle=2.º ciclo",
          "q=leitura&language=en",
          "q=&sort=newest",
          "q=&sort=useful",
          "q=grelha observacao&licence=cc_by",
          "q=experiencia&community=HOME");

  /** Resource titles per query, in result order. */
  private Map<String, List<String>> run(DatabaseSettings settings, Path files) throws Exception {
    try (Database db = Database.open(settings);
        ResourceIndex index = new ResourceIndex(files.resolve("index"))) {
      db.migrate();
      org.copconnector.connector.testing.ManualClock clock =
          new org.copconnector.connector.testing.ManualClock(
              java.time.Instant.parse("2026-11-24T10:00:00Z"));
      CommunityServices core = CoreWithoutLms.on(db.dataSource(), clock);
      PeopleStore people = core.people();
      people.recordLaunch(
          "c1",
          "Ciências",
          new Participant("7", "Ana Silva", null, List.of("editingteacher"), List.of()));
      people.recordLaunch(
          "c2",
          "Línguas",
          new Participant("8", "Rui Costa", null, List.of("editingteacher"), List.of()));
      Communities communities = core.communities();
      Community home =
          communities.create(
              ANA, new NewCommunity("Ciências 2.º ciclo", "Práticas", null, null, List.of("c1")));
      BlobStore blobs = new BlobStore(files.resolve("blobs"));
      Uploads uploads = new Uploads(db.dataSource(), blobs, 1 << 20, clock);
      Resources bank = new Resources(db.dataSource(), blobs, index, people, core.notifier(), clock);
      String[][] rows = {
        {
          "Rubrica de avaliação formativa",
          "rubric",
          "Matemática",
          "2.º ciclo",
          "pt",
          "CC_BY",
          "Critérios para avaliação formativa das frações"
        },
        {
          "Grelha de observação de aulas",
          "evaluation_instrument",
          "Ciências Naturais",
          "3.º ciclo",
          "pt",
          "CC_BY",
          "Observação entre pares"
        },
        {
          "Frações com tiras de papel",
          "activity",
          "Matemática",
          "2.º ciclo",
          "pt",
          "CC_BY_SA",
          "Frações equivalentes, experiência"
        },
        {
          "Reading circles",
          "reading",
          "Inglês",
          "3.º ciclo",
          "en",
          "CC0",
          "Leitura partilhada: reading circles in class"
        },
        {
          "Avaliação por pares",
          "methodology",
          "Português",
          "2.º ciclo",
          "pt",
          "ALL_RIGHTS_RESERVED",
          "Avaliação feita pelos alunos"
        },
        {
          "Experiência da flutuação",
          "activity",
          "Ciências Naturais",
          "2.º ciclo",
          "pt",
          "CC_BY",
          "Experiência com água e sal"
        },
      };
      int n = 0;
      for (String[] row : rows) {
        String upload =
            uploads
                .receive(
                    ANA,
                    new ByteArrayInputStream(
                        (row[0] + ". " + row[6] + ". Texto " + n).getBytes(StandardCharsets.UTF_8)),
                    row[0] + ".txt",
                    -1)
                .uploadId();
        Resource r =
            bank.create(
                ANA,
                new NewResource(
                    home.id(),
                    upload,
                    null,
                    row[0],
                    row[6],
                    kind(row[1]),
                    List.of(row[2]),
                    List.of(row[3]),
                    row[4],
                    Resource.Licence.valueOf(row[5]),
                    List.of("tag" + n),
                    List.of(),
                    Resource.Visibility.COMMUNITY,
                    null));
        clock.advance(java.time.Duration.ofMinutes(1));
        for (int i = 0; i < n % 3; i++) {
          bank.used(ANA, r.id(), "");
        }
        n++;
      }
      Map<String, List<String>> answers = new LinkedHashMap<>();
      for (String query : QUERIES) {
        Map<String, String> p = params(query.replace("HOME", home.id()));
        ResourceIndex.Order order =
            switch (p.getOrDefault("sort", "relevance")) {
              case "newest" -> ResourceIndex.Order.NEWEST;
              case "useful" -> ResourceIndex.Order.MOST_USEFUL;
              default -> ResourceIndex.Order.RELEVANCE;
            };
        List<String> titles = new ArrayList<>();
        bank.search(
                ANA,
                p.get("q"),
                new ResourceIndex.Filters(
                    p.get("kind"),
                    p.get("subject"),
                    p.get("cycle"),
                    p.get("language"),
                    p.get("licence"),
                    p.get("community")),
                order,
                0)
            .results()
            .forEach(f -> titles.add(f.resource().title()));
        answers.put(query, titles);
      }
      assertEquals(
          0,
          bank.search(
                  RUI,
                  "avaliacao",
                  new ResourceIndex.Filters(null, null, null, null, null, null),
                  ResourceIndex.Order.RELEVANCE,
                  0)
              .results()
              .size(),
          "nothing of a community's bank for outsiders");
      return answers;
    }
  }

  private static Resource.Kind kind(String wire) {
    return Resource.Kind.valueOf(wire.toUpperCase(java.util.Locale.ROOT));
  }

  private static Map<String, String> params(String query) {
    Map<String, String> p = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      p.put(kv[0], kv.length > 1 && !kv[1].isEmpty() ? kv[1] : null);
    }
    return p;
  }

  /**
   * Two instances on one PostgreSQL database, each with its own index: a resource one adds is found
   * by the other's very next search, not only after its scheduled catch-up.
   */
  @Test
  void anotherInstanceFindsANewResourceAtOnce() throws Exception {
    try (Database db = Database.open(PostgresServer.shared().newDatabase());
        ResourceIndex first = new ResourceIndex(pgFiles.resolve("index-1"));
        ResourceIndex second = new ResourceIndex(pgFiles.resolve("index-2"))) {
      db.migrate();
      java.time.Clock clock = java.time.Clock.systemUTC();
      CommunityServices core = CoreWithoutLms.on(db.dataSource(), clock);
      core.people()
          .recordLaunch(
              "c1",
              "Ciências",
              new Participant("7", "Ana Silva", null, List.of("editingteacher"), List.of()));
      Community home =
          core.communities()
              .create(ANA, new NewCommunity("Ciências", "Práticas", null, null, List.of("c1")));
      BlobStore blobs = new BlobStore(pgFiles.resolve("blobs"));
      Resources one =
          new Resources(db.dataSource(), blobs, first, core.people(), core.notifier(), clock);
      Resources other =
          new Resources(db.dataSource(), blobs, second, core.people(), core.notifier(), clock);
      other.run(); // caught up before the resource exists
      String upload =
          new Uploads(db.dataSource(), blobs, 1 << 20, clock)
              .receive(
                  ANA,
                  new ByteArrayInputStream("Guia da fotossíntese".getBytes(StandardCharsets.UTF_8)),
                  "guia.txt",
                  -1)
              .uploadId();
      Resource made =
          one.create(
              ANA,
              new NewResource(
                  home.id(), upload, null, "Guia", null, null, null, null, null, null, null, null,
                  null, null));
      assertEquals(
          List.of(made.id()),
          other
              .search(
                  ANA,
                  "fotossintese",
                  new ResourceIndex.Filters(null, null, null, null, null, null),
                  ResourceIndex.Order.RELEVANCE,
                  0)
              .results()
              .stream()
              .map(f -> f.resource().id())
              .toList());
    }
  }

  @Test
  void h2AndPostgresGiveTheSameResults() throws Exception {
    Map<String, List<String>> h2 = run(DatabaseSettings.h2File(h2Dir, 4), h2Files);
    Map<String, List<String>> pg = run(PostgresServer.shared().newDatabase(), pgFiles);
    assertEquals(h2, pg);
    assertFalse(h2.get("q=avaliação formativa").isEmpty());
    assertEquals(List.of("Rubrica de avaliação formativa"), h2.get("q=rubrica&kind=rubric"));
    assertEquals(6, h2.get("q=&sort=newest").size());
  }
}
