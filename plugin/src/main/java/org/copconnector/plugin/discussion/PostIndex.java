package org.copconnector.plugin.discussion;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.util.BytesRef;
import org.copconnector.plugin.search.LuceneIndex;

/**
 * The full-text index of the communities' discussions: each post's text, and a thread's title on
 * its first post, with the facts the search filters by (community, author, date) and the hidden
 * mark. Who may read which community is not in it: the search is given the caller's communities
 * from the database each time, so a change of membership counts at once.
 */
public final class PostIndex implements Closeable {

  /** What the index holds of one post; {@code title}, the thread's, on its first post only. */
  public record Entry(
      String postId,
      String communityId,
      String title,
      String authorId,
      String authorName,
      String body,
      boolean hidden,
      Instant createdAt) {}

  /** Who is searching: the communities they read and those they moderate. */
  public record Viewer(String lmsUserId, List<String> communities, List<String> moderated) {}

  /** What is asked for; nulls match everything ({@code to} is exclusive). */
  public record Asked(String text, String community, String author, Instant from, Instant to) {}

  /** One result: the post's id and its matched words marked, by field (title, text). */
  public record Hit(String id, Map<String, String> highlights) {}

  private static final int STORED_TEXT = 20_000;
  private static final int SNIPPET = 180;

  private final LuceneIndex lucene;

  /** The index opens on first use, so that start-up does not wait for it. */
  public PostIndex(Path folder) {
    this.lucene = new LuceneIndex(folder);
  }

  /** An index kept in memory only, gone when closed (demo mode writes nothing to disk). */
  public static PostIndex inMemory() {
    return new PostIndex(null);
  }

  LuceneIndex lucene() {
    return lucene;
  }

  public LuceneIndex.Page<Hit> search(Asked asked, Viewer viewer, int offset, int limit)
      throws IOException {
    if (viewer.communities().isEmpty()) {
      return new LuceneIndex.Page<>(List.of(), 0, true);
    }
    List<String> words = lucene.words(asked.text());
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    // Every word must appear, in the title or the text; a thread's title weighs more.
    LuceneIndex.everyWord(query, words, Map.of("title", 2f, "text", 1f));
    for (String word : lucene.words(asked.author())) {
      query.add(new TermQuery(new Term("author_name", word)), Occur.FILTER);
    }
    query.add(LuceneIndex.anyOf("community", viewer.communities()), Occur.FILTER);
    if (asked.community() != null) {
      query.add(new TermQuery(new Term("community", asked.community())), Occur.FILTER);
    }
    if (asked.from() != null || asked.to() != null) {
      long from = asked.from() == null ? Long.MIN_VALUE : asked.from().toEpochMilli();
      long to = asked.to() == null ? Long.MAX_VALUE : asked.to().toEpochMilli() - 1;
      query.add(LongPoint.newRangeQuery("created", from, to), Occur.FILTER);
    }
    query.add(shown(viewer), Occur.FILTER);
    Query built = query.build();
    // Ties go to the newer post, then to the id, so every instance orders alike.
    SortField newest = new SortField("created_sort", SortField.Type.LONG, true);
    SortField byId = new SortField("id_sort", SortField.Type.STRING);
    Sort sort =
        words.isEmpty() ? new Sort(newest, byId) : new Sort(SortField.FIELD_SCORE, newest, byId);
    return lucene.page(
        built,
        sort,
        offset,
        limit,
        stored -> new Hit(stored.get(LuceneIndex.ID), highlights(built, stored)));
  }

  /**
   * As the thread page shows them: a hidden post only to its author and the community's moderators.
   */
  private static Query shown(Viewer viewer) {
    BooleanQuery.Builder any =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("hidden", "no")), Occur.SHOULD)
            .add(new TermQuery(new Term("author", viewer.lmsUserId())), Occur.SHOULD);
    if (!viewer.moderated().isEmpty()) {
      any.add(LuceneIndex.anyOf("community", viewer.moderated()), Occur.SHOULD);
    }
    return any.build();
  }

  /** The marked title, and a passage of the text: marked where it matched, else its opening. */
  private Map<String, String> highlights(Query query, Document stored) throws IOException {
    Map<String, String> marked = new LinkedHashMap<>();
    String title = lucene.highlight(query, "title", stored.get("title"), 400);
    if (title != null) {
      marked.put("title", title);
    }
    String text = stored.get("text");
    String passage = lucene.highlight(query, "text", text, SNIPPET);
    if (passage == null && text != null && !text.isEmpty()) {
      passage = SimpleHTMLEncoder.htmlEncode(text.substring(0, Math.min(text.length(), SNIPPET)));
    }
    if (passage != null) {
      marked.put("text", passage);
    }
    return marked;
  }

  /** The post's document: its words, its filters and its hidden mark. */
  static Document document(Entry e) {
    Document d = new Document();
    d.add(new StringField(LuceneIndex.ID, e.postId(), Field.Store.YES));
    d.add(new SortedDocValuesField("id_sort", new BytesRef(e.postId())));
    d.add(new StringField("community", e.communityId(), Field.Store.NO));
    d.add(new StringField("author", e.authorId(), Field.Store.NO));
    d.add(new TextField("author_name", e.authorName(), Field.Store.NO));
    d.add(new StringField("hidden", e.hidden() ? "yes" : "no", Field.Store.NO));
    long created = e.createdAt().toEpochMilli();
    d.add(new LongPoint("created", created));
    d.add(new NumericDocValuesField("created_sort", created));
    if (e.title() != null) {
      d.add(new TextField("title", e.title(), Field.Store.YES));
    }
    String text = SafeHtml.text(e.body());
    d.add(new TextField("text", text, Field.Store.NO));
    d.add(new StoredField("text", text.substring(0, Math.min(text.length(), STORED_TEXT))));
    return d;
  }

  @Override
  public void close() throws IOException {
    lucene.close();
  }
}
