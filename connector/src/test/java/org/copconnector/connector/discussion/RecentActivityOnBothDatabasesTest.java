package org.copconnector.connector.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.server.CommunityServices;
import org.copconnector.connector.testing.CoreWithoutLms;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.connector.testing.Teachers;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests.NewReply;
import org.copconnector.plugin.discussion.DiscussionRequests.NewThread;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.discussion.Discussions;
import org.copconnector.plugin.discussion.RecentActivity;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's cards for a person in several communities at once (read together, a few statements for
 * all): who wrote last, when, and how many posts are new, alike on H2 and PostgreSQL, including the
 * communities whose latest threads hold only hidden posts.
 */
class RecentActivityOnBothDatabasesTest {

  private static final Session MARTA =
      Teachers.in("c1", "Ciências", "17", "Marta Reis", ProductRole.FACILITATOR);
  private static final Session JOAO =
      Teachers.in("c1", "Ciências", "18", "João Pires", ProductRole.MEMBER);
  private static final Session RITA =
      Teachers.in("c1", "Ciências", "19", "Rita Sousa", ProductRole.MEMBER);

  @TempDir Path h2Dir;

  private List<String> run(DatabaseSettings settings) {
    try (Database db = Database.open(settings)) {
      db.migrate();
      ManualClock clock = new ManualClock(Instant.parse("2026-11-24T10:00:00Z"));
      CommunityServices core = CoreWithoutLms.on(db.dataSource(), clock);
      PeopleStore people = core.people();
      for (Session s : List.of(MARTA, JOAO, RITA)) {
        people.recordLaunch(
            "c1",
            "Ciências",
            new Participant(
                s.lmsUserId(), s.displayName(), null, List.of("editingteacher"), List.of()));
      }
      Communities communities = core.communities();
      Discussions discussions = core.discussions();
      Map<String, Community> made = new java.util.LinkedHashMap<>();
      for (String name : List.of("quiet", "one thread", "hidden reply", "hidden threads", "many")) {
        Community c =
            communities.create(MARTA, new NewCommunity(name, "Aulas", null, null, List.of("c1")));
        communities.join(JOAO, c.id());
        communities.join(RITA, c.id());
        made.put(name, c);
      }
      clock.advance(Duration.ofMinutes(1));

      // One thread, two replies: the last by Rita.
      DiscussionThread one =
          discussions.start(
              MARTA, new NewThread(made.get("one thread").id(), "Frações", "<p>a</p>"));
      clock.advance(Duration.ofMinutes(1));
      discussions.reply(JOAO, one.id(), new NewReply("<p>b</p>", null, null));
      clock.advance(Duration.ofMinutes(1));
      discussions.reply(RITA, one.id(), new NewReply("<p>c</p>", null, null));

      // The newest reply hidden: the one before it is the last post shown.
      DiscussionThread hidden =
          discussions.start(
              MARTA, new NewThread(made.get("hidden reply").id(), "Leitura", "<p>a</p>"));
      clock.advance(Duration.ofMinutes(1));
      discussions.reply(JOAO, hidden.id(), new NewReply("<p>b</p>", null, null));
      clock.advance(Duration.ofMinutes(1));
      var rude = discussions.reply(RITA, hidden.id(), new NewReply("<p>c</p>", null, null));
      discussions.hide(MARTA, rude.id(), true);

      // Five threads; the three latest hold only hidden posts: the second is the last shown.
      String hiddenThreads = made.get("hidden threads").id();
      for (int i = 1; i <= 5; i++) {
        clock.advance(Duration.ofMinutes(1));
        DiscussionThread t =
            discussions.start(
                i == 2 ? JOAO : MARTA, new NewThread(hiddenThreads, "Tema " + i, "<p>x</p>"));
        if (i >= 3) {
          String first = discussions.read(MARTA, t.id(), 0).posts().get(0).id();
          discussions.hide(MARTA, first, true);
        }
      }

      // Many threads, written by turns; the latest reply is in an older thread.
      String many = made.get("many").id();
      List<DiscussionThread> threads = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        clock.advance(Duration.ofMinutes(1));
        threads.add(discussions.start(MARTA, new NewThread(many, "Assunto " + i, "<p>y</p>")));
      }
      clock.advance(Duration.ofMinutes(1));
      discussions.reply(RITA, threads.get(1).id(), new NewReply("<p>z</p>", null, null));

      Map<String, RecentActivity.Activity> activity =
          new RecentActivity(db.dataSource())
              .of(
                  JOAO.lmsUserId(),
                  made.values().stream()
                      .map(
                          c ->
                              new RecentActivity.Readable(
                                  c.id(), Instant.parse("2026-11-24T10:00:00Z")))
                      .toList());
      List<String> seen = new ArrayList<>();
      made.forEach(
          (name, c) -> {
            RecentActivity.Activity a = activity.get(c.id());
            seen.add(
                name + " | " + a.lastAuthorName() + " | " + a.lastPostAt() + " | " + a.newPosts());
          });
      return seen;
    }
  }

  @Test
  void h2AndPostgresShowTheSameActivity() {
    List<String> h2 = run(DatabaseSettings.h2File(h2Dir, 4));
    assertEquals(
        List.of(
            "quiet | null | null | 0",
            "one thread | Rita Sousa | 2026-11-24T10:03:00Z | 2",
            "hidden reply | João Pires | 2026-11-24T10:04:00Z | 1",
            "hidden threads | João Pires | 2026-11-24T10:07:00Z | 1",
            "many | Rita Sousa | 2026-11-24T10:17:00Z | 7"),
        h2);
    assertEquals(h2, run(PostgresServer.shared().newDatabase()));
  }
}
