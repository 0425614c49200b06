package org.copconnector.plugin.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.apache.lucene.document.Document;
import org.copconnector.plugin.search.ChangeLog.Change;
import org.copconnector.plugin.store.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a {@link LuceneIndex} up to its {@link ChangeLog}: reads the changes after the last one it
 * holds, builds the changed records' documents from the database (a record gone from it leaves the
 * index) and starts over when the index is ahead of the log (a new or restored database). Other
 * instances' changes arrive the same way, so every instance answers alike.
 *
 * <p>A change numbered before one already read may still be committing: the index takes in what it
 * sees, but only counts itself up to date up to such a gap, and reads again from there, until the
 * gap fills or has stayed for {@link #GAP_WAIT} (a transaction that rolled back leaves one for
 * ever).
 */
public final class IndexCatchUp {

  /** The documents of the records with these ids that still exist. */
  public interface Documents {
    List<Document> of(Connection c, List<String> ids) throws SQLException;
  }

  static final Duration GAP_WAIT = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(IndexCatchUp.class);
  private static final int BATCH = 2000;

  private final String name;
  private final DataSource dataSource;
  private final LuceneIndex index;
  private final ChangeLog log;
  private final Documents documents;
  private final Clock clock;
  private final ReentrantLock running = new ReentrantLock();
  // Changes taken in beyond the index's own number (past a gap), and when each gap was first seen.
  private final Set<Long> taken = new HashSet<>();
  private final Map<Long, Instant> gaps = new HashMap<>();

  public IndexCatchUp(
      String name,
      DataSource dataSource,
      LuceneIndex index,
      ChangeLog log,
      Documents documents,
      Clock clock) {
    this.name = name;
    this.dataSource = dataSource;
    this.index = index;
    this.log = log;
    this.documents = documents;
    this.clock = clock;
  }

  /** Takes in every change there is. Safe to call from several threads. */
  public void refresh() {
    running.lock();
    try {
      while (round(BATCH)) {
        // the next batch
      }
    } finally {
      running.unlock();
    }
  }

  /**
   * Takes in at most {@code limit} changes: what a search does before it looks, so that what was
   * just written is found at once. A catch-up already running is waited for up to {@code wait} (the
   * scheduled one takes milliseconds; a rebuild takes long, and the search goes on without).
   */
  public void refreshBriefly(int limit, Duration wait) {
    try {
      if (!running.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      round(limit);
    } finally {
      running.unlock();
    }
  }

  /** Changes in the log the index has not taken yet (any instance's). */
  public long backlog() {
    return Math.max(0, read(log::last) - index.seq());
  }

  /** The scheduled catch-up, which also makes the index durable; never throws. */
  public void run() {
    try {
      refresh();
      index.commit();
    } catch (RuntimeException | IOException e) {
      LOG.warn("{} search index update failed, the next round will retry: {}", name, e.toString());
    }
  }

  /** One batch; whether there may be more. */
  private boolean round(int limit) {
    try {
      long seq = index.seq();
      if (seq > read(log::last)) {
        LOG.info("{} search index is ahead of the database: rebuilding it", name);
        index.clear();
        taken.clear();
        gaps.clear();
        seq = 0;
      }
      long from = seq;
      List<Change> changes = read(c -> log.after(c, from, limit));
      if (changes.isEmpty()) {
        return false;
      }
      Set<String> ids = new LinkedHashSet<>();
      changes.stream().filter(ch -> !taken.contains(ch.seq())).forEach(ch -> ids.add(ch.id()));
      List<String> changed = List.copyOf(ids);
      List<Document> docs = changed.isEmpty() ? List.of() : read(c -> documents.of(c, changed));
      long through = throughGaps(seq, changes);
      index.apply(changed, docs, through);
      changes.forEach(ch -> taken.add(ch.seq()));
      taken.removeIf(s -> s <= through);
      gaps.keySet().removeIf(s -> s <= through);
      return through == changes.get(changes.size() - 1).seq() && changes.size() == limit;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the " + name + " search index", e);
    }
  }

  /** How far the log is complete: up to the first gap that may still fill. */
  private long throughGaps(long seq, List<Change> changes) {
    long through = seq;
    Instant now = Instant.now(clock);
    for (Change ch : changes) {
      if (ch.seq() != through + 1) {
        Instant seen = gaps.computeIfAbsent(through + 1, s -> now);
        if (seen.plus(GAP_WAIT).isAfter(now)) {
          return through;
        }
      }
      through = ch.seq();
    }
    return through;
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, name + " search index read", work);
  }
}
