package org.copconnector.connector.doctor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.config.ConnectorConfig.MoodleSettings;
import org.copconnector.connector.doctor.CheckResult.Outcome;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleException;
import org.copconnector.connector.moodle.MoodleTransportException;
import org.copconnector.connector.moodle.SiteApi.SiteInfo;

/**
 * Checks an installation end to end and gives a checklist with a fix for every failure: printed by
 * the {@code doctor} command, served to administrators by a running connector.
 */
public final class Doctor {

  /** Oldest Moodle the connector is tested against: 4.1 LTS. */
  static final long MIN_MOODLE_VERSION = 2022112800L;

  private static final String SERVICES_PATH = "Site administration > Server > Web services";

  /** The checks that need Moodle, in order. */
  private static final List<Check> MOODLE_CHECKS =
      List.of(
          Check.MOODLE_ANSWERS,
          Check.TOKEN_VALID,
          Check.MOODLE_RELEASE,
          Check.FUNCTIONS_ENABLED,
          Check.UPLOADS_ALLOWED,
          Check.COURSE_ACCESS,
          Check.PARTICIPANTS,
          Check.PEOPLE_LOOKUP,
          Check.GROUPS,
          Check.FORUMS,
          Check.MESSAGES);

  private final Optional<MoodleSettings> moodle;
  private final Function<MoodleSettings, Moodle> connect;
  private final Map<String, String> requiredFunctions;
  private final Map<String, String> capabilities;
  private final Supplier<CheckResult> database;

  /**
   * The command line's doctor: the configured Moodle and database.
   *
   * @param http used only to ask a running connector on this machine about its embedded database,
   *     which it holds locked while it runs
   */
  public Doctor(
      ConnectorConfig config,
      Function<MoodleSettings, Moodle> connect,
      Map<String, String> requiredFunctions,
      OkHttpClient http) {
    this(config.moodle(), connect, requiredFunctions, DatabaseCheck.opening(config, http));
  }

  /**
   * @param moodle the site to check, empty when none is configured
   * @param database the database check ({@link DatabaseCheck})
   */
  public Doctor(
      Optional<MoodleSettings> moodle,
      Function<MoodleSettings, Moodle> connect,
      Map<String, String> requiredFunctions,
      Supplier<CheckResult> database) {
    this.moodle = moodle;
    this.connect = connect;
    this.requiredFunctions = requiredFunctions;
    this.capabilities = RequiredFunctions.capabilities();
    this.database = database;
  }

  /** Runs every check in order; later Moodle checks are skipped when Moodle cannot be reached. */
  public List<CheckResult> run() {
    List<CheckResult> results = new ArrayList<>();
    if (moodle.isEmpty()) {
      results.add(
          CheckResult.fail(
              Check.MOODLE_CONFIGURED,
              "not_configured",
              "moodle.url and moodle.token are not set",
              "set moodle.url and moodle.token in config/connector.properties (or COP_MOODLE_URL and COP_MOODLE_TOKEN)"));
      skipRest(results, "moodle_not_configured", "Moodle is not configured");
    } else {
      results.add(
          CheckResult.pass(Check.MOODLE_CONFIGURED, moodle.get().url().toString())
              .with("url", moodle.get().url()));
      checkMoodle(moodle.get(), results);
    }
    results.add(database.get());
    return results;
  }

