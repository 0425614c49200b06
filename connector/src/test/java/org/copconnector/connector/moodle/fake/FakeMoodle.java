package org.copconnector.connector.moodle.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * A Moodle site for tests: keeps state and answers in Moodle's real wire format (form-encoded
 * {@code wsfunction}/{@code wstoken}, JSON answers with HTTP 200 for errors too, the captured
 * quirks), with switchable faults.
 */
public final class FakeMoodle implements AutoCloseable {

  /** The token the site accepts by default. */
  public static final String TOKEN = "0123456789abcdef0123456789abcdef";

  /** Transport-level faults applied to the next calls. */
  public enum Fault {
    /** HTTP 500 with an empty body, nothing applied. */
    HTTP_500,
    /** HTTP 503 (maintenance or overload), nothing applied. */
    HTTP_503,
    /** HTTP 200 with an HTML error page, nothing applied. */
    HTML_PAGE,
    /** The connection drops before the request is handled: nothing applied. */
    DROP_CONNECTION,
    /**
     * The request is applied, then the connection drops before the answer: the caller cannot know
     * it worked.
     */
    APPLY_THEN_DROP,
    /** The request is applied and the answer is cut in half. */
    TRUNCATED_BODY
  }

  /** How the site treats the token. */
  public enum TokenState {
    VALID,
    INVALID,
    USER_NOT_AUTHORISED
  }

  /** A web-service call as received (without the token). */
  public record Call(String function, Map<String, String> params, String target) {}

  private final MockWebServer server = new MockWebServer();
  private final FakeMoodleState state;
  private final Map<String, FakeFunction> functions = new HashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Map<String, Fault> functionFaults = new HashMap<>();
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<String> receivedTokens = Collections.synchronizedList(new ArrayList<>());
  private final java.util.concurrent.atomic.AtomicInteger requests =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile Duration latency = Duration.ZERO;
  private final Map<String, Duration> answerDelays = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile TokenState tokenState = TokenState.VALID;
  private volatile int maxInputVars = 1000;

  public FakeMoodle() {
    this(FakeMoodleState.seeded());
  }

