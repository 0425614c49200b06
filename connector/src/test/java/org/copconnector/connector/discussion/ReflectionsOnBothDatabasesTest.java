package org.copconnector.connector.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.copconnector.connector.server.CommunityServices;
import org.copconnector.connector.testing.CoreWithoutLms;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.connector.testing.Teachers;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests.NewReply;
import org.copconnector.plugin.discussion.Discussions;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.prompt.Dialogue;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.copconnector.plugin.prompt.Reflections;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.resource.ResourceIndex;
import org.copconnector.plugin.resource.Resources;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal entries, sharing, the dialogue view and the portfolio behave alike on H2 and PostgreSQL.
 */
class ReflectionsOnBothDatabasesTest {

  private static final Session MARTA =
      Teachers.in("c1", "Ciências", "17", "Marta Reis", ProductRole.FACILITATOR);
  private static final Session JOAO =
      Teachers.in("c1", "Ciências", "18", "João Pires", ProductRole.MEMBER);

  @TempDir Path h2Dir;
  @TempDir Path h2Files;
  @TempDir Path pgFiles;

  /** What each step showed, as lines to compare between the databases. */
  private List<String> run(DatabaseSettings settings, Path files) throws Exception {
    List<String> seen = new ArrayList<>();
    try (Database db = Database.open(settings);
        ResourceIndex index = new ResourceIndex(files.resolve("index"))) {
      db.migrate();
      ManualClock clock = new ManualClock(Instant.parse("2026-11-24T10:00:00Z"));
      CommunityServices core = CoreWithoutLms.on(db.dataSource(), clock);
      PeopleStore people = core.people();
      for (Session s : List.of(MARTA, JOAO)) {
        people.recordLaunch(
            "c1",
            "Ciências",
            new Participant(
                s.lmsUserId(), s.displayName(), null, List.of("editingteacher"), List.of()));
      }
      Notifier notifier = core.notifier();
      Communities communities = core.communities();
      Community community =
          communities.create(
              MARTA, new NewCommunity("Reflexão", "Aulas", null, null, List.of("c1")));
      communities.join(JOAO, community.id());
      Discussions discussions = core.discussions();
      Resources bank =
          new Resources(
              db.dataSource(),
              new BlobStore(files.resolve("files")),
              index,
              people,
              notifier,
              clock);
      Reflections reflections = new Reflections(db.dataSource(), discussions, bank, people, clock);
      Dialogue dialogue = new Dialogue(db.dataSource(), people, reflections, clock);
      new PromptSchedules(
              db.dataSource(), discussions, notifier, people, ZoneId.of("Europe/Lisbon"), clock)
          .schedule(
              MARTA,
              new PromptSchedules.NewSchedule(
                  community.id(),
                  "Depois da aula",
                  "<p>O que aprendeu um aluno hoje?</p>",
                  null,
                  null,
                  null,
                  null,
                  3,
                  null,
                  true,
                  true));
      String thread = dialogue.community(MARTA, community.id()).get(0).threadId();

      Reflections.Reflection entry =
          reflections.write(
              JOAO,
              new Reflections.NewReflection(
                  thread,
                  "<p>A Joana percebeu as frações com a pizza.</p>",
                  false,
                  new Reflections.EvidenceRequest(null, "https://escola.example/pizza")));
      seen.add("journal on the page: " + dialogue.prompt(JOAO, thread).journal().size());
      seen.add("answers before sharing: " + dialogue.prompt(MARTA, thread).answers().size());
      clock.advance(java.time.Duration.ofMinutes(5));
      Reflections.Reflection shared = reflections.share(JOAO, entry.id());
      discussions.reply(
          MARTA, thread, new NewReply("<p>Que boa ideia, vou usar.</p>", shared.postId(), null));
      Dialogue.PromptPage page = dialogue.prompt(MARTA, thread);
      Dialogue.Answer answer = page.answers().get(0);
      seen.add(
          "answer: "
              + answer.authorName()
              + " | "
              + answer.evidence().link()
              + " | replies "
              + answer.replies().size());
      page.respondents().forEach(r -> seen.add("respondent " + r.name() + " " + r.answered()));
      Dialogue.DialogueRow row = dialogue.community(MARTA, community.id()).get(0);
      seen.add(
          "row: "
              + row.date()
              + " open "
              + row.open()
              + " closes "
              + row.closesAt()
              + " rate "
              + row.responseRate()
              + " dialogue "
              + row.dialogueShare()
              + " words "
              + row.medianWords());
      for (Reflections.Reflection r : reflections.portfolio(JOAO).reflections()) {
        seen.add(
            "portfolio: "
                + r.communityName()
                + " | "
                + r.promptTitle()
                + " | shared "
                + r.shared()
                + " | replies "
                + r.replies()
                + " | "
                + r.writtenAt());
      }
    }
    return seen;
  }

  @Test
  void h2AndPostgresShowTheSameReflections() throws Exception {
    List<String> h2 = run(DatabaseSettings.h2File(h2Dir, 4), h2Files);
    List<String> pg = run(PostgresServer.shared().newDatabase(), pgFiles);
    assertEquals(
        List.of(
            "journal on the page: 1",
            "answers before sharing: 0",
            "answer: João Pires | https://escola.example/pizza | replies 1",
            "respondent João Pires true",
            "respondent Marta Reis true",
            "row: 2026-11-24 open true closes 2026-11-27T10:00:00Z rate 100.0 dialogue 50.0 words 7",
            "portfolio: Reflexão | Depois da aula | shared true | replies 1 | 2026-11-24T10:00:00Z"),
        h2);
    assertEquals(h2, pg);
  }
}
