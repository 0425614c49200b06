package org.copconnector.plugin.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every language has every string, and every key the pages use exists. */
class TranslationsTest {

  private static JsonObject bundle(String lang) throws IOException {
    try (InputStream in =
        TranslationsTest.class.getResourceAsStream("/web/i18n/" + lang + ".json")) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  @Test
  void allLanguagesHaveTheSameKeysAndNoEmptyStrings() throws IOException {
    Set<String> english = new TreeSet<>(bundle("en").keySet());
    for (String lang : Locales.SUPPORTED) {
      JsonObject strings = bundle(lang);
      assertEquals(english, new TreeSet<>(strings.keySet()), lang);
      strings
          .entrySet()
          .forEach(e -> assertFalse(e.getValue().getAsString().isBlank(), lang + " " + e.getKey()));
    }
  }

  @Test
  void everyKeyUsedByThePagesExists() throws IOException {
    Set<String> english = bundle("en").keySet();
    Pattern used =
        Pattern.compile(
            "data-i18n=\"([^\"]+)\"|data-i18n-attr=\"[^:]+:([^\";]+)\"|\\bt\\('([a-z][\\w.]+)'");
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/web"))) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js"))
              .toList()) {
        Matcher m = used.matcher(Files.readString(file));
        while (m.find()) {
          String key =
              m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
          // A plural is kept as key.one, key.other…: the page asks for the key itself.
          assertTrue(
              english.contains(key) || english.contains(key + ".other"),
              file + " uses missing key " + key);
        }
      }
    }
  }

  @Test
  void localesFallBackToEnglish() {
    assertEquals("pt", Locales.supported("pt_BR"));
    assertEquals("pt", Locales.supported("pt-PT"));
    assertEquals("en", Locales.supported("fr"));
    assertEquals("en", Locales.supported(null));
  }
}
