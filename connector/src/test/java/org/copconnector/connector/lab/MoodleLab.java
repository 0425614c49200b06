package org.copconnector.connector.lab;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The real Moodle 4.5 of the lab ({@code ../shared/moodle/lab}), as {@code scripts/test.sh} stood
 * it up: its address and token, the ids of its courses, people and forums, teachers' own tokens to
 * act in Moodle as them, and Moodle's database to check what arrived.
 */
public final class MoodleLab {

  private static volatile MoodleLab instance;

  private final String url;
  private final String token;
  private final Path labDir;
  private final Path setupScript;
  private final JsonObject ids;
  private final Map<String, String> userTokens = new ConcurrentHashMap<>();
  private final OkHttpClient http =
      new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();

  private MoodleLab(String url, String token, Path labDir, Path setupScript) throws IOException {
    this.url = url;
    this.token = token;
    this.labDir = labDir;
    this.setupScript = setupScript;
    this.ids =
        JsonParser.parseString(Files.readString(labDir.resolve("ids.json"))).getAsJsonObject();
  }

  /** The lab of this run; only call from tests marked {@link RealMoodle}. */
  public static MoodleLab get() {
    if (instance == null) {
      synchronized (MoodleLab.class) {
        if (instance == null) {
          try {
            instance =
                new MoodleLab(
                    require("MOODLE_URL"),
                    require("MOODLE_TOKEN"),
                    Path.of(require("MOODLE_LAB_DIR")),
                    Path.of(require("MOODLE_LAB_SETUP")));
          } catch (IOException e) {
            throw new IllegalStateException("cannot read the lab's ids.json", e);
          }
        }
      }
    }
    return instance;
  }

