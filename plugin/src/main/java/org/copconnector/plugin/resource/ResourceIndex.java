package org.copconnector.plugin.resource;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.copconnector.plugin.discussion.SafeHtml;

/**
 * The full-text index of the bank (Lucene, one per instance, on local disk or, for the demo, in
 * memory): titles, descriptions, tags and the text inside files, with the filters and the access
 * facts of each resource. The database stays the source of truth: the index follows its change log,
 * so every instance (and every database) answers a query the same way.
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

  private static final String SEQ = "seq";
  private static final int STORED_TEXT = 20_000;
  private static final int MAX_WORDS = 12;

  private final Analyzer analyzer = new FoldingAnalyzer();
  private final Path folder;
  private Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;

  /** The index opens on first use, so that start-up does not wait for it. */
  public ResourceIndex(Path folder) {
    this.folder = folder;
  }

  /** An index kept in memory only, gone when closed (demo mode writes nothing to disk). */
  public static ResourceIndex inMemory() {
    return new ResourceIndex(null);
  }

  private synchronized void open() {
    if (writer != null) {
      return;
    }
    try {
      directory = folder == null ? new ByteBuffersDirectory() : FSDirectory.open(folder);
      writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(analyzer)
                  .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the search index at " + (folder == null ? "memory" : folder), e);
    }
  }

  /** The last change of the database's log that the index holds. */
  public synchronized long seq() {
    open();
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (e.getKey().equals(SEQ)) {
          return Long.parseLong(e.getValue());
        }
      }
    }
    return 0;
  }

  /** Replaces the entries given (and removes the ids without one), then records {@code seq}. */
  public synchronized void apply(List<Entry> entries, List<String> removed, long seq)
      throws IOException {
    open();
    for (Entry e : entries) {
      writer.updateDocument(new Term("id", e.resource().id()), document(e));
    }
    for (String id : removed) {
      writer.deleteDocuments(new Term("id", id));
    }
    writer.setLiveCommitData(Map.of(SEQ, Long.toString(seq)).entrySet());
    commit();
  }

  /** Drops everything (before a rebuild). */
  public synchronized void clear() throws IOException {
    open();
    writer.deleteAll();
    writer.setLiveCommitData(Map.of(SEQ, "0").entrySet());
    commit();
  }

  /**
   * Makes the changes searchable, and durable on disk; an index in memory skips the commit (nothing
   * outlives it, and the last change it holds is read from the writer either way).
   */
  private void commit() throws IOException {
    if (folder != null) {
      writer.commit();
    }
    searchers.maybeRefreshBlocking();
  }

  public Results search(
      String text, Filters filters, Viewer viewer, Order order, int offset, int limit)
      throws IOException {
    List<String> words = words(text);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (words.isEmpty()) {
      query.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    for (String word : words) {
      // Every word must appear, in any field; titles and tags weigh more than the file's text.
      query.add(
          new BooleanQuery.Builder()
              .add(new BoostQuery(new TermQuery(new Term("title", word)), 3f), Occur.SHOULD)
              .add(new BoostQuery(new TermQuery(new Term("tags", word)), 2f), Occur.SHOULD)
              .add(new BoostQuery(new TermQuery(new Term("description", word)), 1.5f), Occur.SHOULD)
              .add(new TermQuery(new Term("text", word)), Occur.SHOULD)
              .build(),
          Occur.MUST);
    }
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
    open();
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
    IndexSearcher searcher = searchers.acquire();
    try {
      TopFieldDocs top = searcher.search(built, Math.max(1, offset + limit), sort, false);
      List<Hit> hits = new ArrayList<>();
      for (int i = offset; i < top.scoreDocs.length; i++) {
        ScoreDoc doc = top.scoreDocs[i];
        Document stored = searcher.storedFields().document(doc.doc);
        hits.add(new Hit(stored.get("id"), words.isEmpty() ? Map.of() : highlights(built, stored)));
      }
      return new Results(hits, top.totalHits.value);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Shown when public to the site, or shared with one of my communities, or my colleague's. */
  private static Query access(Viewer viewer) {
    BooleanQuery.Builder any =
        new BooleanQuery.Builder().add(new TermQuery(new Term("visibility", "site")), Occur.SHOULD);
    if (!viewer.communities().isEmpty()) {
      any.add(new TermInSetQuery("community", bytes(viewer.communities())), Occur.SHOULD);
    }
    if (!viewer.courses().isEmpty()) {
      any.add(
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term("visibility", "courses")), Occur.FILTER)
              .add(new TermInSetQuery("course", bytes(viewer.courses())), Occur.FILTER)
              .build(),
          Occur.SHOULD);
    }
    return any.build();
  }

  private static List<BytesRef> bytes(List<String> values) {
    return values.stream().map(BytesRef::new).toList();
  }

  private static void filter(BooleanQuery.Builder query, String field, String value) {
    if (value != null && !value.isBlank()) {
      query.add(new TermQuery(new Term(field, keyword(value))), Occur.FILTER);
    }
  }

  private Map<String, String> highlights(Query query, Document stored) throws IOException {
    Map<String, String> marked = new LinkedHashMap<>();
    for (String field : List.of("title", "description", "tags", "text")) {
      String value = stored.get(field);
      if (value == null || value.isEmpty()) {
        continue;
      }
      Highlighter highlighter =
          new Highlighter(
              new SimpleHTMLFormatter("<mark>", "</mark>"),
              new SimpleHTMLEncoder(),
              new QueryScorer(query, field));
      highlighter.setTextFragmenter(new SimpleFragmenter(field.equals("text") ? 160 : 400));
      try {
        String fragment = highlighter.getBestFragment(analyzer, field, value);
        if (fragment != null) {
          marked.put(field, fragment);
        }
      } catch (InvalidTokenOffsetsException e) {
        // Leave the field unmarked.
      }
    }
    return marked;
  }

  /** The words of a query as the index holds them (lower case, accents folded). */
  private List<String> words(String text) throws IOException {
    List<String> words = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    try (TokenStream stream = analyzer.tokenStream("title", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && words.size() < MAX_WORDS) {
        if (!words.contains(term.toString())) {
          words.add(term.toString());
        }
      }
      stream.end();
    }
    return words;
  }

  private static Document document(Entry e) {
    Resource r = e.resource();
    Document d = new Document();
    d.add(new StringField("id", r.id(), Field.Store.YES));
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
    d.add(new StringField("kind", keyword(r.kind().name()), Field.Store.NO));
    d.add(new StringField("language", keyword(r.language()), Field.Store.NO));
    d.add(new StringField("licence", keyword(r.licence().name()), Field.Store.NO));
    d.add(new StringField("visibility", keyword(r.visibility().name()), Field.Store.NO));
    r.subjects().forEach(s -> d.add(new StringField("subject", keyword(s), Field.Store.NO)));
    r.cycles().forEach(s -> d.add(new StringField("cycle", keyword(s), Field.Store.NO)));
    e.communities().forEach(s -> d.add(new StringField("community", s, Field.Store.NO)));
    e.authorCourses().forEach(s -> d.add(new StringField("course", s, Field.Store.NO)));
    d.add(new NumericDocValuesField("created", r.createdAt().toEpochMilli()));
    d.add(new DoubleDocValuesField("useful", r.counts().usefulness()));
    return d;
  }

  /** Filter values compare without case or accents ("Físico-Química" = "fisico-quimica"). */
  static String keyword(String value) {
    String folded =
        java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return folded.toLowerCase(Locale.ROOT);
  }

  @Override
  public synchronized void close() throws IOException {
    if (writer == null) {
      return;
    }
    searchers.close();
    writer.close();
    directory.close();
    writer = null;
  }

  /** Words, lower case, accents folded: Portuguese and English alike, without stemming. */
  private static final class FoldingAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String field, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
