package org.copconnector.connector.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionStore;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.testing.PostgresServer;

/**
 * The bank's search over 50,000 resources (with extracted text) on H2 and on PostgreSQL, and how
 * many 1 MiB PDF uploads per second are received, extracted and indexed. Prints Markdown tables.
 */
public final class BankBenchmark {

  private static final int RESOURCES = 50_000;
  private static final int COMMUNITIES = 100;
  private static final int VOCABULARY = 4000;
  private static final int WORDS_PER_TEXT = 300;
  private static final int QUERIES = 1000;
  private static final int WARMUP = 300;
  private static final String[] KINDS = {
    "LESSON_PLAN", "ACTIVITY", "EVALUATION_INSTRUMENT", "RUBRIC", "READING"
  };
  private static final String[] SUBJECTS = {
    "Matemática", "Português", "Ciências Naturais", "História", "Inglês", "Geografia"
  };

  public static void main(String[] args) throws Exception {
    List<String> words = vocabulary();
    System.out.println("| measurement | result | budget | ratio to budget |");
    System.out.println("|---|---|---|---|");
    Path h2 = Files.createTempDirectory("cop-bench-bank-h2-");
    search("H2 (embedded)", h2, Map.of(), words);
    DatabaseSettings pg = PostgresServer.shared().newDatabase();
    search(
        "PostgreSQL",
        Files.createTempDirectory("cop-bench-bank-pg-"),
        Map.of("COP_DB_URL", pg.url(), "COP_DB_USER", pg.user(), "COP_DB_PASSWORD", pg.password()),
        words);
    uploads(Files.createTempDirectory("cop-bench-bank-up-"));
    System.out.printf(
        "%nmachine: %d cores, Java %s, %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("os.name"));
    System.exit(0);
  }

  private static Connector start(Path dir, Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(extra);
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dir.toString());
    env.put("COP_RESOURCES_UPLOAD_MAX_MIB", "2");
    return Connector.start(new ConfigLoader(env, dir.resolve("none")).load(null), List.of());
  }

  private static void search(String label, Path dir, Map<String, String> env, List<String> words)
      throws Exception {
    try (Connector connector = start(dir, env)) {
      DataSource db = connector.database().dataSource();
      long t0 = System.nanoTime();
      seed(db, words);
      double seeded = (System.nanoTime() - t0) / 1e9;
      String token = session(db, "u0", ProductRole.MEMBER);
      String admin = session(db, "u0", ProductRole.ADMIN);
      OkHttpClient http = new OkHttpClient();
      String base = "http://127.0.0.1:" + connector.port();
      // The index catches up from the change log in the background (every 5 s); wait for it.
      long t1 = System.nanoTime();
      while (!get(http, base + "/api/v1/resources?sort=newest", admin)
          .contains("\"total\":" + RESOURCES)) {
        Thread.sleep(500);
      }
      double indexed = (System.nanoTime() - t1) / 1e9;
      Random random = new Random(7);
      double[] millis = new double[QUERIES];
      long hits = 0;
      for (int i = -WARMUP; i < QUERIES; i++) {
        String q = words.get(50 + random.nextInt(400)) + "+" + words.get(50 + random.nextInt(400));
        String url =
            base
                + "/api/v1/resources?q="
                + q
                + "&kind="
                + KINDS[random.nextInt(KINDS.length)].toLowerCase()
                + "&subject="
                + java.net.URLEncoder.encode(SUBJECTS[random.nextInt(SUBJECTS.length)], "UTF-8");
        long t = System.nanoTime();
        String body = get(http, url, token);
        if (i >= 0) {
          millis[i] = (System.nanoTime() - t) / 1e6;
          hits += body.contains("\"results\":[]") ? 0 : 1;
        }
      }
      Percentiles p = new Percentiles(millis);
      System.out.printf(
          "| %s: two-word query, two filters, over %,d resources (%d of %d with results) | %s | p95 30 ms | %.2f (p95) |%n",
          label, RESOURCES, hits, QUERIES, p.summary("ms"), p.at(95) / 30);
      System.out.printf(
          "| %s: generating the %,d rows / indexing them from the change log | %.1f s / %.1f s | | |%n",
          label, RESOURCES, seeded, indexed);
    }
  }

