package org.copconnector.plugin.resource;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
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
import org.apache.lucene.util.BytesRef;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.search.LuceneIndex;

/**
 * The full-text index of the bank: titles, descriptions, tags and the text inside files, with the
 * filters and the access facts of each resource. The database stays the source of truth: the index
 * follows its change log ({@code resource_change}), so every instance (and every database) answers
 * a query the same way.
 */
public final class ResourceIndex implements Closeable {

  /** What goes into the index for one resource. */
  public record Entry(
      Resource resource, List<String> communities, List<String> authorCourses, String text) {}

  /** Who is searching: administrators see everything. */
  public record Viewer(boolean admin, List<String> communities, List<String> courses) {}

  /** Filters; nulls match everything. */
  public record Filters(
      String kind,
      String subject,
      String cycle,
      String language,
      String licence,
      String community) {}

  /** How results are ordered. */
  public enum Order {
    RELEVANCE,
    NEWEST,
    MOST_USEFUL
  }

  /** One result: the resource id and the matched words marked in each field that had them. */
  public record Hit(String id, Map<String, String> highlights) {}

  /** A page of results and how many matched in all. */
  public record Results(List<Hit> hits, long total) {}

  private static final int STORED_TEXT = 20_000;

  private final LuceneIndex lucene;

  /** The index opens on first use, so that start-up does not wait for it. */
  public ResourceIndex(Path folder) {
    this.lucene = new LuceneIndex(folder);
  }

  /** An index kept in memory only, gone when closed (demo mode writes nothing to disk). */
  public static ResourceIndex inMemory() {
    return new ResourceIndex(null);
  }

  /** The index itself, which the bank's catch-up with the change log writes. */
  LuceneIndex lucene() {
    return lucene;
  }

  public Results search(
      String text, Filters filters, Viewer viewer, Order order, int offset, int limit)
      throws IOException {
    List<String> words = lucene.words(text);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    // Every word must appear, in any field; titles and tags weigh more than the file's text.
    LuceneIndex.everyWord(
        query, words, Map.of("title", 3f, "tags", 2f, "description", 1.5f, "text", 1f));
    filter(query, "kind", filters.kind());
    filter(query, "subject", filters.subject());
    filter(query, "cycle", filters.cycle());
    filter(query, "language", filters.language());
    filter(query, "licence", filters.licence());
    filter(query, "community", filters.community());
    if (!viewer.admin()) {
      query.add(access(viewer), Occur.FILTER);
    }
    Query built = query.build();
    // Ties go to the newer resource, then to the id, so every instance orders alike.
    SortField newest = new SortField("created", SortField.Type.LONG, true);
    SortField byId = new SortField("id_sort", SortField.Type.STRING);
    Sort sort =
        switch (order) {
          case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newest, byId);
          case NEWEST -> new Sort(newest, byId);
          case MOST_USEFUL ->
              new Sort(new SortField("useful", SortField.Type.DOUBLE, true), newest, byId);
        };
    LuceneIndex.Page<Hit> page =
        lucene.page(
            built,
            sort,
            offset,
            limit,
            stored ->
                new Hit(
                    stored.get(LuceneIndex.ID),
                    words.isEmpty() ? Map.of() : highlights(built, stored)));
    return new Results(page.hits(), page.total());
  }

  /** Shown when public to the site, or shared with one of my communities, or my colleague's. */
  private static Query access(Viewer viewer) {
    BooleanQuery.Builder any =
        new BooleanQuery.Builder().add(new TermQuery(new Term("visibility", "site")), Occur.SHOULD);
    if (!viewer.communities().isEmpty()) {
      any.add(LuceneIndex.anyOf("community", viewer.communities()), Occur.SHOULD);
    }
    if (!viewer.courses().isEmpty()) {
      any.add(
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term("visibility", "courses")), Occur.FILTER)
              .add(LuceneIndex.anyOf("course", viewer.courses()), Occur.FILTER)
              .build(),
          Occur.SHOULD);
    }
    return any.build();
  }

  private static void filter(BooleanQuery.Builder query, String field, String value) {
    if (value != null && !value.isBlank()) {
      query.add(new TermQuery(new Term(field, LuceneIndex.keyword(value))), Occur.FILTER);
    }
  }

  private Map<String, String> highlights(Query query, Document stored) throws IOException {
    Map<String, String> marked = new LinkedHashMap<>();
    for (String field : List.of("title", "description", "tags", "text")) {
      String fragment =
          lucene.highlight(query, field, stored.get(field), field.equals("text") ? 160 : 400);
      if (fragment != null) {
        marked.put(field, fragment);
      }
    }
    return marked;
  }

  /** The resource's document: its words, its filters and who may find it. */
  static Document document(Entry e) {
    Resource r = e.resource();
    Document d = new Document();
    d.add(new StringField(LuceneIndex.ID, r.id(), Field.Store.YES));
    d.add(new SortedDocValuesField("id_sort", new BytesRef(r.id())));
    d.add(new TextField("title", r.title(), Field.Store.YES));
    // Its words, not its markup: searched and highlighted as text.
    d.add(new TextField("description", SafeHtml.text(r.description()), Field.Store.YES));
    d.add(new TextField("tags", String.join(" · ", r.tags()), Field.Store.YES));
    d.add(new TextField("text", e.text(), Field.Store.NO));
    if (!e.text().isEmpty()) {
      d.add(
          new StoredField("text", e.text().substring(0, Math.min(e.text().length(), STORED_TEXT))));
    }
    d.add(new StringField("kind", LuceneIndex.keyword(r.kind().name()), Field.Store.NO));
    d.add(new StringField("language", LuceneIndex.keyword(r.language()), Field.Store.NO));
    d.add(new StringField("licence", LuceneIndex.keyword(r.licence().name()), Field.Store.NO));
    d.add(
        new StringField("visibility", LuceneIndex.keyword(r.visibility().name()), Field.Store.NO));
    r.subjects()
        .forEach(s -> d.add(new StringField("subject", LuceneIndex.keyword(s), Field.Store.NO)));
    r.cycles()
        .forEach(s -> d.add(new StringField("cycle", LuceneIndex.keyword(s), Field.Store.NO)));
    e.communities().forEach(s -> d.add(new StringField("community", s, Field.Store.NO)));
    e.authorCourses().forEach(s -> d.add(new StringField("course", s, Field.Store.NO)));
    d.add(new NumericDocValuesField("created", r.createdAt().toEpochMilli()));
    d.add(new DoubleDocValuesField("useful", r.counts().usefulness()));
    return d;
  }

  @Override
  public void close() throws IOException {
    lucene.close();
  }
}
