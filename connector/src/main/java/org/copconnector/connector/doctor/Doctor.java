package org.copconnector.connector.doctor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.config.ConnectorConfig.MoodleSettings;
import org.copconnector.connector.doctor.CheckResult.Outcome;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleException;
import org.copconnector.connector.moodle.MoodleTransportException;
import org.copconnector.connector.moodle.SiteApi.SiteInfo;
import org.copconnector.plugin.store.Database;

/** Checks an installation end to end and prints a checklist with a fix for every failure. */
public final class Doctor {

  /** Oldest Moodle the connector is tested against: 4.1 LTS. */
  static final long MIN_MOODLE_VERSION = 2022112800L;

  private static final String SERVICES_PATH = "Site administration > Server > Web services";

  private final ConnectorConfig config;
  private final Function<MoodleSettings, Moodle> connect;
  private final Map<String, String> requiredFunctions;
  private final Map<String, String> capabilities;
  private final OkHttpClient http;

  /**
   * @param http used only to ask a running connector on this machine about its embedded database,
   *     which it holds locked while it runs
   */
  public Doctor(
      ConnectorConfig config,
      Function<MoodleSettings, Moodle> connect,
      Map<String, String> requiredFunctions,
      OkHttpClient http) {
    this.config = config;
    this.connect = connect;
    this.requiredFunctions = requiredFunctions;
    this.capabilities = RequiredFunctions.capabilities();
    this.http = http;
  }

  /** Runs every check in order; later Moodle checks are skipped when Moodle cannot be reached. */
  public List<CheckResult> run() {
    List<CheckResult> results = new ArrayList<>();
    Optional<MoodleSettings> moodle = config.moodle();
    if (moodle.isEmpty()) {
      results.add(
          CheckResult.fail(
              "Moodle configured",
              "moodle.url and moodle.token are not set",
              "set moodle.url and moodle.token in config/connector.properties (or COP_MOODLE_URL and COP_MOODLE_TOKEN)"));
      skipMoodle(results, "Moodle is not configured");
    } else {
      results.add(CheckResult.pass("Moodle configured", moodle.get().url().toString()));
      checkMoodle(moodle.get(), results);
    }
    results.add(checkDatabase());
    return results;
  }

  /** Prints the checklist and returns the process exit code: 0 only when every check passed. */
  public int print(List<CheckResult> results, PrintStream out) {
    out.println("CoP Connector doctor");
    for (CheckResult r : results) {
      String mark =
          switch (r.outcome()) {
            case PASS -> "[ OK ]";
            case FAIL -> "[FAIL]";
            case SKIP -> "[SKIP]";
          };
      out.println(mark + " " + r.name() + ": " + r.detail());
      if (!r.fix().isEmpty()) {
        out.println("       fix: " + r.fix());
      }
    }
    long failed = results.stream().filter(r -> r.outcome() != Outcome.PASS).count();
    out.println(
        failed == 0
            ? "All " + results.size() + " checks passed."
            : failed + " of " + results.size() + " checks did not pass.");
    return failed == 0 ? 0 : 1;
  }

  private void checkMoodle(MoodleSettings settings, List<CheckResult> results) {
    SiteInfo site;
    Moodle moodle = connect.apply(settings);
    try {
      site = moodle.site().siteInfo();
    } catch (MoodleTransportException e) {
      results.add(CheckResult.fail("Moodle answers", describe(e), fixFor(e, settings)));
      skipMoodle(results, "Moodle did not answer");
      return;
    } catch (MoodleException e) {
      results.add(
          CheckResult.pass("Moodle answers", settings.url() + " speaks Moodle web services"));
      results.add(
          CheckResult.fail(
              "Token valid",
              "Moodle refused the token: " + e.errorcode() + " (" + e.moodleMessage() + ")",
              fixFor(e)));
      results.add(CheckResult.skip("Moodle release", "needs a valid token"));
      results.add(CheckResult.skip("Functions enabled", "needs a valid token"));
      results.add(CheckResult.skip("Uploads allowed", "needs a valid token"));
      for (String name : FeatureChecks.NAMES) {
        results.add(CheckResult.skip(name, "needs a valid token"));
      }
      return;
    }
    results.add(CheckResult.pass("Moodle answers", settings.url() + " (" + site.sitename() + ")"));
    results.add(
        CheckResult.pass(
            "Token valid",
            "belongs to "
                + site.fullname()
                + " ("
                + site.username()
                + ", user id "
                + site.userid()
                + ")"));
    results.add(checkRelease(site));
    results.add(checkFunctions(site));
    results.add(
        site.uploadsAllowed()
            ? CheckResult.pass("Uploads allowed", "the service may upload files")
            : CheckResult.fail(
                "Uploads allowed",
                "the external service does not allow file uploads",
                SERVICES_PATH
                    + " > External services > Edit your service > Show more > tick 'Can upload files'"));
    results.addAll(new FeatureChecks(moodle, site, capabilities).run());
  }

  private static void skipMoodle(List<CheckResult> results, String why) {
    List<String> names =
        new ArrayList<>(
            List.of(
                "Moodle answers",
                "Token valid",
                "Moodle release",
                "Functions enabled",
                "Uploads allowed"));
    names.addAll(FeatureChecks.NAMES);
    for (String name : names) {
      if (results.stream().noneMatch(r -> r.name().equals(name))) {
        results.add(CheckResult.skip(name, why));
      }
    }
  }

