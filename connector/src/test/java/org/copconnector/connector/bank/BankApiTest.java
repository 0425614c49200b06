package org.copconnector.connector.bank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource bank over HTTP (demo schools, 1 MiB upload limit): files round-trip exactly, what is
 * over the limit or not a document is refused, names cannot reach outside the store, the text
 * inside documents is searchable, and each rule of who sees and changes what holds.
 */
class BankApiTest {

  private static final String NETWORK = "demo-rede-ciencias";
  private static final int LIMIT = 1024 * 1024;

  @TempDir static Path dataDir;
  private static DemoHub hub;
  private static String filipe; // facilitator
  private static String gabriela; // teacher
  private static String ines; // teacher
  private static String community;

  @BeforeAll
  static void start() throws Exception {
    hub = DemoHub.start(dataDir, Map.of("COP_RESOURCES_UPLOAD_MAX_MIB", "1"));
    filipe = hub.enter("d07", NETWORK);
    gabriela = hub.enter("d08", NETWORK);
    ines = hub.enter("d10", NETWORK);
    Answer created =
        hub.call(
            filipe,
            "POST",
            "/api/v1/communities",
            "{\"name\":\"Banco de recursos\",\"domain\":\"Materiais partilhados\",\"joining\":\"request\"}");
    community = created.object().get("id").getAsString();
    hub.call(gabriela, "POST", "/api/v1/communities/" + community + "/join", null);
    hub.call(filipe, "POST", "/api/v1/communities/" + community + "/requests/d08/approve", null);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String uploaded(String session, byte[] bytes, String name) throws IOException {
    Answer up = hub.upload(session, bytes, name);
    assertEquals(201, up.status(), String.valueOf(up.json()));
    return up.object().get("uploadId").getAsString();
  }

  private static JsonObject resource(String session, String uploadId, String title, String extra)
      throws IOException {
    Answer created =
        hub.call(
            session,
            "POST",
            "/api/v1/resources",
            "{\"communityId\":\""
                + community
                + "\",\"uploadId\":\""
                + uploadId
                + "\",\"title\":"
                + new com.google.gson.JsonPrimitive(title)
                + extra
                + "}");
    assertEquals(201, created.status(), String.valueOf(created.json()));
    return created.object();
  }

  private static JsonArray search(String session, String query) throws IOException {
    Answer found = hub.call(session, "GET", "/api/v1/resources?" + query, null);
    assertEquals(200, found.status(), String.valueOf(found.json()));
    return found.object().getAsJsonArray("results");
  }

  @Test
  void filesRoundTripExactlyUpToTheLimit() throws Exception {
    byte[] pdf = Documents.pdf("Plano de aula sobre fracoes equivalentes");
    byte[] atLimit =
        "abcdefghij\n"
            .repeat(LIMIT / 11 + 1)
            .substring(0, LIMIT)
            .getBytes(StandardCharsets.US_ASCII);
    for (byte[] content : List.of(pdf, atLimit)) {
      Answer up = hub.upload(gabriela, content, "ficheiro.pdf");
      assertEquals(201, up.status(), String.valueOf(up.json()));
      assertEquals(sha256(content), up.object().get("sha256").getAsString());
      JsonObject r = resource(gabriela, up.object().get("uploadId").getAsString(), "Ficheiro", "");
      DemoHub.Download file =
          hub.download(
              gabriela, "/api/v1/resources/" + r.get("id").getAsString() + "/versions/1/file");
      assertEquals(200, file.status());
      assertArrayEquals(content, file.bytes());
      assertEquals(sha256(content), sha256(file.bytes()));
      assertTrue(file.headers().get("Content-Disposition").startsWith("attachment"));
      assertEquals("nosniff", file.headers().get("X-Content-Type-Options"));
    }
  }

  @Test
  void anOverLimitUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", hub.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: cop_session="
                  + gabriela
                  + "\r\nX-Requested-With: cop-connector\r\nContent-Type: application/octet-stream\r\n"
                  + "Content-Length: "
                  + (50L * LIMIT)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[1024]); // 1 KiB of the announced 50 MiB, then nothing more
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 413", status, "answered while 50 MiB were still to come");
    }
    // Without a declared length, reading stops once the limit is passed.
    Answer chunkedOver = hub.uploadChunked(gabriela, new byte[LIMIT + 1], "big.txt");
    assertEquals(413, chunkedOver.status());
    try (Stream<Path> files = Files.walk(dataDir)) {
      assertTrue(
          files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "nothing half-kept");
    }
  }

  @Test
  void aFileWhoseContentIsNotADocumentIsRefusedWhateverItsName() throws Exception {
    Answer zip = hub.upload(gabriela, Documents.zip(), "lesson.pdf");
    assertEquals(415, zip.status(), String.valueOf(zip.json()));
    assertEquals("unsupported_type", zip.object().get("error").getAsString());
    assertEquals("file_type_not_allowed", zip.object().get("reason").getAsString());
    assertEquals(
        "application/zip",
        zip.object().getAsJsonObject("details").get("mediaType").getAsString(),
        "the translation quotes the type found");
    Answer html =
        hub.upload(
            gabriela,
            "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8),
            "notes.txt");
    assertEquals(415, html.status(), String.valueOf(html.json()));
  }

  @Test
  void namesWithFoldersDotsOrControlCharactersCannotEscapeTheStore() throws Exception {
    byte[] content = "Grelha de observação de aulas".getBytes(StandardCharsets.UTF_8);
    for (String name :
        List.of(
            "../../../../tmp/evil.txt",
            "..\\..\\win.ini",
            "a\u0000b\u0007c\n.txt",
            "..",
            "/etc/passwd")) {
      Answer up = hub.upload(gabriela, content, name);
      assertEquals(201, up.status(), name);
      String stored = up.object().get("fileName").getAsString();
      assertFalse(stored.contains("/") || stored.contains("\\") || stored.contains(".."), stored);
      assertTrue(stored.chars().noneMatch(Character::isISOControl), stored);
    }
    Path store = dataDir.toRealPath();
    assertFalse(Files.exists(Path.of("/tmp/evil.txt")), "nothing written outside the store");
    try (Stream<Path> files = Files.walk(store)) {
      assertTrue(files.allMatch(f -> f.toAbsolutePath().normalize().startsWith(store)));
    }
  }

  @Test
  void theWordsInsidePdfOdtDocxAndPptxFilesAreFoundAndMarked() throws Exception {
    Map<String, byte[]> files =
        Map.of(
            "quasicristal", Documents.pdf("Atividade experimental quasicristal no laboratorio"),
            "heliotropismo", Documents.odt("Guia de leitura sobre heliotropismo das plantas"),
            "estequiometria", Documents.docx("Rubrica de avaliacao da estequiometria"),
            "paleomagnetismo", Documents.pptx("Apresentacao sobre paleomagnetismo"));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      resource(
          gabriela,
          uploaded(gabriela, f.getValue(), f.getKey() + ".bin"),
          "Material " + f.getKey().substring(0, 3),
          ",\"kind\":\"activity\",\"subjects\":[\"Ciências Naturais\"]");
    }
    for (String word : files.keySet()) {
      JsonArray found = search(gabriela, "q=" + word);
      assertEquals(1, found.size(), word);
      String marked =
          found.get(0).getAsJsonObject().getAsJsonObject("highlights").get("text").getAsString();
      assertTrue(marked.contains("<mark>" + word + "</mark>"), marked);
    }
    assertEquals(
        1,
        search(gabriela, "q=rubrica+estequiometria&kind=activity&subject=ciencias+naturais").size(),
        "two words and two filters (accents and case ignored)");
    assertEquals(0, search(gabriela, "q=rubrica+estequiometria&kind=rubric").size());
  }

  @Test
  void communityResourcesAreHiddenFromOthersUntilSharedWithTheSite() throws Exception {
    JsonObject r =
        resource(
            gabriela,
            uploaded(gabriela, Documents.pdf("Protocolo sismografo caseiro"), "sismo.pdf"),
            "Sismógrafo caseiro",
            "");
    String id = r.get("id").getAsString();
    assertEquals(404, hub.call(ines, "GET", "/api/v1/resources/" + id, null).status());
    assertEquals(0, search(ines, "q=sismografo").size());
    assertEquals(404, hub.download(ines, "/api/v1/resources/" + id + "/versions/1/file").status());
    assertEquals(
        403,
        hub.call(
                ines,
                "POST",
                "/api/v1/resources",
                "{\"communityId\":\""
                    + community
                    + "\",\"url\":\"https://x.example\",\"title\":\"x\"}")
            .status(),
        "only members add to a community's bank");
    assertEquals(
        200,
        hub.call(
                filipe,
                "PUT",
                "/api/v1/resources/" + id + "/visibility",
                "{\"visibility\":\"site\"}")
            .status(),
        "the community's facilitator may change it");
    assertEquals(200, hub.call(ines, "GET", "/api/v1/resources/" + id, null).status());
    assertEquals(1, search(ines, "q=sismografo").size());
    assertEquals(
        403,
        hub.call(
                ines,
                "PUT",
                "/api/v1/resources/" + id + "/visibility",
                "{\"visibility\":\"community\"}")
            .status(),
        "others may not");
  }

  @Test
  void newVersionsKeepOlderOnesAndTellThoseWhoUsedIt() throws Exception {
    byte[] v1 = Documents.pdf("Teste diagnostico versao um");
    byte[] v2 = Documents.pdf("Teste diagnostico versao dois");
    JsonObject r = resource(gabriela, uploaded(gabriela, v1, "teste.pdf"), "Teste diagnóstico", "");
    String id = r.get("id").getAsString();
    Answer used =
        hub.call(
            filipe,
            "POST",
            "/api/v1/resources/" + id + "/uses",
            "{\"note\":\"Correu bem no 7.º B\"}");
    assertEquals(200, used.status(), String.valueOf(used.json()));
    hub.call(
        gabriela, "POST", "/api/v1/resources/" + id + "/uses", "{\"note\":\"a autora também\"}");
    assertEquals(
        404,
        hub.call(
                ines,
                "POST",
                "/api/v1/resources/" + id + "/versions",
                "{\"url\":\"https://x.example\"}")
            .status(),
        "outside the community it does not exist");
    Answer v =
        hub.call(
            gabriela,
            "POST",
            "/api/v1/resources/" + id + "/versions",
            "{\"uploadId\":\""
                + uploaded(gabriela, v2, "teste-v2.pdf")
                + "\",\"note\":\"Perguntas revistas\"}");
    assertEquals(200, v.status(), String.valueOf(v.json()));
    assertEquals(2, v.object().getAsJsonObject("resource").get("currentVersion").getAsInt());
    assertArrayEquals(
        v1, hub.download(gabriela, "/api/v1/resources/" + id + "/versions/1/file").bytes());
    assertArrayEquals(
        v2, hub.download(gabriela, "/api/v1/resources/" + id + "/versions/2/file").bytes());
    JsonObject seenByFilipe = hub.call(filipe, "GET", "/api/v1/resources/" + id, null).object();
    assertTrue(seenByFilipe.get("newerThanMine").getAsBoolean());
    assertEquals(1, seenByFilipe.get("myUsedVersion").getAsInt());
    String rui = hub.enter("d01", NETWORK);
    String outbox =
        hub.call(rui, "GET", "/api/v1/admin/outbox?status=PENDING", null).json().toString()
            + hub.call(rui, "GET", "/api/v1/admin/outbox?status=DELIVERED", null).json().toString();
    assertEquals(
        1,
        outbox.split("\"notify.message\"", -1).length - 1,
        "one notification: Filipe used it, Gabriela wrote it: " + outbox);
  }

  @Test
  void usesRatingsCommentsAndAdaptationsAreCounted() throws Exception {
    JsonObject r =
        resource(
            gabriela,
            uploaded(gabriela, Documents.docx("Roteiro de visita de estudo"), "roteiro.docx"),
            "Roteiro",
            "");
    String id = r.get("id").getAsString();
    hub.call(filipe, "PUT", "/api/v1/resources/" + id + "/rating", "{\"stars\":4}");
    hub.call(filipe, "PUT", "/api/v1/resources/" + id + "/rating", "{\"stars\":5}");
    hub.call(gabriela, "PUT", "/api/v1/resources/" + id + "/rating", "{\"stars\":3}");
    assertEquals(
        422,
        hub.call(gabriela, "PUT", "/api/v1/resources/" + id + "/rating", "{\"stars\":6}").status());
    hub.call(
        filipe,
        "POST",
        "/api/v1/resources/" + id + "/comments",
        "{\"text\":\"Usei com o 8.º ano.\"}");
    hub.call(filipe, "POST", "/api/v1/resources/" + id + "/uses", "{\"note\":\"\"}");
    JsonObject adapted =
        resource(
            filipe,
            uploaded(filipe, Documents.docx("Roteiro adaptado"), "roteiro2.docx"),
            "Roteiro adaptado",
            ",\"adaptedFrom\":\"" + id + "\"");
    JsonObject view = hub.call(gabriela, "GET", "/api/v1/resources/" + id, null).object();
    JsonObject counts = view.getAsJsonObject("resource").getAsJsonObject("counts");
    assertEquals(1, counts.get("uses").getAsInt());
    assertEquals(2, counts.get("ratings").getAsInt());
    assertEquals(4.0, counts.get("averageRating").getAsDouble(), 1e-9);
    assertEquals(1, counts.get("comments").getAsInt());
    assertEquals(1, counts.get("adaptations").getAsInt());
    assertEquals(
        adapted.get("id").getAsString(), view.getAsJsonArray("adaptations").get(0).getAsString());
    assertEquals(
        id,
        hub.call(gabriela, "GET", "/api/v1/resources/" + adapted.get("id").getAsString(), null)
            .object()
            .getAsJsonObject("resource")
            .get("adaptedFrom")
            .getAsString(),
        "the link goes both ways");
  }

  @Test
  void usingAResourceAgainUpdatesThePersonsNoteAndCountsOnce() throws Exception {
    JsonObject r =
        resource(
            gabriela,
            uploaded(gabriela, Documents.pdf("Ficha de leitura orientada"), "ficha.pdf"),
            "Ficha de leitura",
            "");
    String id = r.get("id").getAsString();
    String uses = "/api/v1/resources/" + id + "/uses";
    assertEquals(
        200, hub.call(filipe, "POST", uses, "{\"note\":\"Correu bem no 7.º B\"}").status());
    Answer again = hub.call(filipe, "POST", uses, "{\"note\":\"No 8.º A correu ainda melhor\"}");
    assertEquals(200, again.status(), String.valueOf(again.json()));
    hub.call(gabriela, "POST", uses, "{\"note\":\"\"}");

    JsonObject view = hub.call(gabriela, "GET", "/api/v1/resources/" + id, null).object();
    assertEquals(
        2,
        view.getAsJsonObject("resource").getAsJsonObject("counts").get("uses").getAsInt(),
        "one use per person, however often they say it");
    JsonArray listed = view.getAsJsonArray("uses");
    assertEquals(2, listed.size(), listed.toString());
    JsonObject byFilipe = null;
    for (var use : listed) {
      if (use.getAsJsonObject().get("lmsUserId").getAsString().equals("d07")) {
        byFilipe = use.getAsJsonObject();
      }
    }
    assertEquals("Filipe Ramos", byFilipe.get("name").getAsString());
    assertEquals("No 8.º A correu ainda melhor", byFilipe.get("note").getAsString());
    assertEquals(1, byFilipe.get("version").getAsInt());
    assertTrue(byFilipe.has("usedAt"), byFilipe.toString());
    assertEquals(
        422,
        hub.call(filipe, "POST", uses, "{\"note\":\"" + "x".repeat(2001) + "\"}").status(),
        "a note is at most 2000 characters");
  }

  @Test
  void aCommunitysBankExportsAsAZipWithAManifest() throws Exception {
    byte[] content = Documents.odt("Guiao de exportacao");
    JsonObject r =
        resource(gabriela, uploaded(gabriela, content, "guião.odt"), "Guião, \"versão\" final", "");
    assertEquals(
        403, hub.download(ines, "/api/v1/resources/export?community=" + community).status());
    DemoHub.Download zip =
        hub.download(gabriela, "/api/v1/resources/export?community=" + community);
    assertEquals(200, zip.status());
    Map<String, byte[]> entries = new java.util.HashMap<>();
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.bytes()))) {
      for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    String id = r.get("id").getAsString();
    JsonArray manifest =
        com.google.gson.JsonParser.parseString(
                new String(entries.get("manifest.json"), StandardCharsets.UTF_8))
            .getAsJsonArray();
    JsonObject listed = null;
    for (var e : manifest) {
      if (e.getAsJsonObject().getAsJsonObject("resource").get("id").getAsString().equals(id)) {
        listed = e.getAsJsonObject();
      }
    }
    JsonObject version = listed.getAsJsonArray("versions").get(0).getAsJsonObject();
    byte[] file = entries.get(version.get("file").getAsString());
    assertArrayEquals(content, file);
    assertEquals(sha256(content), version.get("sha256").getAsString());
    String csv = new String(entries.get("manifest.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFFid,title,description,type"), csv);
    assertTrue(csv.contains(id + ",\"Guião, \"\"versão\"\" final\""), csv);
  }

  @Test
  void aDescriptionKeepsItsFormattingAndIsSearchedAndExportedByItsWords() throws Exception {
    String description =
        "<h3>Como usar</h3><ul><li>Ler &amp; <strong>anotar</strong></li></ul>"
            + "<p onclick=\"x()\">Ver <a href=\"javascript:alert(1)\">isto</a></p>"
            + "<script>alert(2)</script><img src=x onerror=\"y()\">";
    JsonObject r =
        resource(
            gabriela,
            uploaded(gabriela, Documents.odt("Fichas de leitura"), "fichas.odt"),
            "Fichas de leitura",
            ",\"description\":" + new com.google.gson.JsonPrimitive(description));
    String stored = r.get("description").getAsString();
    assertTrue(
        stored.startsWith("<h3>Como usar</h3><ul><li>Ler &amp; <strong>anotar</strong></li></ul>"),
        stored);
    for (String active : List.of("onclick", "javascript:", "<script", "onerror", "<img")) {
      assertFalse(stored.contains(active), stored);
    }
    // Found by its words, marked without its tags.
    JsonObject found = search(gabriela, "q=anotar").get(0).getAsJsonObject();
    String marked = found.getAsJsonObject("highlights").get("description").getAsString();
    assertTrue(marked.contains("<mark>anotar</mark>"), marked);
    assertFalse(marked.contains("&lt;"), "no markup shown as text: " + marked);
    DemoHub.Download zip =
        hub.download(gabriela, "/api/v1/resources/export?community=" + community);
    String csv = "";
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.bytes()))) {
      for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals("manifest.csv")) {
          csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    String line =
        csv.lines().filter(l -> l.startsWith(r.get("id").getAsString())).findFirst().orElseThrow();
    assertTrue(line.contains("Como usar"), line);
    assertFalse(line.contains("<"), "the CSV has the words, no tags: " + line);
  }
}
