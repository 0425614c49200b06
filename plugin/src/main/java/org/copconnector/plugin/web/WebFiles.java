package org.copconnector.plugin.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UI's files: plain HTML, CSS and JavaScript modules from the class path ({@code web/}) and the
 * libraries' files from their WebJars, read once and held in memory. Only names that exist are
 * remembered, so a stream of made-up names cannot grow the cache.
 */
public final class WebFiles {

  /** A file to send: its bytes, content type and caching rule. */
  public record WebFile(byte[] content, String type, String cacheControl) {}

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html;charset=utf-8",
          "css", "text/css;charset=utf-8",
          "js", "text/javascript;charset=utf-8",
          "json", "application/json",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "woff2", "font/woff2");
  private static final Pattern SAFE_PATH =
      Pattern.compile("[a-z0-9][a-z0-9_\\-]*(/[a-z0-9][a-z0-9_\\-]*)*\\.[a-z]+");

  /** The UI's own files may change with a new version: browsers check again after a while. */
  private static final String OWN = "max-age=300";

  /** A library's version is in its address, so a browser keeps it for a year. */
  private static final String VERSIONED = "max-age=31536000, immutable";

  /** Pages are never cached, so a new version shows at once. */
  private static final String PAGE = "no-cache";

  /** A page that starts with this line gets the shared head, banner and top of the navigation. */
  private static final Pattern LAYOUT =
      Pattern.compile("<!--layout script=\"([a-z][a-z\\-]*\\.js)\"(?: early=\"([^\"<>]*)\")?-->\n");

  private static final Pattern EARLY = Pattern.compile("data-early=\"[^\"]*\"");

  /** The CSS framework's files the pages use, by name, from its WebJar on the class path. */
  private static final Map<String, String> VENDOR =
      Map.of(
          "bootstrap.min.css", "dist/css/bootstrap.min.css",
          "bootstrap.bundle.min.js", "dist/js/bootstrap.bundle.min.js");

  private static final String BOOTSTRAP_VERSION = webJarVersion("org.webjars.npm", "bootstrap");

  /** The rich-text editor's files: its script and the parts it loads by name, minified only. */
  private static final Pattern EDITOR_FILE =
      Pattern.compile(
          "[a-z0-9][a-z0-9_\\-]*(/[a-z0-9][a-z0-9_\\-]*)*(\\.[a-z]+)?\\.min\\.(js|css)");

  private static final String EDITOR_VERSION = webJarVersion("org.webjars.npm", "tinymce");

  /** The API description's browser (Swagger UI): its bundled script and its style sheet. */
  private static final Set<String> API_BROWSER_FILES =
      Set.of("swagger-ui-bundle.js", "swagger-ui.css");

  private static final String API_BROWSER_VERSION = webJarVersion("org.webjars", "swagger-ui");

  /**
   * KaTeX, which renders the TeX of posts in the browser. No WebJar of it is served by Maven
   * Central, so its files are kept in {@code vendor/katex/<version>/} (refreshed with
   * scripts/vendor-katex.sh).
   */
  static final String MATHS_VERSION = "0.19.1";

  /** KaTeX's files the pages use: its script and styles, the auto-render extension, the fonts. */
  private static final Pattern MATHS_FILE =
      Pattern.compile(
          "katex\\.min\\.(js|css)|contrib/auto-render\\.min\\.js|fonts/KaTeX_[A-Za-z0-9_\\-]+\\.woff2");

  /** A library's file under {@code assets/}: {@code vendor/<library>/<version>/<path>}. */
  private static final Pattern VENDOR_PATH =
      Pattern.compile("vendor/(bootstrap|tinymce|katex|swagger-ui)/([^/]+)/(.+)");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  /**
   * An HTML page of the UI; without a session it starts no request of its own data in the head
   * (early.js), which could only be refused: the page then says how to sign in.
   */
  public Optional<WebFile> page(String name, boolean signedIn) {
    if (signedIn) {
      return own(name, PAGE);
    }
    Optional<WebFile> page = own(name, PAGE);
    if (page.isEmpty()) {
      return page;
    }
    byte[] anonymous =
        cache.computeIfAbsent(
            name + "#signed-out",
            key ->
                EARLY
                    .matcher(new String(page.get().content(), StandardCharsets.UTF_8))
                    .replaceFirst("data-early=\"\"")
                    .getBytes(StandardCharsets.UTF_8));
    return Optional.of(new WebFile(anonymous, TYPES.get("html"), PAGE));
  }

  /** Whatever {@code /assets/<path>} names: a library's file or one of the UI's own. */
  public Optional<WebFile> asset(String path) {
    Matcher vendor = VENDOR_PATH.matcher(path);
    if (vendor.matches()) {
      String version = vendor.group(2);
      String file = vendor.group(3);
      Optional<WebFile> found =
          switch (vendor.group(1)) {
            case "bootstrap" -> bootstrap(version, file);
            case "tinymce" -> editor(version, file);
            case "katex" -> maths(version, file);
            default -> apiBrowser(version, file);
          };
      if (found.isPresent()) {
        return found;
      }
    }
    return ownAsset(path);
  }

  /** One of the UI's own files (not a page): only plain lower-case names, nothing outside web/. */
  public Optional<WebFile> ownAsset(String path) {
    if (!SAFE_PATH.matcher(path).matches()) {
      return Optional.empty();
    }
    return own(path, OWN);
  }

  /** Bootstrap from its WebJar, by the names the pages use. */
  public Optional<WebFile> bootstrap(String version, String file) {
    String inJar = VENDOR.get(file);
    if (inJar == null || !version.equals(BOOTSTRAP_VERSION)) {
      return Optional.empty();
    }
    return library(
        "vendor/" + file,
        "/META-INF/resources/webjars/bootstrap/" + BOOTSTRAP_VERSION + "/" + inJar,
        file);
  }

  /**
   * The rich-text editor (TinyMCE) from its WebJar: its script, which then loads its theme, model,
   * icons, plugins and skin from beside it.
   */
  public Optional<WebFile> editor(String version, String path) {
    if (!version.equals(EDITOR_VERSION) || !EDITOR_FILE.matcher(path).matches()) {
      return Optional.empty();
    }
    return library(
        "vendor/tinymce/" + path,
        "/META-INF/resources/webjars/tinymce/" + EDITOR_VERSION + "/" + path,
        path);
  }

  /** KaTeX (see {@link #MATHS_VERSION}): its script, auto-render, the style sheet and its fonts. */
  public Optional<WebFile> maths(String version, String path) {
    if (!version.equals(MATHS_VERSION) || !MATHS_FILE.matcher(path).matches()) {
      return Optional.empty();
    }
    return library("vendor/katex/" + path, "/vendor/katex/" + MATHS_VERSION + "/" + path, path);
  }

  /** Swagger UI from its WebJar. */
  public Optional<WebFile> apiBrowser(String version, String file) {
    if (!API_BROWSER_FILES.contains(file) || !version.equals(API_BROWSER_VERSION)) {
      return Optional.empty();
    }
    return library(
        "vendor/swagger-ui/" + file,
        "/META-INF/resources/webjars/swagger-ui/" + API_BROWSER_VERSION + "/" + file,
        file);
  }

  /** How many files are held in memory. */
  int cached() {
    return cache.size();
  }

  private Optional<WebFile> library(String key, String classPath, String name) {
    byte[] content = cache.get(key);
    if (content == null) {
      content = readClassPath(classPath);
      if (content.length == 0) {
        return Optional.empty();
      }
      cache.putIfAbsent(key, content);
    }
    return Optional.of(new WebFile(content, type(name), VERSIONED));
  }

  private Optional<WebFile> own(String path, String cacheControl) {
    String type = type(path);
    if (type == null) {
      return Optional.empty();
    }
    byte[] content = cache.get(path);
    if (content == null) {
      content = load(path);
      if (content.length == 0) {
        return Optional.empty();
      }
      cache.putIfAbsent(path, content);
    }
    return Optional.of(new WebFile(content, type, cacheControl));
  }

  private static String type(String name) {
    return TYPES.get(name.substring(name.lastIndexOf('.') + 1));
  }

  private static byte[] load(String path) {
    byte[] content = read(path);
    if (!path.endsWith(".html") || content.length == 0) {
      return content;
    }
    String page =
        new String(content, StandardCharsets.UTF_8)
            .replace("{{bootstrap}}", "/assets/vendor/bootstrap/" + BOOTSTRAP_VERSION)
            .replace("{{swagger-ui}}", "/assets/vendor/swagger-ui/" + API_BROWSER_VERSION);
    Matcher layout = LAYOUT.matcher(page);
    if (!layout.lookingAt()) {
      return page.getBytes(StandardCharsets.UTF_8);
    }
    String head =
        new String(read("layout-head.html"), StandardCharsets.UTF_8)
            .replace("{{bootstrap}}", "/assets/vendor/bootstrap/" + BOOTSTRAP_VERSION)
            .replace("{{editor}}", "/assets/vendor/tinymce/" + EDITOR_VERSION)
            .replace("{{maths}}", "/assets/vendor/katex/" + MATHS_VERSION);
    String script = layout.group(1);
    String preloads = new ModulePreloads(name -> read("js/" + name)).links(script);
    String early = layout.group(2) == null ? "" : layout.group(2);
    return (head.replace("{{preloads}}", preloads)
                .replace("{{early}}", early)
                .replace("{{script}}", script)
            + page.substring(layout.end()))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(String path) {
    return readClassPath("/web/" + path);
  }

  private static byte[] readClassPath(String path) {
    try (InputStream in = WebFiles.class.getResourceAsStream(path)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String webJarVersion(String group, String name) {
    Properties properties = new Properties();
    try (InputStream in =
        WebFiles.class.getResourceAsStream(
            "/META-INF/maven/" + group + "/" + name + "/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the " + name + " WebJar is not on the class path");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
