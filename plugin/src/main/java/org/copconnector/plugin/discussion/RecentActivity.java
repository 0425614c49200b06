package org.copconnector.plugin.discussion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.store.Transaction;

/**
 * What happened lately in communities, as the hub's cards show it: who wrote last and when, and how
 * many posts are new to the person since they last looked at the community's discussions (or, never
 * having looked, since they joined). A few queries for all the cards together, since the hub's
 * answer is on every page's way.
 */
public final class RecentActivity {

  /**
   * A community's activity for one person: the last post's time and author (null without posts) and
   * how many posts by others came since their last visit (null when there is nothing to count from:
   * a reader who is no member and never looked).
   */
  public record Activity(Instant lastPostAt, String lastAuthorName, Integer newPosts) {}

  /** A community the person may read, and since when they are a member (null when they are not). */
  public record Readable(String communityId, Instant memberSince) {}

  /** How many of a thread's last posts are looked at for its newest visible one. */
  private static final int LAST_FEW = 5;

  /** How many of a community's latest threads are looked at first for its newest post. */
  private static final int LATEST_THREADS = 3;

  private final DataSource dataSource;

  public RecentActivity(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The activity of each community, by id. */
  public Map<String, Activity> of(String lmsUserId, List<Readable> communities) {
    if (communities.isEmpty()) {
      return Map.of();
    }
    return Transaction.run(
        dataSource,
        "recent activity",
        c -> {
          Map<String, Instant> visits = visits(c, lmsUserId);
          Map<String, Instant> since = new LinkedHashMap<>();
          for (Readable r : communities) {
            Instant from = visits.getOrDefault(r.communityId(), r.memberSince());
            if (from != null) {
              since.put(r.communityId(), from);
            }
          }
          Map<String, Integer> counts = newPosts(c, lmsUserId, since);
          Map<String, Activity> activity = new HashMap<>();
          Map<String, Activity> last = lastPosts(c, communities);
          for (Readable r : communities) {
            Activity latest = last.get(r.communityId());
            activity.put(
                r.communityId(),
                new Activity(
                    latest == null ? null : latest.lastPostAt(),
                    latest == null ? null : latest.lastAuthorName(),
                    since.containsKey(r.communityId())
                        ? counts.getOrDefault(r.communityId(), 0)
                        : null));
          }
          return activity;
        });
  }

  private static Map<String, Instant> visits(Connection c, String lmsUserId) throws SQLException {
    Map<String, Instant> visits = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT community_id, visited_at FROM community_visit WHERE lms_user_id = ?")) {
      ps.setString(1, lmsUserId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          visits.put(rs.getString(1), rs.getTimestamp(2).toInstant());
        }
      }
    }
    return visits;
  }

  /**
   * The newest post of each community, among the last few posts of each of its threads (read
   * through the thread's own count, not by going through all its posts): a thread whose last few
   * posts were all hidden is passed over. Two statements for all the communities; the few whose
   * latest threads do not settle it take a third.
   */
  private static Map<String, Activity> lastPosts(Connection c, List<Readable> communities)
      throws SQLException {
    Map<String, LatestThreads> latest = latestThreads(c, communities);
    Map<String, Activity> newest = newestOfThreads(c, latest);
    Map<String, Activity> last = new HashMap<>();
    List<Readable> unsure = new ArrayList<>();
    for (Readable r : communities) {
      LatestThreads threads = latest.get(r.communityId());
      if (threads == null) {
        continue; // no thread, no post
      }
      Activity found = newest.get(r.communityId());
      if (threads.settles(found)) {
        if (found != null) {
          last.put(r.communityId(), found);
        }
      } else {
        unsure.add(r);
      }
    }
    if (!unsure.isEmpty()) {
      last.putAll(lastPostsOfAllThreads(c, unsure));
    }
    return last;
  }

  /** A thread looked at: its id and how many posts it has (its last post's {@code seq}). */
  private record ThreadCount(String id, int posts) {}

  /**
   * A community's {@link #LATEST_THREADS} latest threads, and the time of the latest post of any
   * thread left out (null when none was).
   */
  private record LatestThreads(List<ThreadCount> threads, Instant leftOut) {

    /**
     * Whether {@code found}, the newest visible post of these threads, is the community's: no
     * thread was left out, or the one found is newer than the latest post of any that was, which is
     * almost always so: the newest post is in the latest thread unless it is hidden.
     */
    boolean settles(Activity found) {
      return leftOut == null || (found != null && found.lastPostAt().isAfter(leftOut));
    }
  }

  /** Each community's latest threads (communities without threads are absent), in one statement. */
  private static Map<String, LatestThreads> latestThreads(Connection c, List<Readable> communities)
      throws SQLException {
    // One indexed look-up per community, not a window over all their threads.
    String each =
        "(SELECT community_id, id, post_count, last_post_at FROM thread WHERE community_id = ?"
            + " ORDER BY last_post_at DESC LIMIT "
            + (LATEST_THREADS + 1)
            + ")";
    record Row(ThreadCount thread, Instant lastPostAt) {}
    Map<String, List<Row>> rows = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            String.join(" UNION ALL ", Collections.nCopies(communities.size(), each)))) {
      int i = 1;
      for (Readable r : communities) {
        ps.setString(i++, r.communityId());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new Row(
                      new ThreadCount(rs.getString(2), rs.getInt(3)),
                      rs.getTimestamp(4).toInstant()));
        }
      }
    }
    Map<String, LatestThreads> latest = new HashMap<>();
    rows.forEach(
        (community, found) -> {
          // A union keeps no order of its own.
          found.sort((x, y) -> y.lastPostAt().compareTo(x.lastPostAt()));
          int kept = Math.min(LATEST_THREADS, found.size());
          latest.put(
              community,
              new LatestThreads(
                  found.subList(0, kept).stream().map(Row::thread).toList(),
                  found.size() > kept ? found.get(kept).lastPostAt() : null));
        });
    return latest;
  }

  /**
   * The newest visible post among the last few of each community's latest threads, in one
   * statement; the latest written first, then the one written last within its thread.
   */
  private static Map<String, Activity> newestOfThreads(
      Connection c, Map<String, LatestThreads> latest) throws SQLException {
    Map<String, String> communityOf = new HashMap<>();
    List<ThreadCount> threads = new ArrayList<>();
    latest.forEach(
        (community, l) -> {
          for (ThreadCount t : l.threads()) {
            communityOf.put(t.id(), community);
            threads.add(t);
          }
        });
    if (threads.isEmpty()) {
      return Map.of();
    }
    String each =
        "SELECT thread_id, author_name, created_at, seq FROM post"
            + " WHERE thread_id = ? AND seq > ? AND hidden = FALSE";
    record Candidate(Activity post, int seq) {}
    Map<String, Candidate> newest = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(String.join(" UNION ALL ", Collections.nCopies(threads.size(), each)))) {
      int i = 1;
      for (ThreadCount t : threads) {
        ps.setString(i++, t.id());
        ps.setInt(i++, t.posts() - LAST_FEW);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Candidate candidate =
              new Candidate(
                  new Activity(rs.getTimestamp(3).toInstant(), rs.getString(2), null),
                  rs.getInt(4));
          newest.merge(
              communityOf.get(rs.getString(1)),
              candidate,
              (x, y) -> {
                int byTime = x.post().lastPostAt().compareTo(y.post().lastPostAt());
                return byTime > 0 || (byTime == 0 && x.seq() >= y.seq()) ? x : y;
              });
        }
      }
    }
    Map<String, Activity> found = new HashMap<>();
    newest.forEach((community, candidate) -> found.put(community, candidate.post()));
    return found;
  }

  /** The same for communities whose latest threads did not settle it, over all their threads. */
  private static Map<String, Activity> lastPostsOfAllThreads(
      Connection c, List<Readable> communities) throws SQLException {
    String marks = String.join(", ", Collections.nCopies(communities.size(), "?"));
    Map<String, Activity> last = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT community_id, author_name, created_at FROM (SELECT t.community_id,"
                + " p.author_name, p.created_at, ROW_NUMBER() OVER (PARTITION BY t.community_id"
                + " ORDER BY p.created_at DESC, p.seq DESC) AS n FROM thread t JOIN post p"
                + " ON p.thread_id = t.id AND p.seq > t.post_count - "
                + LAST_FEW
                + " WHERE t.community_id IN ("
                + marks
                + ") AND p.hidden = FALSE) latest WHERE n = 1")) {
      int i = 1;
      for (Readable r : communities) {
        ps.setString(i++, r.communityId());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          last.put(
              rs.getString(1), new Activity(rs.getTimestamp(3).toInstant(), rs.getString(2), null));
        }
      }
    }
    return last;
  }

  /** Posts by others, not hidden, written after each community's moment. */
  private static Map<String, Integer> newPosts(
      Connection c, String lmsUserId, Map<String, Instant> since) throws SQLException {
    if (since.isEmpty()) {
      return Map.of();
    }
    String each =
        String.join(
            " OR ",
            Collections.nCopies(
                since.size(), "(t.community_id = ? AND t.last_post_at > ? AND p.created_at > ?)"));
    Map<String, Integer> counts = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT t.community_id, COUNT(*) FROM thread t JOIN post p ON p.thread_id = t.id"
                + " WHERE p.hidden = FALSE AND p.author_id <> ? AND ("
                + each
                + ") GROUP BY t.community_id")) {
      int i = 1;
      ps.setString(i++, lmsUserId);
      for (Map.Entry<String, Instant> e : since.entrySet()) {
        Timestamp from = Timestamp.from(e.getValue());
        ps.setString(i++, e.getKey());
        ps.setTimestamp(i++, from);
        ps.setTimestamp(i++, from);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return counts;
  }
}