  public FakeMoodle(FakeMoodleState state) {
    this.state = state;
    new SiteFunctions(state).register(functions);
    new GroupFunctions(state).register(functions);
    new ForumFunctions(state).register(functions);
    new MessagingFunctions(state).register(functions);
    new CalendarFunctions(state).register(functions);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return handle(request);
          }
        });
  }

  /** Starts on a free loopback port. */
  public FakeMoodle start() throws IOException {
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    state.baseUrl = urlString();
    return this;
  }

  /** The site's root address, e.g. {@code http://127.0.0.1:41234}. */
  public HttpUrl url() {
    HttpUrl root = server.url("/");
    return root.newBuilder().encodedPath("/").build();
  }

  public String urlString() {
    String url = url().toString();
    return url.substring(0, url.length() - 1);
  }

  public FakeMoodleState state() {
    return state;
  }

  /** Applies {@code fault} to the next {@code times} requests. */
  public synchronized void failNext(Fault fault, int times) {
    for (int i = 0; i < times; i++) {
      faults.add(fault);
    }
  }

  /** Applies {@code fault} to the next call of one web-service function only. */
  public synchronized void failNextCallOf(String function, Fault fault) {
    functionFaults.put(function, fault);
  }

  public synchronized void clearFaults() {
    faults.clear();
  }

  public void latency(Duration latency) {
    this.latency = latency;
  }

  /**
   * Applies each call of {@code function} at once but answers it only after {@code delay}: a caller
   * stopped meanwhile never learns that its write was made.
   */
  public void answerDelay(String function, Duration delay) {
    answerDelays.put(function, delay);
  }

  public void tokenState(TokenState tokenState) {
    this.tokenState = tokenState;
  }

  /** PHP's max_input_vars: variables past it are silently dropped, as PHP does. */
  public void maxInputVars(int maxInputVars) {
    this.maxInputVars = maxInputVars;
  }

  /** Calls received so far, oldest first. */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public List<Call> calls(String function) {
    return calls().stream().filter(c -> c.function().equals(function)).toList();
  }

  /** Every token value received, to check what was sent. */
  public List<String> receivedTokens() {
    synchronized (receivedTokens) {
      return List.copyOf(receivedTokens);
    }
  }

  /** A reply written directly in Moodle by a teacher. */
  public synchronized long replyInMoodle(
      long parentPostId, long userId, String subject, String message) {
    FakeMoodleState.Post parent = state.posts.get(parentPostId);
    return new ForumFunctions(state).addReply(parent, subject, message, userId, 0, 0).id();
  }

  /**
   * A reply written in Moodle with files from the author's draft areas ({@link #draftInMoodle}):
   * {@code inline} shown in the message (at its draftfile.php address, see {@link #draftFileUrl}),
   * {@code attachments} listed under it (0 for none).
   */
  public synchronized long replyInMoodle(
      long parentPostId,
      long userId,
      String subject,
      String message,
      long inline,
      long attachments) {
    FakeMoodleState.Post parent = state.posts.get(parentPostId);
    return new ForumFunctions(state)
        .addReply(parent, subject, message, userId, inline, attachments)
        .id();
  }

  /**
   * A post edited directly in Moodle by {@code userId} (a teacher may edit any post): its message
   * replaced, and with {@code inline} (a draft area, 0 for none) its pictures too.
   */
  public synchronized void editInMoodle(long postId, long userId, String message, long inline) {
    editInMoodle(postId, userId, message, inline, 0);
  }

  /**
   * As {@link #editInMoodle(long, long, String, long)}, its attachments then {@code attachments}.
   */
  public synchronized void editInMoodle(
      long postId, long userId, String message, long inline, long attachments) {
    FakeMoodleState.Post post = state.posts.get(postId);
    new ForumFunctions(state).editPost(post, "", message, userId, inline, attachments);
  }

  /** A file a teacher puts in a draft area while writing (0 starts a new area); the area's id. */
  public synchronized long draftInMoodle(long itemId, String filename, byte[] content) {
    long area = itemId == 0 ? 100_000_000 + state.nextId() : itemId;
    state.draftFiles.add(new FakeMoodleState.DraftFile(area, filename, content));
    return area;
  }

  /** Where Moodle's editor shows a draft file of {@code userId} while the post is written. */
  public String draftFileUrl(long userId, long itemId, String filename) {
    return urlString()
        + "/draftfile.php/"
        + state.userContextOf(userId)
        + "/user/draft/"
        + itemId
        + "/"
        + pathSegment(filename);
  }

  /** A file name as one segment of an address (Moodle's rawurlencode). */
  static String pathSegment(String name) {
    return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A discussion started directly in Moodle by a teacher (group -1 in a forum without groups). */
  public synchronized long discussionInMoodle(
      long forumId, long groupId, long userId, String subject, String message) {
    return new ForumFunctions(state).addDiscussionAs(forumId, groupId, userId, subject, message);
  }

  /** Every HTTP request received, faulted ones included. */
  public int requestCount() {
    return requests.get();
  }

  private MockResponse handle(RecordedRequest request) {
    requests.incrementAndGet();
    sleep(latency);
    Fault fault;
    synchronized (this) {
      fault = faults.poll();
      String type = request.getHeaders().get("Content-Type");
      if (fault == null
          && !functionFaults.isEmpty()
          && request.getBody() != null
          && type != null
          && type.startsWith("application/x-www-form-urlencoded")) {
        String function = decodeForm(request.getBody().utf8(), Integer.MAX_VALUE).get("wsfunction");
        fault = function == null ? null : functionFaults.remove(function);
      }
    }
    if (fault != null) {
      switch (fault) {
        case HTTP_500 -> {
          return new MockResponse.Builder().code(500).body("").build();
        }
        case HTTP_503 -> {
          return new MockResponse.Builder()
              .code(503)
              .addHeader("Retry-After", "1")
              .body("Service Unavailable")
              .build();
        }
        case HTML_PAGE -> {
          return html(
              200,
              "<!DOCTYPE html><html><head><title>Error</title></head><body><p>Error reading from database</p></body></html>");
        }
        case DROP_CONNECTION -> {
          return new MockResponse.Builder()
              .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
              .build();
        }
        default -> {
          // APPLY_THEN_DROP and TRUNCATED_BODY go through the real handler first.
        }
      }
    }
    MockResponse.Builder answer = answer(request);
    String delayed = answerDelays.isEmpty() ? null : function(request);
    Duration answerDelay = delayed == null ? null : answerDelays.get(delayed);
    if (answerDelay != null) {
      answer.headersDelay(answerDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    if (fault == Fault.APPLY_THEN_DROP) {
      return answer.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }
    if (fault == Fault.TRUNCATED_BODY) {
      MockResponse full = answer.build();
      Buffer body = new Buffer();
      try {
        full.getBody().writeTo(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      String text = body.readUtf8();
      return json(text.substring(0, Math.max(1, text.length() / 2)));
    }
    return answer.build();
  }

  /** The web-service function a form-encoded call names, or null. */
  private String function(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    if (request.getBody() == null
        || type == null
        || !type.startsWith("application/x-www-form-urlencoded")) {
      return null;
    }
    return decodeForm(request.getBody().utf8(), Integer.MAX_VALUE).get("wsfunction");
  }

  private MockResponse.Builder answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/webservice/upload.php")) {
      return upload(request);
    }
    if (path.startsWith("/webservice/pluginfile.php/")) {
      return pluginfile(request, path);
    }
    if (!path.equals("/webservice/rest/server.php")) {
      return html(
              404,
              "<!DOCTYPE html><html><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>")
          .newBuilder();
    }
    String contentType = request.getHeaders().get("Content-Type");
    Map<String, String> params = new LinkedHashMap<>();
    HttpUrl url = request.getUrl();
    for (String name : url.queryParameterNames()) {
      params.put(name, url.queryParameter(name));
    }
    if (contentType != null
        && contentType.startsWith("application/x-www-form-urlencoded")
        && request.getBody() != null) {
      params.putAll(decodeForm(request.getBody().utf8(), maxInputVars));
    }
    String token = params.remove("wstoken");
    String format = params.remove("moodlewsrestformat");
    String function = params.remove("wsfunction");
    if (token != null) {
      receivedTokens.add(token);
    }
    calls.add(new Call(function == null ? "" : function, Map.copyOf(params), request.getTarget()));
    if (!"json".equals(format)) {
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "application/xml; charset=utf-8")
          .body(Samples.text("error_invalid_token_xml.xml"));
    }
    JsonElement body;
    synchronized (this) {
      try {
        body = call(token, function, new FormParams(params));
      } catch (FakeMoodleError e) {
        body = e.body();
      }
    }
    return json(body.toString()).newBuilder();
  }

  private JsonElement call(String token, String function, FormParams params) {
    if (token == null || !token.equals(TOKEN) || tokenState == TokenState.INVALID) {
      throw FakeMoodleError.invalidToken();
    }
    if (tokenState == TokenState.USER_NOT_AUTHORISED) {
      throw FakeMoodleError.sample("error_user_not_authorised_for_service");
    }
    if (function == null) {
      throw FakeMoodleError.sample("error_missing_wsfunction");
    }
    FakeFunction handler = functions.get(function);
    if (handler == null) {
      throw FakeMoodleError.sample("error_invalid_function");
    }
    if (!state.serviceFunctions.contains(function)) {
      throw FakeMoodleError.accessException();
    }
    return handler.call(params);
  }

  private MockResponse.Builder upload(RecordedRequest request) {
    String contentType = request.getHeaders().get("Content-Type");
    if (contentType == null
        || !contentType.startsWith("multipart/form-data")
        || request.getBody() == null) {
      return json("{\"error\":\"No files\"}").newBuilder();
    }
    String boundary = contentType.replaceFirst(".*boundary=", "");
    Map<String, String> fields = new HashMap<>();
    List<FakeMoodleState.DraftFile> files = new ArrayList<>();
    long itemId = 0;
    try (MultipartReader reader =
        new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String disposition = part.headers().get("Content-Disposition");
        String name = disposition.replaceFirst(".*name=\"([^\"]*)\".*", "$1");
        if (disposition.contains("filename=")) {
          String filename = disposition.replaceFirst(".*filename=\"([^\"]*)\".*", "$1");
          files.add(new FakeMoodleState.DraftFile(0, filename, part.body().readByteArray()));
        } else {
          fields.put(name, part.body().readUtf8());
        }
      }
    } catch (IOException e) {
      return json("{\"error\":\"bad upload\"}").newBuilder();
    }
    String token = fields.get("token");
    if (token != null) {
      receivedTokens.add(token);
    }
    calls.add(new Call("upload.php", Map.copyOf(fields), request.getTarget()));
    synchronized (this) {
      if (!TOKEN.equals(token) || tokenState != TokenState.VALID) {
        return json(Samples.text("error_invalid_token.json")).newBuilder();
      }
      itemId = FormParams.parseLong(fields.getOrDefault("itemid", "0"));
      if (itemId == 0) {
        itemId = 100_000_000 + state.nextId();
      }
      JsonArray answer = new JsonArray();
      for (FakeMoodleState.DraftFile f : files) {
        // clean_param(PARAM_FILE), then: a name already in the area is refused, not replaced.
        String filename = f.filename().replaceAll("[\\p{Cntrl}&<>\"`|':\\\\/]", "");
        long area = itemId;
        if (state.draftFiles.stream()
            .anyMatch(d -> d.itemId() == area && d.filename().equals(filename))) {
          JsonObject refused = new JsonObject();
          refused.addProperty("filename", filename);
          refused.addProperty("filepath", "/tmp/phpUpload");
          refused.addProperty("size", f.content().length);
          refused.addProperty("errortype", "filenameexist");
          refused.addProperty("error", "File name already exists: " + filename);
          answer.add(refused);
          continue;
        }
        byte[] content = f.content();
        if (filename.matches("(?i).*\\.(jpe?g|jpe)")) {
          content = redrawnJpeg(content);
          if (content == null) {
            return json("{\"error\":\"Failed to process file using the PHP GD library\","
                    + "\"errorcode\":\"redactor:exifremover:failedprocessgd\",\"stacktrace\":null,"
                    + "\"debuginfo\":null,\"reproductionlink\":null}")
                .newBuilder();
          }
        }
        state.draftFiles.add(new FakeMoodleState.DraftFile(itemId, filename, content));
        JsonObject json = Samples.firstOf("webservice_upload_php");
        json.addProperty("filename", filename);
        json.addProperty("contextid", state.userContextOf(state.serviceUserId));
        json.addProperty("itemid", itemId);
        json.addProperty("filesize", content.length);
        json.addProperty(
            "userid", Long.toString(state.serviceUserId)); // a string, as Moodle sends it
        answer.add(json);
      }
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "text/plain; charset=utf-8")
          .body(answer.toString());
    }
  }

  /**
   * Moodle 4.5's EXIF remover, on by default: without exiftool it redraws every JPEG stored with
   * PHP's GD at quality 90 (so a draft file's bytes are not those sent); null when GD cannot read
   * it, which Moodle refuses.
   */
  private static byte[] redrawnJpeg(byte[] jpeg) {
    try {
      java.awt.image.BufferedImage image =
          javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
      if (image == null) {
        return null;
      }
      javax.imageio.ImageWriter writer =
          javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (javax.imageio.stream.MemoryCacheImageOutputStream stream =
          new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      return null;
    }
  }

  /** Decodes a form body; like PHP, variables past {@code maxVars} are dropped. */
  static Map<String, String> decodeForm(String body, int maxVars) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      if (fields.size() >= maxVars) {
        break;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      fields.put(name, value);
    }
    return fields;
  }

  /**
   * A course file; like Moodle, the token may come in the query or the form body, and a bad one is
   * answered with a JSON error and status 200.
   */
  private MockResponse.Builder pluginfile(RecordedRequest request, String path) {
    String token = request.getUrl().queryParameter("token");
    if (token == null && request.getBody() != null) {
      token = decodeForm(request.getBody().utf8(), maxInputVars).get("token");
    }
    if (token != null) {
      receivedTokens.add(token);
    }
    calls.add(new Call("pluginfile.php", Map.of(), request.getTarget()));
    if (!TOKEN.equals(token)) {
      return json("{\"error\":\"Invalid token - token not found\",\"errorcode\":\"invalidtoken\",\"stacktrace\":null,\"debuginfo\":null,\"reproductionlink\":null}")
          .newBuilder();
    }
    String decoded = java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8);
    for (FakeMoodleState.CourseFile f : state.courseFiles) {
      if (decoded.equals(fileUrlPath(f))) {
        return new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", f.mimetype())
            .setHeader("Content-Disposition", "attachment; filename=\"" + f.filename() + "\"")
            .body(new Buffer().write(f.content()));
      }
    }
    for (FakeMoodleState.PostFile f : state.postFiles) {
      FakeMoodleState.Post post = state.posts.get(f.postId());
      FakeMoodleState.Forum forum =
          state.forums.get(state.discussions.get(post.discussionId()).forumId());
      String expected =
          "/webservice/pluginfile.php/"
              + state.contextOf(forum)
              + "/mod_forum/"
              + f.area()
              + "/"
              + f.postId()
              + "/"
              + f.filename();
      if (decoded.equals(expected)) {
        return new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/octet-stream")
            .setHeader("Content-Disposition", "attachment; filename=\"" + f.filename() + "\"")
            .body(new Buffer().write(f.content()));
      }
    }
    return json("{\"error\":\"Sorry, the requested file could not be found\",\"errorcode\":\"filenotfound\"}")
        .newBuilder();
  }

  /** The path of a course file's URL (Moodle's shape: context, component, area, revision, name). */
  static String fileUrlPath(FakeMoodleState.CourseFile f) {
    return "/webservice/pluginfile.php/"
        + (1000 + f.cmid())
        + "/mod_resource/content/1/"
        + f.filename();
  }

  private static MockResponse json(String body) {
    // Moodle sends exactly this content type, without a charset.
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static MockResponse html(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "text/html; charset=utf-8")
        .body(body)
        .build();
  }

  private static void sleep(Duration duration) {
    if (!duration.isZero()) {
      try {
        TimeUnit.MILLISECONDS.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
