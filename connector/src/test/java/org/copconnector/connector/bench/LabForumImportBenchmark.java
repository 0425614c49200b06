package org.copconnector.connector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.lab.MoodleLab;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.server.CommunityServices;
import org.copconnector.plugin.community.GroupMirror;
import org.copconnector.plugin.discussion.DiscussionLimits;
import org.copconnector.plugin.discussion.ForumImport;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.LmsMappings;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.DatabaseSettings;

/**
 * The forum import against the lab's real Moodle 4.5 (course PERF-M: a forum without groups, 100
 * discussions, 500 posts) and against the Moodle stand-in, interleaved: a first import on a new
 * connector database, then again with nothing changed; web-service calls and times. Moodle is only
 * read. Prints Markdown tables for BENCHMARKS.md.
 *
 * <p>Arguments: the number of rounds (default 7).
 */
public final class LabForumImportBenchmark {

  private static final Clock CLOCK = Clock.systemUTC();

  /** Where one case imports from, and what the community there has chosen. */
  private record Case(
      String name, String url, String token, String courseId, String forumId, String groupId) {}

  /** What one import did and cost. */
  private record Run(double millis, ForumImport.Outcome outcome, List<CallLog.Call> calls) {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    MoodleLab lab = MoodleLab.get();
    long perfCourse = lab.courseId("PERF-M");
    long perfForum = lab.forumId("PERF-M", 0);
    try (FakeMoodle sameShape = new FakeMoodle().start();
        FakeMoodle earlier = new FakeMoodle().start()) {
      List<Case> cases =
          List.of(
              new Case(
                  "real Moodle 4.5, PERF-M",
                  lab.url(),
                  lab.token(),
                  Long.toString(perfCourse),
                  Long.toString(perfForum),
                  null),
              sameShapeAsPerf(sameShape),
              earlierStandIn(earlier));
      Map<Case, List<Run[]>> runs = new java.util.LinkedHashMap<>();
      cases.forEach(c -> runs.put(c, new ArrayList<>()));
      // Round 0 warms up (class loading, JIT) and is not counted.
      for (int round = 0; round <= rounds; round++) {
        for (int i = 0; i < cases.size(); i++) {
          Case c = cases.get((round + i) % cases.size()); // each case leads in turn
          Run[] pair = importTwice(c);
          if (round > 0) {
            runs.get(c).add(pair);
          }
          System.err.printf(
              "round %d %s: first %.0f ms (%d calls, %d posts), unchanged %.0f ms (%d calls)%n",
              round,
              c.name(),
              pair[0].millis(),
              pair[0].calls().size(),
              pair[0].outcome().postsImported(),
              pair[1].millis(),
              pair[1].calls().size());
        }
      }
      print(cases, runs, rounds);
    }
  }

  /** The stand-in with PERF-M's shape: a forum without groups, 100 discussions of 5 posts. */
  private static Case sameShapeAsPerf(FakeMoodle fake) {
    long forum = 3; // the stand-in's forum without groups in course 2
    for (int i = 0; i < 100; i++) {
      long discussion =
          fake.discussionInMoodle(forum, -1, 4, "Discussion " + i, "<p>First post " + i + "</p>");
      long parent = fake.state().discussions.get(discussion).firstPostId();
      for (int r = 0; r < 4; r++) {
        fake.replyInMoodle(parent, 5 + r % 2, "Re: Discussion " + i, "<p>Reply " + r + "</p>");
      }
    }
    return new Case(
        "stand-in, same shape",
        fake.urlString(),
        FakeMoodle.TOKEN,
        "2",
        Long.toString(forum),
        null);
  }

  /**
   * The case of the earlier stand-in figure: 200 discussions in the community's group of a
   * separate-groups forum, each with one reply written in Moodle.
   */
  private static Case earlierStandIn(FakeMoodle fake) {
    MoodleLms lms = lms(fake.urlString(), FakeMoodle.TOKEN, new OkHttpClient());
    String group = lms.ensureGroup("2", "Bench", GroupMirror.groupIdnumber("a1"));
    for (int i = 0; i < 200; i++) {
      Lms.PostedDiscussion started =
          lms.startDiscussion(
              new Lms.NewDiscussion(
                  "2", "4", group, "Topic " + i, "<p>Teacher text " + i + "</p>", null));
      fake.replyInMoodle(Long.parseLong(started.firstPostId()), 5, "Re", "<p>Reply " + i + "</p>");
    }
    return new Case(
        "stand-in, 200 discussions in a group",
        fake.urlString(),
        FakeMoodle.TOKEN,
        "2",
        "4",
        group);
  }

