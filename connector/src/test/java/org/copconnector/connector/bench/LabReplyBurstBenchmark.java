package org.copconnector.connector.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.copconnector.connector.lab.LabConnector;
import org.copconnector.connector.lab.MoodleLab;
import org.copconnector.connector.moodle.fake.FakeMoodle;

/**
 * A burst of 30 replies to one thread, posted over HTTP back to back by one client, until all 30
 * are in Moodle: against the lab's real Moodle 4.5 (SCI-COP's separate-groups forum; Moodle's
 * database polled read-only) and against the Moodle stand-in, interleaved round by round. Prints a
 * Markdown table for BENCHMARKS.md.
 *
 * <p>Arguments: the number of rounds (default 10).
 */
public final class LabReplyBurstBenchmark {

  private static final int REPLIES = 30;
  private static final long POLL_MS = 25;
  private static final long GIVE_UP_MS = 180_000;

  /** One burst: times in ms from the first reply's 201, and the calls made meanwhile. */
  private record Burst(
      long firstRepliedWall,
      double posting,
      double firstDelivery,
      double deliverySpan,
      double allInMoodle,
      int attempts,
      Map<String, Integer> calls) {

    Burst withCalls(Map<String, Integer> made) {
      return new Burst(
          firstRepliedWall, posting, firstDelivery, deliverySpan, allInMoodle, attempts, made);
    }
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    String run = Long.toString(System.currentTimeMillis(), 36);
    MoodleLab lab = MoodleLab.get();
    Map<String, Object> db = dbSettings(lab);
    try (Connection moodleDb =
            DriverManager.getConnection(
                (String) db.get("jdbc"), (String) db.get("user"), (String) db.get("password"));
        PreparedStatement countPosts =
            moodleDb.prepareStatement(
                "SELECT COUNT(*) FROM mdl_forum_posts p JOIN mdl_forum_discussions d"
                    + " ON d.id = p.discussion WHERE d.forum = ? AND p.message LIKE ?");
        FakeMoodle fake = new FakeMoodle().start()) {
      moodleDb.setReadOnly(true);
      long forum = lab.forumId("SCI-COP", 1);
      BurstSide real =
          new BurstSide(
              "real Moodle 4.5",
              lab.url(),
              lab.token(),
              lab.courseId("SCI-COP"),
              forum,
              new long[] {lab.userId("teacher1"), lab.userId("teacher2")},
              text -> {
                try {
                  countPosts.setLong(1, forum);
                  countPosts.setString(2, "%" + text + "%");
                  try (ResultSet rs = countPosts.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                  }
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      BurstSide standIn =
          new BurstSide(
              "stand-in",
              fake.urlString(),
              FakeMoodle.TOKEN,
              2,
              4, // the stand-in's separate-groups forum
              new long[] {4, 5},
              text -> {
                synchronized (fake) {
                  return (int)
                      fake.state().posts.values().stream()
                          .filter(p -> p.message().contains(text))
                          .count();
                }
              });
      Map<BurstSide, List<Burst>> bursts = new LinkedHashMap<>();
      bursts.put(real, new ArrayList<>());
      bursts.put(standIn, new ArrayList<>());
      try (real;
          standIn) {
        Random pauses = new Random(7);
        // Round 0 warms both sides up (class loading, JIT) and is not counted.
        for (int round = 0; round <= rounds; round++) {
          List<BurstSide> order = round % 2 == 0 ? List.of(real, standIn) : List.of(standIn, real);
          for (BurstSide side : order) {
            String tag = "rajada " + run + "-" + round + " ";
            String thread = side.threadInMoodle("Rajada " + tag.trim());
            long threadDone = System.currentTimeMillis();
            // Replies come at any moment of the outbox's 5 s cycle, not just after a round.
            LabConnector.sleep(1000 + pauses.nextInt(5000));
            int fakeMark = fake.calls().size();
            Burst burst = burst(side, thread, tag);
            Map<String, Integer> calls =
                side == real
                    // From the second after the thread's delivery, which the pause leaves behind.
                    ? moodleLogSince(moodleDb, threadDone / 1000 + 1)
                    : CallLog.byFunction(
                        fake.calls().subList(fakeMark, fake.calls().size()).stream()
                            .map(c -> new CallLog.Call(c.function(), 0))
                            .toList());
            burst = burst.withCalls(calls);
            if (round == 0) {
              continue;
            }
            bursts.get(side).add(burst);
            System.err.printf(
                "round %d %s: posted in %.0f ms, first delivery +%.0f ms, 30 delivered over %.0f ms,"
                    + " all in Moodle +%.0f ms, %d attempts, calls %s%n",
                round,
                side.name(),
                burst.posting(),
                burst.firstDelivery(),
                burst.deliverySpan(),
                burst.allInMoodle(),
                burst.attempts(),
                burst.calls());
          }
        }
      }
      print(bursts.get(real), bursts.get(standIn), rounds);
    }
  }

  /** 30 replies back to back to a thread already in Moodle, then wait until all are there. */
  private static Burst burst(BurstSide side, String thread, String tag) throws Exception {
    long start = System.nanoTime();
    long firstReplied = 0;
    long firstRepliedWall = 0;
    for (int i = 1; i <= REPLIES; i++) {
      side.reply(thread, "Resposta " + i + " da " + tag);
      if (i == 1) {
        firstReplied = System.nanoTime();
        firstRepliedWall = System.currentTimeMillis();
      }
    }
    double posting = (System.nanoTime() - start) / 1e6;
    long deadline = firstReplied + GIVE_UP_MS * 1_000_000;
    while (side.postsInMoodle(tag) < REPLIES) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(side.name() + ": not all 30 replies reached Moodle");
      }
      LabConnector.sleep(POLL_MS);
    }
    double allIn = (System.nanoTime() - firstReplied) / 1e6;
    // The last post may be in Moodle a moment before the outbox records its delivery, and Moodle
    // writes its log at the end of each request.
    BurstSide.Deliveries d = side.deliveries(thread);
    while (d.count() < REPLIES) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(side.name() + ": " + d.count() + " replies delivered");
      }
      LabConnector.sleep(POLL_MS);
      d = side.deliveries(thread);
    }
    LabConnector.sleep(1000);
    return new Burst(
        firstRepliedWall,
        posting,
        d.firstMillis() - firstRepliedWall,
        d.lastMillis() - d.firstMillis(),
        allIn,
        d.attempts(),
        Map.of());
  }

  /**
   * The service user's web-service calls in Moodle's own log from {@code second} on (the log keeps
   * seconds); other clients of the same service user would count too.
   */
  private static Map<String, Integer> moodleLogSince(Connection db, long second) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT other, COUNT(*) FROM mdl_logstore_standard_log WHERE eventname = ?"
                + " AND userid = 3 AND timecreated >= ? GROUP BY other")) {
      ps.setString(1, "\\core\\event\\webservice_function_called");
      ps.setLong(2, second);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String function = rs.getString(1).replaceAll(".*\"function\":\"([^\"]+)\".*", "$1");
          counts.merge(function, rs.getInt(2), Integer::sum);
        }
      }
    }
    return counts;
  }

  private static Map<String, Object> dbSettings(MoodleLab lab) {
    var db = lab.ids().getAsJsonObject("db");
    return Map.of(
        "jdbc",
        "jdbc:postgresql://"
            + db.get("host").getAsString()
            + ":"
            + db.get("port").getAsString()
            + "/"
            + db.get("name").getAsString(),
        "user",
        db.get("user").getAsString(),
        "password",
        db.get("password").getAsString());
  }

  private static void print(List<Burst> real, List<Burst> standIn, int rounds) {
    System.out.printf(
        "| %d replies to one thread, %d rounds each, interleaved | real Moodle 4.5 (SCI-COP, separate groups) | stand-in | real / stand-in (p50) |%n",
        REPLIES, rounds);
    System.out.println("|---|---|---|---|");
    row("first reply's 201 until all 30 are in Moodle", real, standIn, Burst::allInMoodle);
    row(
        "  of which: first 201 until the first delivery is recorded",
        real,
        standIn,
        Burst::firstDelivery);
    row("  of which: first to last delivery (29 more replies)", real, standIn, Burst::deliverySpan);
    row(
        "  per reply delivered (first to last delivery / 29)",
        real,
        standIn,
        b -> b.deliverySpan() / (REPLIES - 1));
    row("posting the 30 replies (client, back to back)", real, standIn, Burst::posting);
    System.out.printf(
        "| delivery attempts per burst (30 = none retried) | %s | %s | |%n",
        range(real.stream().mapToInt(Burst::attempts).toArray()),
        range(standIn.stream().mapToInt(Burst::attempts).toArray()));
    System.out.printf(
        "| web-service calls during the burst | %s (Moodle's log, service user 3; last round: %s) | %s (last round: %s) | |%n",
        range(real.stream().mapToInt(b -> total(b.calls())).toArray()),
        CallLog.describe(real.get(real.size() - 1).calls()),
        range(standIn.stream().mapToInt(b -> total(b.calls())).toArray()),
        CallLog.describe(standIn.get(standIn.size() - 1).calls()));
    System.out.printf(
        "%nmachine: %d cores, Java %s; load average at the end %.2f%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void row(
      String label,
      List<Burst> real,
      List<Burst> standIn,
      java.util.function.ToDoubleFunction<Burst> value) {
    Percentiles r = new Percentiles(real.stream().mapToDouble(value).toArray());
    Percentiles s = new Percentiles(standIn.stream().mapToDouble(value).toArray());
    System.out.printf(
        "| %s | %s | %s | %.1fx |%n", label, summary(r), summary(s), r.at(50) / s.at(50));
  }

  private static String summary(Percentiles p) {
    return String.format("p50 %.0f ms, p95 %.0f ms, max %.0f ms", p.at(50), p.at(95), p.at(100));
  }

  private static int total(Map<String, Integer> calls) {
    return calls.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static String range(int[] values) {
    int least = java.util.Arrays.stream(values).min().orElse(0);
    int most = java.util.Arrays.stream(values).max().orElse(0);
    return least == most ? Integer.toString(least) : least + " to " + most;
  }
}
