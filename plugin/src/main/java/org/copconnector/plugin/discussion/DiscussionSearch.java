package org.copconnector.plugin.discussion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.search.IndexCatchUp;
import org.copconnector.plugin.search.LuceneIndex;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.SearchText;

/**
 * Search inside discussions: the threads and posts of every community the caller reads, as the
 * thread pages show them (a hidden post only to its author, the community's facilitators and
 * administrators), with filters, highlights and pages. The index follows the log of post changes; a
 * search first takes in what was just written, so a post is found as soon as it is stored.
 */
public final class DiscussionSearch {

  /** What a search asks for, as given in the request (validated by the search). */
  public record Request(
      String q, String community, String author, String from, String to, int page) {}

  /** One result: a post, where it is and its matched words marked (HTML-escaped but for mark). */
  public record Found(
      String postId,
      String threadId,
      String threadTitle,
      String communityId,
      String communityName,
      String authorName,
      Instant createdAt,
      boolean first,
      boolean hidden,
      int threadPage,
      Map<String, String> highlights) {}

  /** A page of results; {@code totalExact} false when {@code total} is a lower bound. */
  public record Page(List<Found> results, long total, boolean totalExact, int page, int pageSize) {}

  static final int PAGE_SIZE = 20;
  static final int MAX_PAGE = 49;
  static final int MAX_TEXT = 200;
  static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);
  private static final int BRIEF_CATCH_UP = 500;
  private static final Duration BRIEF_WAIT = Duration.ofMillis(300);

  private final DataSource dataSource;
  private final PostIndex index;
  private final CommunityAccess access;
  private final ZoneId zone;
  private final PostSearchStore store = new PostSearchStore();
  private final IndexCatchUp catchUp;

  /** Dates of the filters are days in {@code zone}, the site's. */
  public DiscussionSearch(
      DataSource dataSource, PostIndex index, PeopleStore people, ZoneId zone, Clock clock) {
    this.dataSource = dataSource;
    this.index = index;
    this.access = new CommunityAccess(people);
    this.zone = zone;
    this.catchUp =
        new IndexCatchUp(
            "discussion",
            dataSource,
            index.lucene(),
            DiscussionStore.CHANGES,
            (c, ids) -> store.entries(c, ids).stream().map(PostIndex::document).toList(),
            clock);
  }

  public Page search(Session session, Request request) {
    PostIndex.Asked asked = asked(request);
    int page = request.page();
    if (page > MAX_PAGE) {
      throw ApiException.invalid(
          Reason.PAGE_RANGE,
          "page",
          "page is a whole number from 0 to " + MAX_PAGE,
          Map.of("min", 0, "max", MAX_PAGE));
    }
    // Two short reads around the index search: no pooled connection is held while Lucene works.
    PostIndex.Viewer viewer = read(c -> viewer(c, session, asked.community()));
    catchUp.refreshBriefly(BRIEF_CATCH_UP, BRIEF_WAIT);
    LuceneIndex.Page<PostIndex.Hit> results;
    try {
      results = index.search(asked, viewer, page * PAGE_SIZE, PAGE_SIZE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> ids = results.hits().stream().map(PostIndex.Hit::id).toList();
    Map<String, PostSearchStore.Shown> shown = new HashMap<>();
    read(c -> store.shown(c, ids)).forEach(s -> shown.put(s.postId(), s));
    List<Found> found = new ArrayList<>();
    for (PostIndex.Hit hit : results.hits()) {
      PostSearchStore.Shown s = shown.get(hit.id());
      // The database has the last word: a post hidden since it was indexed is left out.
      if (s != null && (!s.hidden() || mayReadHidden(viewer, s))) {
        found.add(
            new Found(
                s.postId(),
                s.threadId(),
                s.threadTitle(),
                s.communityId(),
                s.communityName(),
                s.authorName(),
                s.createdAt(),
                s.seq() == 1,
                s.hidden(),
                (s.seq() - 1) / Discussions.POSTS_PER_PAGE,
                hit.highlights()));
      }
    }
    return new Page(found, results.total(), results.exact(), page, PAGE_SIZE);
  }

  /** Takes in every change of the log (the scheduled catch-up also makes it durable). */
  public void refresh() {
    catchUp.refresh();
  }

  /** Changes of posts in the database's log the search index has not taken yet. */
  public long indexBacklog() {
    return catchUp.backlog();
  }

  /** The scheduled catch-up with this and other instances' changes; never throws. */
  public void run() {
    catchUp.run();
  }

  private static boolean mayReadHidden(PostIndex.Viewer viewer, PostSearchStore.Shown post) {
    return post.authorId().equals(viewer.lmsUserId())
        || viewer.moderated().contains(post.communityId());
  }

  /** The communities the caller reads (only {@code community} when given) and moderates. */
  private PostIndex.Viewer viewer(Connection c, Session session, String community)
      throws SQLException {
    boolean admin = session.role() == ProductRole.ADMIN;
    if (community != null) {
      CommunityAccess.Access caller = access.of(c, session, community);
      caller.requireRead();
      return new PostIndex.Viewer(
          session.lmsUserId(),
          List.of(community),
          caller.canModerate() ? List.of(community) : List.of());
    }
    if (admin) {
      List<String> all = store.allCommunities(c);
      return new PostIndex.Viewer(session.lmsUserId(), all, all);
    }
    return new PostIndex.Viewer(
        session.lmsUserId(),
        store.readable(c, session.lmsUserId(), access.coursesOf(c, session)),
        store.facilitated(c, session.lmsUserId()));
  }

  private PostIndex.Asked asked(Request request) {
    String q = SearchText.within(request.q(), MAX_TEXT);
    String author = request.author();
    if (author != null && author.length() > MAX_TEXT) {
      throw ApiException.invalid(
          Reason.TEXT_LENGTH,
          "author",
          "an author's name is at most " + MAX_TEXT + " characters",
          Map.of("min", 0, "max", MAX_TEXT));
    }
    LocalDate from = day("from", request.from());
    LocalDate to = day("to", request.to());
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.invalid(
          Reason.SEARCH_DATES_ORDER, "to", "the last day comes on or after the first");
    }
    String community = request.community();
    return new PostIndex.Asked(
        q,
        community == null || community.isBlank() ? null : community.strip(),
        author,
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** A day as yyyy-mm-dd, or null when not given. */
  private static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(Reason.DATE_INVALID, field, "a day is written yyyy-mm-dd");
    }
    if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
      throw ApiException.invalid(
          Reason.DATE_RANGE,
          field,
          "a day from " + FIRST_DAY + " to " + LAST_DAY,
          Map.of("min", FIRST_DAY.toString(), "max", LAST_DAY.toString()));
    }
    return day;
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "discussion search", work);
  }
}
