package org.copconnector.plugin.hub;

import java.util.List;
import java.util.Locale;

/** The languages the UI is translated into, and how a launch's locale picks one. */
public final class Locales {

  public static final List<String> SUPPORTED = List.of("en", "pt");

  private Locales() {}

  /**
   * {@code pt_BR}, {@code pt-pt} and {@code pt} read as Portuguese; anything unknown as English.
   */
  public static String supported(String locale) {
    if (locale == null) {
      return "en";
    }
    String language = locale.toLowerCase(Locale.ROOT).split("[-_]")[0];
    return SUPPORTED.contains(language) ? language : "en";
  }
}
