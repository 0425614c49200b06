package org.copconnector.connector.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.copconnector.connector.doctor.Check;
import org.copconnector.connector.moodle.MoodleTransportException;
import org.copconnector.plugin.community.GroupMirror;
import org.copconnector.plugin.discussion.ForumMirror;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.people.RosterSyncStatus;
import org.copconnector.plugin.resource.ForumShare;
import org.junit.jupiter.api.Test;

/**
 * The administration page says every check, reason and outbox kind in each language: a new one in
 * the code needs its words in the bundles.
 */
class AdminTranslationsTest {

  private static final List<String> LANGUAGES = List.of("en", "pt", "es");

  /** A reason given where a check fails or is skipped, in the doctor's code. */
  private static final Pattern REASON =
      Pattern.compile(
          "CheckResult\\.(?:fail|skip)\\(\\s*[\\w.]+,\\s*\"(\\w+)\""
              + "|(?:skipRest|withoutCourse)\\(\\s*results,\\s*\"(\\w+)\""
              + "|return \"(\\w+)\";");

  private static JsonObject bundle(String lang) throws IOException {
    try (InputStream in = Check.class.getResourceAsStream("/web/i18n/" + lang + ".json")) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  private static boolean has(JsonObject bundle, String key) {
    return bundle.has(key) || bundle.has(key + ".other");
  }

  private static void assertKeys(Set<String> keys) throws IOException {
    for (String lang : LANGUAGES) {
      JsonObject bundle = bundle(lang);
      Set<String> missing = new TreeSet<>();
      keys.stream().filter(k -> !has(bundle, k)).forEach(missing::add);
      assertEquals(Set.of(), missing, lang);
    }
  }

  /** The reasons the doctor gives, read from its code, and the transport failures' kinds. */
  static Set<String> reasons() throws IOException {
    Set<String> reasons = new TreeSet<>();
    try (Stream<Path> files =
        Files.list(Path.of("src/main/java/org/copconnector/connector/doctor"))) {
      for (Path file : files.toList()) {
        Matcher m = REASON.matcher(Files.readString(file));
        while (m.find()) {
          for (int group = 1; group <= m.groupCount(); group++) {
            if (m.group(group) != null) {
              reasons.add(m.group(group));
            }
          }
        }
      }
    }
    Arrays.stream(MoodleTransportException.Kind.values())
        .map(kind -> kind.name().toLowerCase(Locale.ROOT))
        .forEach(reasons::add);
    Checkup.demoChecklist().get().forEach(result -> reasons.add(result.reason()));
    return reasons;
  }

  @Test
  void everyCheckHasItsTitleAndWhatItsPassSays() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (Check check : Check.values()) {
      keys.add("check." + check.id() + ".title");
      keys.add("check." + check.id() + ".pass");
    }
    assertEquals(26, keys.size());
    assertKeys(keys);
  }

  @Test
  void everyReasonSaysWhyAndEveryFailureHowToFixIt() throws IOException {
    Set<String> reasons = reasons();
    assertTrue(
        reasons.containsAll(
            Set.of("missing_functions", "missing_capability", "needs_function", "demo")),
        reasons.toString());
    assertTrue(reasons.size() >= 30, reasons.toString());
    Set<String> keys = new TreeSet<>();
    reasons.forEach(reason -> keys.add("check.reason." + reason));
    assertKeys(keys);
    // Skips and the demo's pass need no fix.
    Set<String> fixes = new TreeSet<>();
    reasons.stream()
        .filter(r -> !r.startsWith("needs_") && !r.startsWith("no_") && !r.equals("demo"))
        .filter(
            r ->
                !Set.of("moodle_not_configured", "moodle_unreachable", "token_refused").contains(r))
        .forEach(reason -> fixes.add("check.fix." + reason));
    assertKeys(fixes);
  }

  @Test
  void everyOutboxKindHasAName() throws IOException {
    Set<String> kinds =
        Set.of(
            GroupMirror.ADD,
            GroupMirror.REMOVE,
            ForumMirror.DISCUSSION,
            ForumMirror.REPLY,
            ForumShare.KIND,
            Notifier.KIND,
            org.copconnector.plugin.training.SessionCalendar.KIND,
            org.copconnector.plugin.training.GradebookScores.KIND);
    Set<String> keys = new TreeSet<>();
    kinds.forEach(kind -> keys.add("outbox.kind." + kind));
    assertKeys(keys);
  }

  @Test
  void everyDeliveryAndRosterFailureHasAReason() throws IOException {
    Set<String> keys = new TreeSet<>(Set.of("delivery.failure.other", "roster.failure.other"));
    Arrays.stream(DeliveryFailure.Kind.values())
        .forEach(kind -> keys.add("delivery.failure." + kind.code()));
    Arrays.stream(RosterSyncStatus.Failure.values())
        .forEach(
            failure ->
                keys.add("roster.failure." + Json.lenient().toJson(failure).replace("\"", "")));
    assertEquals(11, keys.size(), keys.toString());
    assertKeys(keys);
  }
}
