package org.copconnector.connector.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.copconnector.plugin.i18n.Locales;
import org.copconnector.plugin.i18n.Translations;

/**
 * The language of an LTI page: the launch's locale when it has a bundle, else the best supported
 * match of the browser's Accept-Language, else English.
 */
final class PageLanguage {

  private PageLanguage() {}

  /** The strings for a page; {@code launchLocale} and {@code acceptLanguage} may be null. */
  static Translations of(String launchLocale, String acceptLanguage) {
    String launch = supportedOrNull(launchLocale);
    if (launch != null) {
      return Translations.in(launch);
    }
    return Translations.in(bestMatch(acceptLanguage));
  }

  /** The best supported language of an Accept-Language header, by its weights; else English. */
  static String bestMatch(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locales.DEFAULT;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException e) {
      return Locales.DEFAULT;
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() <= 0 || range.getRange().equals("*")) {
        continue;
      }
      String language = supportedOrNull(range.getRange());
      if (language != null) {
        return language;
      }
    }
    return Locales.DEFAULT;
  }

  /**
   * The locale a launch asks for, read from its id_token before (or without) validation: it only
   * picks the language of the page that says why the launch was refused.
   */
  static String launchLocale(String idToken) {
    if (idToken == null || idToken.isBlank()) {
      return null;
    }
    try {
      JWTClaimsSet claims = SignedJWT.parse(idToken).getJWTClaimsSet();
      Object presentation = claims.getClaim(LtiClaims.LAUNCH_PRESENTATION);
      if (presentation instanceof Map<?, ?> map && map.get("locale") instanceof String locale) {
        return locale;
      }
      return claims.getClaim("locale") instanceof String locale ? locale : null;
    } catch (ParseException e) {
      return null;
    }
  }

  /** The bundle language of a locale such as {@code pt_PT} or {@code es-419}, or null. */
  private static String supportedOrNull(String locale) {
    if (locale == null || locale.isBlank()) {
      return null;
    }
    String language = locale.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    return Locales.SUPPORTED.contains(language) ? language : null;
  }
}
