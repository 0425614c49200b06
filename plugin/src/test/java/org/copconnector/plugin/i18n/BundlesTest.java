package org.copconnector.plugin.i18n;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every language has every string and no other, every key the pages use exists, and the server
 * reads the same bundles.
 */
class BundlesTest {

  private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

  private static JsonObject bundle(String lang) throws IOException {
    try (InputStream in = BundlesTest.class.getResourceAsStream("/web/i18n/" + lang + ".json")) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  private static Set<String> parameters(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PARAMETER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void everyBundleFileIsASupportedLanguage() throws IOException {
    assertTrue(
        Locales.SUPPORTED.containsAll(List.of("en", "pt", "es")), Locales.SUPPORTED.toString());
    assertEquals("en", Locales.SUPPORTED.get(0), "English first: the fallback");
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/web/i18n"))) {
      Set<String> onDisk =
          new TreeSet<>(
              files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")).toList());
      assertEquals(onDisk, new TreeSet<>(Locales.SUPPORTED));
    }
  }

  @Test
  void allLanguagesHaveTheSameKeysAndNoEmptyStrings() throws IOException {
    JsonObject english = bundle("en");
    for (String lang : Locales.SUPPORTED) {
      JsonObject strings = bundle(lang);
      assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(strings.keySet()), lang);
      for (var e : strings.entrySet()) {
        String text = e.getValue().getAsString();
        assertFalse(text.isBlank(), lang + " " + e.getKey());
        assertEquals(
            parameters(english.get(e.getKey()).getAsString()),
            parameters(text),
            lang + " " + e.getKey() + " has the same {parameters} as English");
      }
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
    assertEquals("es", Locales.supported("es_MX"));
    assertEquals("en", Locales.supported("fr"));
    assertEquals("en", Locales.supported(null));
  }

  @Test
  void eachLanguageIsOfferedUnderItsOwnName() {
    assertEquals(
        List.of(
            new Locales.Language("en", "English"),
            new Locales.Language("es", "Español"),
            new Locales.Language("pt", "Português")),
        Locales.languages());
  }

  @Test
  void theServerFormatsTheSameStringsAndDatesInTheLanguage() {
    Translations pt = Translations.in("pt_BR");
    assertEquals("pt", pt.language());
    assertEquals(
        "— Ana, no espaço da comunidade",
        pt.text("moodle.forum.attribution", Map.of("name", "Ana")));
    assertEquals("22 de novembro de 2026", pt.date(LocalDate.of(2026, 11, 22)));
    assertEquals("November 22, 2026", Translations.in("en").date(LocalDate.of(2026, 11, 22)));
    assertEquals("22 de noviembre de 2026", Translations.in("es").date(LocalDate.of(2026, 11, 22)));
    assertEquals("11/22", Translations.in("en").dayAndMonth(LocalDate.of(2026, 11, 22)));
    assertEquals("22/11", pt.dayAndMonth(LocalDate.of(2026, 11, 22)));
    assertEquals("en", Translations.in("xx").language(), "no bundle: English");
    assertEquals("no.such.key", pt.text("no.such.key"), "a missing string shows its key");
    assertEquals(
        "«T»: novidades de ",
        pt.text("moodle.digest.thread", Map.of("title", "T")),
        "a missing parameter is left empty, as on the pages");
  }
}
