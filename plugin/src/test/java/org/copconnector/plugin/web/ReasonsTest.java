package org.copconnector.plugin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.copconnector.plugin.json.Json;
import org.junit.jupiter.api.Test;

/** Every reason the API refuses with can be translated by every bundle the pages load. */
class ReasonsTest {

  private static final Path BUNDLES = Path.of("src/main/resources/web/i18n");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private static Map<String, JsonObject> bundles() throws IOException {
    try (Stream<Path> files = Files.list(BUNDLES)) {
      Map<String, JsonObject> found =
          files
              .filter(f -> f.toString().endsWith(".json"))
              .collect(
                  Collectors.toMap(
                      f -> f.getFileName().toString(),
                      f -> {
                        try {
                          return JsonParser.parseString(Files.readString(f)).getAsJsonObject();
                        } catch (IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        }
                      }));
      assertTrue(
          found.keySet().containsAll(Set.of("en.json", "pt.json")), found.keySet().toString());
      return found;
    }
  }

  @Test
  void everyReasonIsTranslatedInEveryBundleAndQuotesOnlyItsOwnParameters() throws IOException {
    for (Map.Entry<String, JsonObject> bundle : bundles().entrySet()) {
      for (Reason reason : Reason.values()) {
        String key = "error." + reason.key();
        assertTrue(bundle.getValue().has(key), bundle.getKey() + " lacks " + key);
        String text = bundle.getValue().get(key).getAsString();
        assertFalse(text.isBlank(), bundle.getKey() + " " + key);
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
          assertTrue(
              reason.parameters().contains(m.group(1)),
              bundle.getKey() + " " + key + " quotes {" + m.group(1) + "}, not a detail it has");
        }
      }
    }
  }

  @Test
  void bundlesHaveNoErrorsForReasonsThatDoNotExistAndHaveTheStatusFallbacks() throws IOException {
    Set<String> reasons =
        Arrays.stream(Reason.values()).map(Reason::key).collect(Collectors.toSet());
    for (Map.Entry<String, JsonObject> bundle : bundles().entrySet()) {
      for (String key : bundle.getValue().keySet()) {
        if (key.startsWith("error.") && !key.startsWith("error.status.")) {
          assertTrue(
              reasons.contains(key.substring("error.".length())),
              bundle.getKey() + " has " + key + " for no reason the server gives");
        }
      }
      for (String status : List.of("400", "403", "404", "409", "413", "422", "500")) {
        assertTrue(
            bundle.getValue().has("error.status." + status),
            bundle.getKey() + " lacks error.status." + status);
      }
    }
  }

  @Test
  void everyFieldNamedByARefusalHasALabel() throws IOException {
    Pattern named = Pattern.compile("ApiException\\.invalid\\(\\s*Reason\\.\\w+,\\s*\"([^\"]+)\"");
    Set<String> fields = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = named.matcher(Files.readString(file));
        while (m.find()) {
          fields.add(m.group(1));
        }
      }
    }
    assertTrue(fields.contains("title"), "the scan finds the throw sites: " + fields);
    for (Map.Entry<String, JsonObject> bundle : bundles().entrySet()) {
      for (String field : fields) {
        assertTrue(
            bundle.getValue().has("field." + field), bundle.getKey() + " lacks field." + field);
      }
    }
  }

  @Test
  void reasonNamesAreSnakeCaseAndUnique() {
    Set<String> keys = new TreeSet<>();
    for (Reason reason : Reason.values()) {
      assertTrue(reason.key().matches("[a-z]+(_[a-z]+)*"), reason.key());
      assertTrue(keys.add(reason.key()), reason.key());
      assertTrue(reason.status() >= 400 && reason.status() < 600, reason.key());
    }
  }

  @Test
  void anErrorCarriesItsCodeReasonFieldAndParameters() {
    ApiException e =
        ApiException.invalid(
            Reason.TITLE_LENGTH,
            "title",
            "a title is 1 to 200 characters",
            Map.of("min", 1, "max", 200));
    assertEquals(422, e.status());
    JsonObject json =
        Json.lenient()
            .toJsonTree(ApiError.of(e.reason(), e.getMessage(), e.details()))
            .getAsJsonObject();
    assertEquals("invalid_field", json.get("error").getAsString());
    assertEquals("title_length", json.get("reason").getAsString());
    assertEquals("a title is 1 to 200 characters", json.get("message").getAsString());
    JsonObject details = json.getAsJsonObject("details");
    assertEquals("title", details.get("field").getAsString());
    assertEquals(1, details.get("min").getAsInt());
    assertEquals(200, details.get("max").getAsInt());
  }

  @Test
  void aRefusalWithoutTheParametersItsReasonQuotesFailsFast() {
    // Surefire runs with assertions on; in production the answer just lacks the numbers.
    assertThrows(
        AssertionError.class,
        () -> ApiException.invalid(Reason.TITLE_LENGTH, "title", "a title is too long"));
  }
}
