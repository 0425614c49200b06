package org.copconnector.plugin.i18n;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' string bundles ({@code web/i18n/<lang>.json}) for the texts the server writes itself:
 * messages, forum posts, charts. Each bundle is read once; a string missing from one falls back to
 * English, as on the pages. Results are plain text: callers escape them for HTML.
 */
public final class Translations {

  private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

  /** The year of a date pattern with the separator beside it ("/yy" of "M/d/yy"). */
  private static final Pattern YEAR = Pattern.compile("[^\\p{L}']*y+[^\\p{L}']*");

  private static final Map<String, Translations> LOADED = new ConcurrentHashMap<>();

  private final String language;
  private final Locale locale;
  private final Map<String, String> strings;

  private Translations(String language, Map<String, String> strings) {
    this.language = language;
    this.locale = Locale.forLanguageTag(language);
    this.strings = strings;
  }

  /**
   * The strings of a language, or of English when it has no bundle ({@code pt_BR} is {@code pt}).
   */
  public static Translations in(String language) {
    return LOADED.computeIfAbsent(Locales.supported(language), Translations::load);
  }

  /** The language these strings are in. */
  public String language() {
    return language;
  }

  /** The locale for formatting dates in this language. */
  public Locale locale() {
    return locale;
  }

  /** Whether this language's bundle, or English's, has {@code key}. */
  public boolean has(String key) {
    return strings.containsKey(key) || english().strings.containsKey(key);
  }

  /** The string of {@code key}, or the key itself when no bundle has it. */
  public String text(String key) {
    return text(key, Map.of());
  }

  /**
   * The string of {@code key} with each {@code {name}} replaced by its parameter (absent: empty).
   */
  public String text(String key, Map<String, ?> parameters) {
    String template = strings.get(key);
    if (template == null) {
      template = english().strings.getOrDefault(key, key);
    }
    Matcher m = PARAMETER.matcher(template);
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      Object value = parameters.get(m.group(1));
      m.appendReplacement(text, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    return m.appendTail(text).toString();
  }

  /** A day as written in this language, e.g. "22 de novembro de 2026". */
  public String date(LocalDate day) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
  }

  /** A day and month in the short numeric form of this language (no year), for charts. */
  public String dayAndMonth(LocalDate day) {
    String pattern =
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
    return DateTimeFormatter.ofPattern(YEAR.matcher(pattern).replaceAll(""), locale).format(day);
  }

  /** A day and time of day as written in this language. */
  public String dateTime(ZonedDateTime at) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(locale)
        .format(at);
  }

  private static Translations english() {
    return in(Locales.DEFAULT);
  }

  private static Translations load(String language) {
    String path = Locales.BUNDLES + language + ".json";
    try (InputStream in = Translations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no bundle " + path + " on the class path");
      }
      JsonObject bundle =
          JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .getAsJsonObject();
      Map<String, String> strings = new HashMap<>();
      for (Map.Entry<String, JsonElement> e : bundle.entrySet()) {
        strings.put(e.getKey(), e.getValue().getAsString());
      }
      return new Translations(language, Map.copyOf(strings));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