  private static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run the tests through scripts/test.sh");
    }
    return value;
  }

  public String url() {
    return url;
  }

  public String token() {
    return token;
  }

  /** Connector settings (environment form) pointing at the lab, with the caller's data folder. */
  public Map<String, String> connectorEnvironment(Path dataDir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    env.put("COP_MOODLE_URL", url);
    env.put("COP_MOODLE_TOKEN", token);
    return env;
  }

  public long userId(String username) {
    return ids.getAsJsonObject("users").getAsJsonObject(username).get("id").getAsLong();
  }

  public String fullName(String username) {
    return ids.getAsJsonObject("users").getAsJsonObject(username).get("name").getAsString();
  }

  public String password(String username) {
    return ids.getAsJsonObject("users").getAsJsonObject(username).get("password").getAsString();
  }

  public long courseId(String shortname) {
    return course(shortname).get("id").getAsLong();
  }

  /** How many people the lab enrolled in the course (ids.json). */
  public int enrolled(String shortname) {
    return course(shortname).get("enrolled").getAsInt();
  }

  public boolean hasCourse(String shortname) {
    return ids.getAsJsonObject("courses").has(shortname);
  }

  /** The general forum of a course with the given group mode (0 none, 1 separate, 2 visible). */
  public long forumId(String course, int groupMode) {
    for (JsonElement forum : course(course).getAsJsonArray("forums")) {
      JsonObject f = forum.getAsJsonObject();
      if (!"news".equals(stringOr(f, "type")) && f.get("groupmode").getAsInt() == groupMode) {
        return f.get("id").getAsLong();
      }
    }
    throw new IllegalStateException("no forum of group mode " + groupMode + " in " + course);
  }

  /** The course's Announcements forum, when the lab lists it. */
  public List<Long> forumIds(String course) {
    List<Long> found = new ArrayList<>();
    for (JsonElement forum : course(course).getAsJsonArray("forums")) {
      found.add(forum.getAsJsonObject().get("id").getAsLong());
    }
    return found;
  }

  public JsonObject ids() {
    return ids;
  }

  private JsonObject course(String shortname) {
    return ids.getAsJsonObject("courses").getAsJsonObject(shortname);
  }

  private static String stringOr(JsonObject o, String key) {
    return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
  }

  /** A token to act in Moodle as that user (the lab's "Lab teacher actions" service). */
  public String userToken(String username) {
    return userTokens.computeIfAbsent(
        username, u -> run(List.of("bash", setupScript.toString(), "--user-token", u)).trim());
  }

  /** Calls a web-service function as the holder of {@code wsToken}; fields are form pairs. */
  public JsonElement call(String wsToken, String function, String... fields) {
    FormBody.Builder form =
        new FormBody.Builder()
            .add("wstoken", wsToken)
            .add("moodlewsrestformat", "json")
            .add("wsfunction", function);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.add(fields[i], fields[i + 1]);
    }
    Request request =
        new Request.Builder().url(url + "/webservice/rest/server.php").post(form.build()).build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      JsonElement answer = JsonParser.parseString(body);
      if (answer.isJsonObject() && answer.getAsJsonObject().has("exception")) {
        throw new IllegalStateException(function + " refused: " + body);
      }
      return answer;
    } catch (IOException e) {
      throw new IllegalStateException(function + " did not answer", e);
    }
  }

  /** Rows of a read-only query on Moodle's own database (tables prefixed {@code mdl_}). */
  public List<Map<String, Object>> query(String sql, Object... args) {
    JsonObject db = ids.getAsJsonObject("db");
    String jdbc =
        "jdbc:postgresql://"
            + db.get("host").getAsString()
            + ":"
            + db.get("port").getAsString()
            + "/"
            + db.get("name").getAsString();
    try (Connection c =
            DriverManager.getConnection(
                jdbc, db.get("user").getAsString(), db.get("password").getAsString());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read Moodle's database: " + e.getMessage(), e);
    }
  }

  /** One number from Moodle's database. */
  public long count(String sql, Object... args) {
    Object value = query(sql, args).get(0).values().iterator().next();
    return ((Number) value).longValue();
  }

  /** Stops Moodle's web server (nginx and php-fpm): the site stops answering. */
  public void stopWebServer() {
    for (String pidFile : List.of("nginx.pid", "php-fpm.pid")) {
      Path file = labDir.resolve("run").resolve(pidFile);
      try {
        if (Files.exists(file)) {
          run(List.of("kill", Files.readString(file).trim()));
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + file, e);
      }
    }
    waitUntil(() -> !answers(), "Moodle stops answering");
  }

  /**
   * Starts Moodle's web server again (setup.sh starts what is stopped); returns when Moodle first
   * answered, which may be before setup.sh has finished its checks.
   */
  public java.time.Instant startWebServer() {
    java.util.concurrent.CompletableFuture<String> setup =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> run(List.of("bash", setupScript.toString())));
    waitUntil(this::answers, "Moodle answers again");
    java.time.Instant answered = java.time.Instant.now();
    setup.join();
    return answered;
  }

  /**
   * Gives the service user a role with exactly the capabilities listed in {@code capabilities}
   * (setup.sh's "readme" role, applied in place in about a second). Put the Manager role back with
   * {@link #useManagerRole()} when done: the other tests expect it.
   */
  public void useRoleWith(Path capabilities) {
    setup(Map.of("MOODLE_LAB_CAPS_FILE", capabilities.toAbsolutePath().toString()));
  }

  /** Gives the service user the lab's default role again: Manager plus webservice/rest:use. */
  public void useManagerRole() {
    setup(Map.of("MOODLE_LAB_ROLE", "manager"));
  }

  /** Runs setup.sh with the project's function list and the given settings. */
  private void setup(Map<String, String> settings) {
    Map<String, String> env = new LinkedHashMap<>(settings);
    env.put("MOODLE_LAB_FUNCTIONS", projectFile("config/moodle-functions.txt").toString());
    run(List.of("bash", setupScript.toString()), env);
  }

  /** A file of the project, from the module folder the tests run in or from the root. */
  public static Path projectFile(String relative) {
    Path here = Path.of(relative).toAbsolutePath();
    return Files.exists(here) ? here : Path.of("..").resolve(relative).toAbsolutePath().normalize();
  }

  /** Runs Moodle's cron once (scheduled and ad-hoc tasks). */
  public void runCron() {
    run(List.of("bash", setupScript.toString(), "--cron"));
  }

  public boolean answers() {
    Request request = new Request.Builder().url(url + "/login/index.php").head().build();
    try (Response response =
        http.newBuilder().callTimeout(Duration.ofSeconds(3)).build().newCall(request).execute()) {
      return response.code() < 500;
    } catch (IOException e) {
      return false;
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting until " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private String run(List<String> command) {
    return run(command, Map.of());
  }

  private String run(List<String> command, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.environment().put("MOODLE_LAB", labDir.toString());
    // setup.sh reads the function list from its working directory unless told where it is.
    if (System.getenv("MOODLE_LAB_FUNCTIONS") == null) {
      Path list = Path.of("..", "config", "moodle-functions.txt").toAbsolutePath().normalize();
      builder.environment().put("MOODLE_LAB_FUNCTIONS", list.toString());
    }
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