  /** Prints the checklist and returns the process exit code: 0 only when every check passed. */
  public static int print(List<CheckResult> results, PrintStream out) {
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
    Moodle client = connect.apply(settings);
    try {
      site = client.site().siteInfo();
    } catch (MoodleTransportException e) {
      results.add(
          CheckResult.fail(
                  Check.MOODLE_ANSWERS,
                  e.kind().name().toLowerCase(Locale.ROOT),
                  describe(e),
                  fixFor(e, settings))
              .with("url", settings.url())
              .with("httpStatus", e.httpStatus() == 0 ? null : e.httpStatus()));
      skipRest(results, "moodle_unreachable", "Moodle did not answer");
      return;
    } catch (MoodleException e) {
      results.add(
          CheckResult.pass(Check.MOODLE_ANSWERS, settings.url() + " speaks Moodle web services")
              .with("url", settings.url()));
      results.add(
          CheckResult.fail(
                  Check.TOKEN_VALID,
                  tokenReason(e),
                  "Moodle refused the token: " + e.errorcode() + " (" + e.moodleMessage() + ")",
                  fixFor(e))
              .with("errorcode", e.errorcode())
              .with("message", e.moodleMessage()));
      skipRest(results, "token_refused", "needs a valid token");
      return;
    }
    results.add(
        CheckResult.pass(Check.MOODLE_ANSWERS, settings.url() + " (" + site.sitename() + ")")
            .with("url", settings.url())
            .with("siteName", site.sitename()));
    results.add(
        CheckResult.pass(
                Check.TOKEN_VALID,
                "belongs to "
                    + site.fullname()
                    + " ("
                    + site.username()
                    + ", user id "
                    + site.userid()
                    + ")")
            .with("fullName", site.fullname())
            .with("username", site.username())
            .with("userId", site.userid()));
    results.add(checkRelease(site));
    results.add(checkFunctions(site));
    results.add(
        site.uploadsAllowed()
            ? CheckResult.pass(Check.UPLOADS_ALLOWED, "the service may upload files")
            : CheckResult.fail(
                Check.UPLOADS_ALLOWED,
                "uploads_disabled",
                "the external service does not allow file uploads",
                SERVICES_PATH
                    + " > External services > Edit your service > Show more > tick 'Can upload files'"));
    results.addAll(new FeatureChecks(client, site, capabilities).run());
  }

  /** Every Moodle check not reported yet, skipped for the same reason. */
  private static void skipRest(List<CheckResult> results, String reason, String why) {
    for (Check check : MOODLE_CHECKS) {
      if (results.stream().noneMatch(r -> r.check() == check)) {
        results.add(CheckResult.skip(check, reason, why));
      }
    }
  }

  private static CheckResult checkRelease(SiteInfo site) {
    long version = parseVersion(site.version());
    if (version < MIN_MOODLE_VERSION) {
      return CheckResult.fail(
              Check.MOODLE_RELEASE,
              "too_old",
              site.release() + " is older than the supported 4.1",
              "upgrade Moodle to 4.1 or later")
          .with("release", site.release())
          .with("minimum", "4.1");
    }
    return CheckResult.pass(Check.MOODLE_RELEASE, site.release())
        .with("release", site.release())
        .with("version", site.version());
  }

  private CheckResult checkFunctions(SiteInfo site) {
    List<String> missing = new ArrayList<>();
    List<String> described = new ArrayList<>();
    for (Map.Entry<String, String> f : requiredFunctions.entrySet()) {
      if (!site.functionNames().contains(f.getKey())) {
        missing.add(f.getKey());
        described.add(f.getKey() + (f.getValue().isEmpty() ? "" : " (" + f.getValue() + ")"));
      }
    }
    if (missing.isEmpty()) {
      return CheckResult.pass(
              Check.FUNCTIONS_ENABLED,
              "all " + requiredFunctions.size() + " functions of moodle-functions.txt")
          .with("count", requiredFunctions.size());
    }
    return CheckResult.fail(
            Check.FUNCTIONS_ENABLED,
            "missing_functions",
            missing.size() + " missing: " + String.join(", ", described),
            SERVICES_PATH
                + " > External services > Functions of your service: add each missing function")
        .with("count", missing.size())
        .with("missing", String.join(", ", missing));
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

  private static String tokenReason(MoodleException e) {
    if (e.is("invalidtoken")) {
      return "invalid_token";
    }
    if (e.is("accessexception")) {
      return "not_authorised";
    }
    if (e.is("servicerequireslogin") || e.is("usernotfullysetup")) {
      return "user_not_ready";
    }
    return "refused";
  }

  private static String fixFor(MoodleException e) {
    return switch (tokenReason(e)) {
      case "invalid_token" ->
          "create a token for the service user in "
              + SERVICES_PATH
              + " > Manage tokens and set moodle.token";
      case "not_authorised" ->
          "the token's user must be an authorised user of the external service and have webservice/rest:use";
      case "user_not_ready" ->
          "log in once as the service user to complete its profile, or check it is not suspended";
      default ->
          "see Moodle's message above; " + SERVICES_PATH + " > Overview lists every set-up step";
    };
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
