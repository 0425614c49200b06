package org.copconnector.plugin.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
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

/**
 * A full-text index (Lucene, one per instance, on local disk or, for the demo, in memory) that
 * follows a change log of the database: it holds documents keyed by the {@value #ID} field and the
 * last change it took in. Words are lower case with accents folded, for Portuguese and English
 * alike, without stemming.
 */
public final class LuceneIndex implements Closeable {

  /** The field every document is keyed by. */
  public static final String ID = "id";

  private static final String SEQ = "seq";
  private static final int MAX_WORDS = 12;

  private final Analyzer analyzer = new FoldingAnalyzer();
  private final Path folder;
  private Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;
  private boolean uncommitted;

  /** The index opens on first use, so that start-up does not wait for it. */
  public LuceneIndex(Path folder) {
    this.folder = folder;
  }

  /** An index kept in memory only, gone when closed (demo mode writes nothing to disk). */
  public static LuceneIndex inMemory() {
    return new LuceneIndex(null);
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

  /**
   * Replaces the documents of {@code ids} with those given (an id without one is removed), records
   * {@code seq} and makes the change searchable. It is made durable by {@link #commit()}: an index
   * that lost its last changes in a crash takes them in again from the log.
   */
  public synchronized void apply(List<String> ids, List<Document> documents, long seq)
      throws IOException {
    open();
    Set<String> kept = new HashSet<>();
    for (Document d : documents) {
      kept.add(d.get(ID));
      writer.updateDocument(new Term(ID, d.get(ID)), d);
    }
    for (String id : ids) {
      if (!kept.contains(id)) {
        writer.deleteDocuments(new Term(ID, id));
      }
    }
    writer.setLiveCommitData(Map.of(SEQ, Long.toString(seq)).entrySet());
    uncommitted = true;
    searchers.maybeRefreshBlocking();
  }

  /** Drops everything (before a rebuild). */
  public synchronized void clear() throws IOException {
    open();
    writer.deleteAll();
    writer.setLiveCommitData(Map.of(SEQ, "0").entrySet());
    uncommitted = true;
    searchers.maybeRefreshBlocking();
  }

  /** Writes what changed since the last commit to disk; an index in memory has nothing to keep. */
  public synchronized void commit() throws IOException {
    if (writer != null && uncommitted && folder != null) {
      writer.commit();
    }
    uncommitted = false;
  }

  /** A page of results, and how many matched in all (at least that many when not exact). */
  public record Page<T>(List<T> hits, long total, boolean exact) {}

  /** Makes a result of a matching document's stored fields. */
  public interface Result<T> {
    T of(Document stored) throws IOException;
  }

  /**
   * Documents {@code offset} to {@code offset + limit} of those matching {@code query}, in {@code
   * sort} order, on the latest searchable state.
   */
  public <T> Page<T> page(Query query, Sort sort, int offset, int limit, Result<T> result)
      throws IOException {
    open();
    IndexSearcher searcher = searchers.acquire();
    try {
      TopFieldDocs top = searcher.search(query, Math.max(1, offset + limit), sort, false);
      List<T> hits = new ArrayList<>();
      for (int i = offset; i < top.scoreDocs.length; i++) {
        hits.add(result.of(searcher.storedFields().document(top.scoreDocs[i].doc)));
      }
      return new Page<>(
          hits, top.totalHits.value, top.totalHits.relation == TotalHits.Relation.EQUAL_TO);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Asks for every one of {@code words}, each in any of the fields, which weigh as given; without
   * words, for everything.
   */
  public static void everyWord(
      BooleanQuery.Builder query, List<String> words, Map<String, Float> weights) {
    if (words.isEmpty()) {
      query.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    for (String word : words) {
      BooleanQuery.Builder anyField = new BooleanQuery.Builder();
      weights.forEach(
          (field, weight) ->
              anyField.add(
                  new BoostQuery(new TermQuery(new Term(field, word)), weight), Occur.SHOULD));
      query.add(anyField.build(), Occur.MUST);
    }
  }

  /** Documents whose {@code field} is one of {@code values}. */
  public static Query anyOf(String field, List<String> values) {
    return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
  }

  /** The words of a query as the index holds them (lower case, accents folded), at most 12. */
  public List<String> words(String text) throws IOException {
    List<String> words = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    try (TokenStream stream = analyzer.tokenStream("", text)) {
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

  /**
   * The best passage of {@code value} (about {@code length} characters) with the words of {@code
   * query} in {@code field} marked by {@code <mark>}, everything else HTML-escaped; null when none
   * matched.
   */
  public String highlight(Query query, String field, String value, int length) throws IOException {
    if (value == null || value.isEmpty()) {
      return null;
    }
    Highlighter highlighter =
        new Highlighter(
            new SimpleHTMLFormatter("<mark>", "</mark>"),
            new SimpleHTMLEncoder(),
            new QueryScorer(query, field));
    highlighter.setTextFragmenter(new SimpleFragmenter(length));
    try {
      return highlighter.getBestFragment(analyzer, field, value);
    } catch (InvalidTokenOffsetsException e) {
      return null; // left unmarked
    }
  }

  /** Filter values compare without case or accents ("Físico-Química" = "fisico-quimica"). */
  public static String keyword(String value) {
    String folded =
        Normalizer.normalize(value.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
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
