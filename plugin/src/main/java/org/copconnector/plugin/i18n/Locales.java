package org.copconnector.plugin.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The languages people can use: one for every bundle in {@code web/i18n/} (found at start-up, so a
 * new language is only a new file), and how a launch's locale picks one.
 */
public final class Locales {

  /** Where the bundles are, on the class path. */
  static final String BUNDLES = "/web/i18n/";

  /** The language used when nothing else is known, and for missing strings. */
  public static final String DEFAULT = "en";

  /** The languages with a bundle, English first. */
  public static final List<String> SUPPORTED = discover();

  /** A language as a switcher offers it: its code and its own name. */
  public record Language(String code, String name) {}

  private Locales() {}

  /**
   * {@code pt_BR}, {@code pt-pt} and {@code pt} read as Portuguese; anything without a bundle as
   * English.
   */
  public static String supported(String locale) {
    if (locale == null) {
      return DEFAULT;
    }
    String language = locale.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    return SUPPORTED.contains(language) ? language : DEFAULT;
  }

  /** Every supported language with its name in that language, for a language switcher. */
  public static List<Language> languages() {
    return SUPPORTED.stream()
        .map(code -> new Language(code, Translations.in(code).text("language.name")))
        .toList();
  }

  /** ISO 639-1 codes that have a bundle on the class path. */
  private static List<String> discover() {
    List<String> found = new ArrayList<>(List.of(DEFAULT));
    for (String code : Locale.getISOLanguages()) {
      if (!code.equals(DEFAULT) && Locales.class.getResource(BUNDLES + code + ".json") != null) {
        found.add(code);
      }
    }
    return List.copyOf(found);
  }
}
