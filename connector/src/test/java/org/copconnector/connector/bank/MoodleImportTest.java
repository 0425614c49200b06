package org.copconnector.connector.bank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.copconnector.connector.moodle.Backoff;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleClient;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodleState;
import org.copconnector.connector.testing.ManualClock;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CourseSettings;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.resource.MoodleImport;
import org.copconnector.plugin.resource.ResourceIndex;
import org.copconnector.plugin.resource.Resources;
import org.copconnector.plugin.resource.Uploads;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A course's Moodle files into a community's bank: one listing, then one download per pick. */
class MoodleImportTest {

  private static final Session ALICE =
      new Session(
          null,
          "4",
          "Alice Anderson",
          null,
          "en",
          "2",
          "Science",
          ProductRole.FACILITATOR,
          false,
          null);
  private static final Session BOB =
      new Session(
          null, "5", "Bob Brown", null, "en", "2", "Science", ProductRole.MEMBER, false, null);

  @TempDir Path dataDir;

  @Test
  void aCourseOf200FilesCostsOneListingAndOneDownloadPerPickedFile() throws Exception {
    FakeMoodleState state = FakeMoodleState.seeded();
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      byte[] content =
          i == 3
              ? Documents.zip()
              : ("Ficha de trabalho " + i + ": frações e decimais")
                  .getBytes(StandardCharsets.UTF_8);
      contents.add(content);
      state.courseFiles.add(
          new FakeMoodleState.CourseFile(
              2, 500 + i, "Ficha " + i, "ficha " + i + ".txt", content, "text/plain"));
    }
    try (FakeMoodle fake = new FakeMoodle(state).start();
        Database db = Database.open(DatabaseSettings.h2File(dataDir, 4));
        ResourceIndex index = new ResourceIndex(dataDir.resolve("index"))) {
      db.migrate();
      ManualClock clock = new ManualClock(java.time.Instant.parse("2026-11-24T10:00:00Z"));
      PeopleStore people = new PeopleStore(db.dataSource(), clock);
      for (Session s : List.of(ALICE, BOB)) {
        people.recordLaunch(
            "2",
            "Science",
            new Participant(
                s.lmsUserId(), s.displayName(), null, List.of("editingteacher"), List.of()));
      }
      Moodle moodle =
          new Moodle(
              new MoodleClient(
                  new OkHttpClient(), fake.url(), FakeMoodle.TOKEN, 0, 1000, Backoff.none()));
      Lms lms = new MoodleLms(moodle, 500, moodle.site(), clock, Duration.ofMinutes(1));
      Outbox outbox = new Outbox(db.dataSource(), clock);
      Communities communities =
          new Communities(
              db.dataSource(), people, outbox, lms, new CourseSettings(db.dataSource()), clock);
      Community community =
          communities.create(
              ALICE, new NewCommunity("Matemática 2.º ciclo", "Frações", null, null, List.of("2")));
      communities.join(BOB, community.id());
      BlobStore blobs = new BlobStore(dataDir.resolve("files"));
      Uploads uploads = new Uploads(db.dataSource(), blobs, 1 << 20, clock);
      Resources bank =
          new Resources(
              db.dataSource(),
              blobs,
              index,
              people,
              new Notifier(db.dataSource(), outbox, people, ZoneOffset.UTC, clock),
              clock);
      MoodleImport imports = new MoodleImport(db.dataSource(), lms, uploads, bank, people);

      int before = fake.requestCount();
      List<Lms.CourseFile> files = imports.files(ALICE, community.id(), "2");
      assertEquals(200, files.size());
      assertEquals(1, fake.requestCount() - before, "one listing call");

      List<MoodleImport.Pick> picks = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Lms.CourseFile f = files.get(i * 20);
        picks.add(new MoodleImport.Pick(f.url(), f.fileName(), f.module()));
      }
      picks.add(
          new MoodleImport.Pick(files.get(3).url(), files.get(3).fileName(), "Not a document"));
      picks.add(
          new MoodleImport.Pick(
              "https://elsewhere.example/webservice/pluginfile.php/1/x.txt", "x.txt", "Elsewhere"));
      before = fake.requestCount();
      List<MoodleImport.Outcome> outcomes = imports.importFiles(ALICE, community.id(), "2", picks);
      assertEquals(11, fake.requestCount() - before, "one download per picked file of the site");
      for (int i = 0; i < 10; i++) {
        MoodleImport.Outcome o = outcomes.get(i);
        assertNull(o.error(), o.toString());
        Resources.Download d = bank.download(ALICE, o.resourceId(), 1);
        assertArrayEquals(contents.get(i * 20), Files.readAllBytes(d.path()));
      }
      assertTrue(outcomes.get(10).error().contains("application/zip"), outcomes.get(10).toString());
      assertEquals(415, outcomes.get(10).status(), "a status the pages translate the refusal by");
      assertEquals("file_type_not_allowed", outcomes.get(10).failure().reason());
      assertEquals("application/zip", outcomes.get(10).failure().details().get("mediaType"));
      assertTrue(
          outcomes.get(11).error().contains("not a file of this Moodle site"),
          outcomes.get(11).toString());
      assertEquals(
          10,
          bank.search(
                  ALICE,
                  "ficha",
                  new ResourceIndex.Filters(null, null, null, null, null, null),
                  ResourceIndex.Order.NEWEST,
                  0)
              .total());
      assertFalse(
          fake.calls("pluginfile.php").stream()
              .anyMatch(c -> c.target().contains(FakeMoodle.TOKEN)),
          "the token is never in a URL");
      ApiException refused =
          assertThrows(ApiException.class, () -> imports.files(BOB, community.id(), "2"));
      assertEquals(403, refused.status());
    }
  }
}