  /** A first import on a new connector database, then a second one with nothing changed. */
  private static Run[] importTwice(Case c) throws Exception {
    Path dir = Files.createTempDirectory("cop-bench-lab-import-");
    try (Database database = Database.open(DatabaseSettings.h2File(dir, 4))) {
      database.migrate();
      anchor(database, c);
      CallLog log = new CallLog();
      MoodleLms lms =
          lms(c.url(), c.token(), new OkHttpClient.Builder().addNetworkInterceptor(log).build());
      ForumImport forumImport =
          CommunityServices.wire(
                  database.dataSource(), lms, ZoneOffset.UTC, DiscussionLimits.defaults(), CLOCK)
              .forumImport();
      log.take();
      Run first = timed(forumImport, c, log);
      Run second = timed(forumImport, c, log);
      return new Run[] {first, second};
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Run timed(ForumImport forumImport, Case c, CallLog log) {
    long start = System.nanoTime();
    ForumImport.Outcome outcome = forumImport.importCourse(c.courseId());
    double millis = (System.nanoTime() - start) / 1e6;
    return new Run(millis, outcome, log.take());
  }

  /**
   * A community anchored in the course that has chosen the forum, as the forum chooser leaves it.
   */
  private static void anchor(Database database, Case c) throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        Statement s = connection.createStatement()) {
      s.execute(
          "INSERT INTO community (id, name, domain, cycles, subjects, sharing, framework, context, focus, joining, created_by, created_at)"
              + " VALUES ('k1', 'Bench', 'Bench', '', '', 'BOTH', 'INFORMAL', 'ONE_SCHOOL', '', 'OPEN', '2', CURRENT_TIMESTAMP)");
      s.execute(
          "INSERT INTO community_anchor (id, community_id, course_id, forum_id) VALUES ('a1', 'k1', '"
              + c.courseId()
              + "', '"
              + c.forumId()
              + "')");
    }
    if (c.groupId() != null) {
      new LmsMappings(database.dataSource(), CLOCK).put(GroupMirror.MAPPING, "a1", c.groupId());
    }
  }

  private static MoodleLms lms(String url, String token, OkHttpClient client) {
    var settings =
        new ConfigLoader(Map.of("COP_MOODLE_URL", url, "COP_MOODLE_TOKEN", token))
            .load(null)
            .moodle()
            .orElseThrow();
    Moodle moodle = Moodle.connect(client, settings);
    return new MoodleLms(moodle, 500, moodle.site(), CLOCK, Duration.ofSeconds(5));
  }

  private static void print(List<Case> cases, Map<Case, List<Run[]>> runs, int rounds) {
    System.out.print("| measurement |");
    cases.forEach(c -> System.out.print(" " + c.name() + " |"));
    System.out.println(" real / stand-in (same shape) |");
    System.out.println("|---|---|---|---|---|");
    for (int which = 0; which < 2; which++) {
      int w = which;
      String label = which == 0 ? "first import" : "again, nothing changed";
      row(
          label + ": posts imported",
          cases,
          c -> runs.get(c).get(0)[w].outcome().postsImported() + "",
          null);
      row(
          label + ": web-service calls",
          cases,
          c -> {
            List<CallLog.Call> calls = runs.get(c).get(0)[w].calls();
            int least = runs.get(c).stream().mapToInt(r -> r[w].calls().size()).min().orElse(0);
            int most = runs.get(c).stream().mapToInt(r -> r[w].calls().size()).max().orElse(0);
            String count = least == most ? Integer.toString(least) : least + " to " + most;
            return count + " (" + CallLog.describe(CallLog.byFunction(calls)) + ")";
          },
          null);
      Percentiles[] times =
          cases.stream()
              .map(
                  c ->
                      new Percentiles(
                          runs.get(c).stream().mapToDouble(r -> r[w].millis()).toArray()))
              .toArray(Percentiles[]::new);
      row(
          label + ": time, " + rounds + " rounds",
          cases,
          c -> summary(times[cases.indexOf(c)]),
          String.format(
              "%.1fx (p50), %.1fx (p95)",
              times[0].at(50) / times[1].at(50), times[0].at(95) / times[1].at(95)));
      Percentiles[] outside =
          cases.stream()
              .map(
                  c ->
                      new Percentiles(
                          runs.get(c).stream()
                              .mapToDouble(
                                  r ->
                                      r[w].millis()
                                          - r[w].calls().stream()
                                              .mapToDouble(CallLog.Call::millis)
                                              .sum())
                              .toArray()))
              .toArray(Percentiles[]::new);
      row(
          label + ": of which outside the timed calls",
          cases,
          c -> summary(outside[cases.indexOf(c)]),
          String.format("%.1fx (p50)", outside[0].at(50) / outside[1].at(50)));
    }
    // Time per call, over every first import of every round.
    for (String function :
        List.of(
            "mod_forum_get_forum_discussions",
            "mod_forum_get_discussion_posts",
            "core_course_get_contents",
            "mod_forum_get_forums_by_courses")) {
      Percentiles[] per =
          cases.stream()
              .map(
                  c ->
                      CallLog.millisOf(
                          runs.get(c).stream().flatMap(r -> r[0].calls().stream()).toList(),
                          function))
              .map(values -> values.length == 0 ? null : new Percentiles(values))
              .toArray(Percentiles[]::new);
      row(
          "one " + function + " call (first imports)",
          cases,
          c -> per[cases.indexOf(c)] == null ? "not called" : summary(per[cases.indexOf(c)]),
          per[0] == null || per[1] == null
              ? ""
              : String.format("%.1fx (p50)", per[0].at(50) / per[1].at(50)));
    }
    System.out.printf(
        "%nmachine: %d cores, Java %s; load average at the end %.2f%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String summary(Percentiles p) {
    return String.format("p50 %.0f ms, p95 %.0f ms, max %.0f ms", p.at(50), p.at(95), p.at(100));
  }

  private static void row(
      String label,
      List<Case> cases,
      java.util.function.Function<Case, String> cell,
      String ratio) {
    StringBuilder line = new StringBuilder("| " + label + " |");
    cases.forEach(c -> line.append(' ').append(cell.apply(c)).append(" |"));
    line.append(' ').append(ratio == null ? "" : ratio).append(" |");
    System.out.println(line);
  }
}