  private static String session(DataSource db, String user, ProductRole role) {
    return new SessionStore(db, Clock.systemUTC(), Duration.ofHours(8))
        .open(
            new Session(
                null, user, "Teacher " + user, null, "pt", "c0", "Course", role, false, null));
  }

  private static String get(OkHttpClient http, String url, String token) throws Exception {
    try (Response r =
        http.newCall(
                new Request.Builder().url(url).header("Cookie", "cop_session=" + token).build())
            .execute()) {
      String body = r.body().string();
      if (r.code() != 200) {
        throw new IllegalStateException(url + " answered " + r.code() + ": " + body);
      }
      return body;
    }
  }

  /** Made-up words with a Portuguese look, so that queries hit a realistic share of documents. */
  private static List<String> vocabulary() {
    Random random = new Random(1);
    String[] syllables = {
      "ca", "de", "li", "mo", "ra", "se", "ti", "vo", "nha", "ção", "gra", "pe", "qui", "lu", "fa",
      "zo"
    };
    List<String> words = new ArrayList<>();
    while (words.size() < VOCABULARY) {
      StringBuilder w = new StringBuilder();
      int n = 2 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        w.append(syllables[random.nextInt(syllables.length)]);
      }
      if (!words.contains(w.toString())) {
        words.add(w.toString());
      }
    }
    return words;
  }

  private static String text(Random random, List<String> words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < WORDS_PER_TEXT; i++) {
      // Zipf-like: low ranks are common words, high ranks rare ones.
      int rank =
          (int) Math.min(VOCABULARY - 1, Math.floor(Math.pow(VOCABULARY, random.nextDouble())));
      text.append(words.get(rank)).append(' ');
    }
    return text.toString();
  }

  private static void seed(DataSource db, List<String> words) throws Exception {
    Random random = new Random(42);
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      exec(
          c,
          "INSERT INTO lms_course (course_id, title, first_seen_at) VALUES ('c0', 'Course', CURRENT_TIMESTAMP)");
      exec(
          c,
          "INSERT INTO lms_person (lms_user_id, display_name, updated_at) VALUES ('u0', 'Teacher u0', CURRENT_TIMESTAMP)");
      exec(
          c,
          "INSERT INTO lms_course_member (course_id, lms_user_id, roles, group_names) VALUES ('c0', 'u0', 'editingteacher', '')");
      try (PreparedStatement community =
              c.prepareStatement(
                  "INSERT INTO community (id, name, domain, cycles, subjects, sharing, framework, context, focus, joining, created_by, created_at)"
                      + " VALUES (?, ?, 'Bench', '', '', 'BOTH', 'INFORMAL', 'ONE_SCHOOL', '', 'OPEN', 'u0', ?)");
          PreparedStatement anchor =
              c.prepareStatement(
                  "INSERT INTO community_anchor (id, community_id, course_id) VALUES (?, ?, 'c0')");
          PreparedStatement member =
              c.prepareStatement(
                  "INSERT INTO community_member (community_id, lms_user_id, role, status, since) VALUES (?, 'u0', 'MEMBER', 'ACTIVE', ?)")) {
        for (int i = 0; i < COMMUNITIES; i++) {
          community.setString(1, "k" + i);
          community.setString(2, "Community " + i);
          community.setTimestamp(3, now);
          community.addBatch();
          anchor.setString(1, "a" + i);
          anchor.setString(2, "k" + i);
          anchor.addBatch();
          if (i % 10 == 0) {
            member.setString(1, "k" + i);
            member.setTimestamp(2, now);
            member.addBatch();
          }
        }
        community.executeBatch();
        anchor.executeBatch();
        member.executeBatch();
      }
      try (PreparedStatement blob =
              c.prepareStatement(
                  "INSERT INTO blob (sha256, size_bytes, media_type, text_body, created_at) VALUES (?, 1048576, 'application/pdf', ?, ?)");
          PreparedStatement resource =
              c.prepareStatement(
                  "INSERT INTO resource (id, community_id, title, description, kind, subjects, cycles, language, licence, tags, authors,"
                      + " visibility, adapted_from, created_by, created_at, current_version, use_count, rating_sum, rating_count,"
                      + " comment_count, adaptation_count) VALUES (?, ?, ?, ?, ?, ?, '2.º ciclo', 'pt', 'CC_BY', ?, 'Teacher', ?, NULL,"
                      + " 'u0', ?, 1, ?, 0, 0, 0, 0)");
          PreparedStatement version =
              c.prepareStatement(
                  "INSERT INTO resource_version (resource_id, version, sha256, file_name, url, note, created_by, created_at)"
                      + " VALUES (?, 1, ?, 'file.pdf', NULL, '', 'u0', ?)");
          PreparedStatement change =
              c.prepareStatement("INSERT INTO resource_change (resource_id) VALUES (?)")) {
        for (int i = 0; i < RESOURCES; i++) {
          String id = String.format("r%06d", i);
          String sha = String.format("%064x", i);
          blob.setString(1, sha);
          blob.setString(2, text(random, words));
          blob.setTimestamp(3, now);
          blob.addBatch();
          resource.setString(1, id);
          resource.setString(2, "k" + (i % COMMUNITIES));
          resource.setString(
              3,
              words.get(random.nextInt(VOCABULARY)) + " " + words.get(random.nextInt(VOCABULARY)));
          resource.setString(4, text(random, words).substring(0, 300));
          resource.setString(5, KINDS[i % KINDS.length]);
          resource.setString(6, SUBJECTS[i % SUBJECTS.length]);
          resource.setString(7, words.get(random.nextInt(200)));
          resource.setString(8, i % 2 == 0 ? "SITE" : "COMMUNITY");
          resource.setTimestamp(9, Timestamp.from(Instant.now().minusSeconds(i)));
          resource.setInt(10, random.nextInt(20));
          resource.addBatch();
          version.setString(1, id);
          version.setString(2, sha);
          version.setTimestamp(3, now);
          version.addBatch();
          change.setString(1, id);
          change.addBatch();
          if (i % 500 == 499) {
            blob.executeBatch();
            resource.executeBatch();
            version.executeBatch();
            change.executeBatch();
            c.commit();
          }
        }
        blob.executeBatch();
        resource.executeBatch();
        version.executeBatch();
        change.executeBatch();
        c.commit();
      }
    }
  }

  private static void exec(Connection c, String sql) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }

  /** A PDF of about 1 MiB: ten pages of text and a photograph-like (incompressible) picture. */
  static byte[] pdf(Random random) throws Exception {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int page = 0; page < 10; page++) {
        PDPage p = new PDPage();
        doc.addPage(p);
        try (PDPageContentStream content = new PDPageContentStream(doc, p)) {
          content.beginText();
          content.setFont(font, 10);
          content.newLineAtOffset(50, 750);
          for (int line = 0; line < 50; line++) {
            content.showText(
                "Linha "
                    + line
                    + " da pagina "
                    + page
                    + " sobre avaliacao formativa e metacognicao "
                    + random.nextInt(1_000_000));
            content.newLineAtOffset(0, -14);
          }
          content.endText();
        }
      }
      java.awt.image.BufferedImage image =
          new java.awt.image.BufferedImage(600, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
      for (int x = 0; x < image.getWidth(); x++) {
        for (int y = 0; y < image.getHeight(); y++) {
          image.setRGB(x, y, random.nextInt(0xFFFFFF));
        }
      }
      PDImageXObject picture = LosslessFactory.createFromImage(doc, image);
      try (PDPageContentStream content =
          new PDPageContentStream(
              doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND, true)) {
        content.drawImage(picture, 50, 50, 200, 200);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** Uploads and resources made from 1 MiB PDFs by 4 clients at once, each then searchable. */
  private static void uploads(Path dir) throws Exception {
    int files = 120;
    List<byte[]> pdfs = new ArrayList<>();
    Random random = new Random(3);
    for (int i = 0; i < files; i++) {
      pdfs.add(pdf(random));
    }
    double averageMiB = pdfs.stream().mapToInt(b -> b.length).average().orElse(0) / (1024 * 1024);
    try (Connector connector = start(dir, Map.of())) {
      DataSource db = connector.database().dataSource();
      try (Connection c = db.getConnection()) {
        exec(
            c,
            "INSERT INTO lms_course (course_id, title, first_seen_at) VALUES ('c0', 'Course', CURRENT_TIMESTAMP)");
        exec(
            c,
            "INSERT INTO lms_person (lms_user_id, display_name, updated_at) VALUES ('u0', 'Teacher u0', CURRENT_TIMESTAMP)");
        exec(
            c,
            "INSERT INTO lms_course_member (course_id, lms_user_id, roles, group_names) VALUES ('c0', 'u0', 'editingteacher', '')");
        exec(
            c,
            "INSERT INTO community (id, name, domain, cycles, subjects, sharing, framework, context, focus, joining, created_by, created_at)"
                + " VALUES ('k0', 'Bench', 'Bench', '', '', 'BOTH', 'INFORMAL', 'ONE_SCHOOL', '', 'OPEN', 'u0', CURRENT_TIMESTAMP)");
        exec(
            c,
            "INSERT INTO community_anchor (id, community_id, course_id) VALUES ('a0', 'k0', 'c0')");
        exec(
            c,
            "INSERT INTO community_member (community_id, lms_user_id, role, status, since) VALUES ('k0', 'u0', 'FACILITATOR', 'ACTIVE', CURRENT_TIMESTAMP)");
      }
      String token = session(db, "u0", ProductRole.MEMBER);
      OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofMinutes(2)).build();
      String base = "http://127.0.0.1:" + connector.port();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      // Warm-up: the first documents load the parsers.
      for (int i = 0; i < 8; i++) {
        upload(http, base, token, pdfs.get(i), i);
      }
      long t0 = System.nanoTime();
      List<Future<Double>> done = new ArrayList<>();
      for (int i = 8; i < files; i++) {
        int n = i;
        done.add(pool.submit(() -> upload(http, base, token, pdfs.get(n), n)));
      }
      double[] millis = new double[done.size()];
      for (int i = 0; i < done.size(); i++) {
        millis[i] = done.get(i).get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      pool.shutdown();
      double rate = done.size() / seconds;
      Percentiles p = new Percentiles(millis);
      System.out.printf(
          "| 1 MiB PDF uploads (%.2f MiB average; upload, type check, text extraction, resource, index), 4 clients | %.1f per second over %d files; each %s | 20 per second | %.2f |%n",
          averageMiB, rate, done.size(), p.summary("ms"), rate / 20);
      if (!get(http, base + "/api/v1/resources?q=metacognicao", token)
          .contains("\"total\":" + files)) {
        throw new IllegalStateException("not every upload was found by its text");
      }
    }
  }

  private static double upload(OkHttpClient http, String base, String token, byte[] pdf, int n)
      throws Exception {
    long t = System.nanoTime();
    String uploadId;
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(base + "/api/v1/uploads")
                    .header("Cookie", "cop_session=" + token)
                    .header("X-Requested-With", "cop-connector")
                    .header("X-File-Name", "plano-" + n + ".pdf")
                    .post(RequestBody.create(pdf, MediaType.get("application/octet-stream")))
                    .build())
            .execute()) {
      String body = r.body().string();
      if (r.code() != 201) {
        throw new IllegalStateException("upload answered " + r.code() + ": " + body);
      }
      uploadId =
          com.google.gson.JsonParser.parseString(body)
              .getAsJsonObject()
              .get("uploadId")
              .getAsString();
    }
    String json =
        "{\"communityId\":\"k0\",\"uploadId\":\"" + uploadId + "\",\"title\":\"Plano " + n + "\"}";
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(base + "/api/v1/resources")
                    .header("Cookie", "cop_session=" + token)
                    .header("X-Requested-With", "cop-connector")
                    .post(RequestBody.create(json, MediaType.get("application/json")))
                    .build())
            .execute()) {
      if (r.code() != 201) {
        throw new IllegalStateException("resource answered " + r.code() + ": " + r.body().string());
      }
    }
    return (System.nanoTime() - t) / 1e6;
  }
}
