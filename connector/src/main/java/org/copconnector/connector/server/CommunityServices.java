package org.copconnector.connector.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.community.CourseSettings;
import org.copconnector.plugin.community.GroupMirror;
import org.copconnector.plugin.discussion.DiscussionLimits;
import org.copconnector.plugin.discussion.Discussions;
import org.copconnector.plugin.discussion.ForumEdits;
import org.copconnector.plugin.discussion.ForumImport;
import org.copconnector.plugin.discussion.ForumMirror;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.discussion.PostFiles;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.LmsMappings;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxHandler;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.resource.Uploads;

/**
 * Communities and their discussions over one database and one LMS, wired in one place for the
 * server and for the tests that drive them against a Moodle stand-in.
 */
public record CommunityServices(
    PeopleStore people,
    Outbox outbox,
    LmsMappings mappings,
    GroupMirror groups,
    ForumMirror forums,
    ForumEdits edits,
    Notifier notifier,
    CourseSettings courseSettings,
    Communities communities,
    Discussions discussions,
    ForumImport forumImport,
    PostFiles postFiles) {

  /**
   * As {@link #wire(DataSource, Lms, ZoneId, DiscussionLimits, Clock, BlobStore, Uploads)}, with
   * posts' files kept in a folder of their own that is deleted at exit (for tools and tests).
   */
  public static CommunityServices wire(
      DataSource dataSource, Lms lms, ZoneId digestZone, DiscussionLimits limits, Clock clock) {
    Path folder;
    try {
      folder = Files.createTempDirectory("cop-post-files");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    folder.toFile().deleteOnExit();
    BlobStore blobs = new BlobStore(folder);
    return wire(
        dataSource,
        lms,
        digestZone,
        limits,
        clock,
        blobs,
        new Uploads(dataSource, blobs, 50L * 1024 * 1024, clock));
  }

  /** Wires them with posts' files in {@code blobs}, judged by the bank's {@code uploads}. */
  public static CommunityServices wire(
      DataSource dataSource,
      Lms lms,
      ZoneId digestZone,
      DiscussionLimits limits,
      Clock clock,
      BlobStore blobs,
      Uploads uploads) {
    PeopleStore people = new PeopleStore(dataSource, clock);
    PostFiles postFiles = new PostFiles(dataSource, people, blobs, uploads, clock);
    Outbox outbox = new Outbox(dataSource, clock);
    LmsMappings mappings = new LmsMappings(dataSource, clock);
    GroupMirror groups =
        new GroupMirror(
            lms, mappings, GroupMirror.creatorsLanguage(dataSource, people.languages()));
    ForumMirror forums = new ForumMirror(dataSource, lms, mappings, groups, postFiles);
    ForumEdits edits = new ForumEdits(dataSource, lms, mappings, postFiles);
    Notifier notifier = new Notifier(dataSource, outbox, people, digestZone, clock);
    CourseSettings courseSettings = new CourseSettings(dataSource);
    Communities communities =
        new Communities(dataSource, people, outbox, lms, courseSettings, clock);
    Discussions discussions = new Discussions(dataSource, people, outbox, notifier, limits, clock);
    ForumImport forumImport =
        new ForumImport(dataSource, lms, mappings, discussions, people, postFiles, clock);
    return new CommunityServices(
        people,
        outbox,
        mappings,
        groups,
        forums,
        edits,
        notifier,
        courseSettings,
        communities,
        discussions,
        forumImport,
        postFiles);
  }

  /** How these services' outbox messages reach the LMS. */
  public List<OutboxHandler> handlers(Lms lms) {
    return List.of(
        groups.adding(),
        groups.removing(),
        forums.discussions(),
        forums.replies(),
        edits.handler(),
        notifier.handler(lms));
  }
}
