package org.copconnector.connector.browser;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A language the pages speak, with its bundle (web/i18n/&lt;code&gt;.json from the plugin), so one
 * journey can look for the same words in each language.
 */
public enum Language {
  ENGLISH("en"),
  PORTUGUESE("pt");

  private final String code;
  private Map<String, String> strings;

  Language(String code) {
    this.code = code;
  }

  /** The code the pages use: html lang, the language pickers' values. */
  public String code() {
    return code;
  }

  /** The text of a key without parameters, as a page shows it. */
  public String text(String key) {
    String text = strings().get(key);
    if (text == null) {
      throw new IllegalArgumentException("no " + key + " in the " + code + " bundle");
    }
    return text;
  }

  /** Every key of the bundle with its text. */
  public synchronized Map<String, String> strings() {
    if (strings == null) {
      strings = read("/web/i18n/" + code + ".json");
    }
    return strings;
  }

  private static Map<String, String> read(String resource) {
    try (InputStream in = Language.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      return new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return code;
  }
}
