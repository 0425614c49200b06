package org.copconnector.plugin.web;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.copconnector.plugin.i18n.Locales;

/**
 * What a browser gets for an address that is no page of the connector: a short page in its
 * language, with a way to the start page, instead of the API's JSON error (which the API keeps).
 */
final class NotFoundPage {

  private static final Map<String, JsonObject> BUNDLES = new ConcurrentHashMap<>();

  private NotFoundPage() {}

  /** Whether the request is a browser asking for a page, outside the API and the assets. */
  static boolean wanted(String path, HttpHeaders headers) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (relative.startsWith("api/") || relative.startsWith("assets/")) {
      return false;
    }
    return headers.getAcceptableMediaTypes().stream()
        .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
  }

  /** The page, in the first of the browser's languages the UI speaks (English otherwise). */
  static Response of(HttpHeaders headers) {
    String lang =
        headers.getAcceptableLanguages().stream()
            .map(Locale::getLanguage)
            .filter(Locales.SUPPORTED::contains)
            .findFirst()
            .orElse("en");
    JsonObject strings = BUNDLES.computeIfAbsent(lang, NotFoundPage::bundle);
    String title = escape(strings.get("notFound.title").getAsString());
    String html =
        "<!DOCTYPE html>\n<html lang=\""
            + lang
            + "\">\n<head>\n  <meta charset=\"utf-8\">\n"
            + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "  <title>"
            + title
            + " – CoP Connector</title>\n"
            + "  <link rel=\"stylesheet\" href=\"/assets/app.css\">\n</head>\n<body>\n"
            + "  <main id=\"main\">\n    <h1>"
            + title
            + "</h1>\n    <p>"
            + escape(strings.get("notFound.text").getAsString())
            + "</p>\n    <p><a href=\"/\">"
            + escape(strings.get("notFound.home").getAsString())
            + "</a></p>\n  </main>\n</body>\n</html>\n";
    return Response.status(404)
        .type("text/html; charset=utf-8")
        .entity(html)
        .cacheControl(CacheControl.valueOf("no-cache"))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static JsonObject bundle(String lang) {
    try (InputStream in = NotFoundPage.class.getResourceAsStream("/web/i18n/" + lang + ".json")) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