  private static CheckResult checkRelease(SiteInfo site) {
    long version = parseVersion(site.version());
    if (version < MIN_MOODLE_VERSION) {
      return CheckResult.fail(
          "Moodle release",
          site.release() + " is older than the supported 4.1",
          "upgrade Moodle to 4.1 or later");
    }
    return CheckResult.pass("Moodle release", site.release());
  }

  private CheckResult checkFunctions(SiteInfo site) {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> f : requiredFunctions.entrySet()) {
      if (!site.functionNames().contains(f.getKey())) {
        missing.add(f.getKey() + (f.getValue().isEmpty() ? "" : " (" + f.getValue() + ")"));
      }
    }
    if (missing.isEmpty()) {
      return CheckResult.pass(
          "Functions enabled",
          "all " + requiredFunctions.size() + " functions of moodle-functions.txt");
    }
    return CheckResult.fail(
        "Functions enabled",
        missing.size() + " missing: " + String.join(", ", missing),
        SERVICES_PATH
            + " > External services > Functions of your service: add each missing function");
  }

  private CheckResult checkDatabase() {
    String where = config.database().safeUrl();
    try (Database database = Database.open(config.database())) {
      List<String> pending = database.pendingMigrations();
      if (!pending.isEmpty()) {
        return CheckResult.fail(
            "Database",
            "opens (" + where + ") but " + pending.size() + " migration(s) are pending: " + pending,
            "run 'java -jar cop-connector.jar migrate' (or start 'serve', which migrates)");
      }
      return CheckResult.pass("Database", "opens (" + where + "), migrations current");
    } catch (RuntimeException e) {
      if (config.database().isEmbeddedFile() && String.valueOf(e.getMessage()).contains("locked")) {
        return checkRunningConnector(where);
      }
      return CheckResult.fail(
          "Database",
          e.getMessage(),
          "check db.url, db.user and db.password, and that the database server is running");
    }
  }

  /** The embedded database is locked by a running connector: ask that connector instead. */
  private CheckResult checkRunningConnector(String where) {
    String health = "http://127.0.0.1:" + config.httpPort() + "/health";
    try (Response response = http.newCall(new Request.Builder().url(health).build()).execute()) {
      String body = response.body().string();
      if (response.code() == 200 && body.contains("\"database\":\"UP\"")) {
        return CheckResult.pass(
            "Database",
            where
                + " is held by the connector running on port "
                + config.httpPort()
                + ", which reports it UP (serve applies migrations at start)");
      }
      return CheckResult.fail(
          "Database",
          where + " is locked and the connector on port " + config.httpPort() + " reports " + body,
          "look at that connector's log; restart it");
    } catch (java.io.IOException e) {
      return CheckResult.fail(
          "Database",
          where + " is locked by another process and nothing answers on port " + config.httpPort(),
          "stop the other process using data.dir, or use PostgreSQL (db.url) to share the database between processes");
    }
  }

  private static String describe(MoodleTransportException e) {
    return switch (e.kind()) {
      case TIMEOUT -> "no answer before the timeout";
      case CONNECTION ->
          "cannot connect ("
              + (e.getCause() == null
                  ? "connection failed"
                  : e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage())
              + ")";
      case HTTP_STATUS -> "HTTP " + e.httpStatus() + " from /webservice/rest/server.php";
      case NOT_JSON -> "the address answered, but not with Moodle web-service JSON";
      case TRUNCATED -> "the answer was cut short";
      case FOREIGN_FILE -> "a file address of another site was refused";
    };
  }

  private static String fixFor(MoodleTransportException e, MoodleSettings settings) {
    return switch (e.kind()) {
      case TIMEOUT ->
          "check that "
              + settings.url()
              + " is reachable from this machine, or raise moodle.timeout.seconds";
      case CONNECTION -> "check moodle.url (" + settings.url() + "), DNS, proxy and firewall";
      case HTTP_STATUS ->
          e.httpStatus() == 404
              ? "moodle.url must be the site's root address (the one before /login), not a page"
              : "check the web server's error log; Moodle may be in maintenance mode";
      case NOT_JSON, TRUNCATED ->
          "moodle.url must be the site's root address; enable web services and the REST protocol ("
              + SERVICES_PATH
              + " > Overview)";
      case FOREIGN_FILE -> "only files of " + settings.url() + " are read";
    };
  }

  private static String fixFor(MoodleException e) {
    if (e.is("invalidtoken")) {
      return "create a token for the service user in "
          + SERVICES_PATH
          + " > Manage tokens and set moodle.token";
    }
    if (e.is("accessexception")) {
      return "the token's user must be an authorised user of the external service and have webservice/rest:use";
    }
    if (e.is("servicerequireslogin") || e.is("usernotfullysetup")) {
      return "log in once as the service user to complete its profile, or check it is not suspended";
    }
    return "see Moodle's message above; " + SERVICES_PATH + " > Overview lists every set-up step";
  }

  private static long parseVersion(String version) {
    if (version == null) {
      return 0;
    }
    try {
      return Long.parseLong(version.split("\\.")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
