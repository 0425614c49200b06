package org.copconnector.plugin.web;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.copconnector.plugin.session.SessionCookie;

/**
 * The web UI: plain HTML, CSS and JavaScript modules from the class path ({@code web/}), no build
 * step. Pages are shells; their data comes from the JSON API, which checks the session.
 */
@Path("/")
public final class StaticResource {

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "json", "application/json",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon");
  private static final String SAFE_PATH = "[a-z0-9][a-z0-9_\\-]*(/[a-z0-9][a-z0-9_\\-]*)*\\.[a-z]+";

  /** A page that starts with this line gets the shared head, banner and top of the navigation. */
  private static final Pattern LAYOUT =
      Pattern.compile("<!--layout script=\"([a-z][a-z\\-]*\\.js)\"(?: early=\"([^\"<>]*)\")?-->\n");

  private static final Pattern EARLY = Pattern.compile("data-early=\"[^\"]*\"");

  /** The CSS framework's files the pages use, by name, from its WebJar on the class path. */
  private static final Map<String, String> VENDOR =
      Map.of(
          "bootstrap.min.css", "dist/css/bootstrap.min.css",
          "bootstrap.bundle.min.js", "dist/js/bootstrap.bundle.min.js");

  private static final String BOOTSTRAP_VERSION = webJarVersion("bootstrap");

  /** The rich-text editor's files: its script and the parts it loads by name, minified only. */
  private static final Pattern EDITOR_FILE =
      Pattern.compile(
          "[a-z0-9][a-z0-9_\\-]*(/[a-z0-9][a-z0-9_\\-]*)*(\\.[a-z]+)?\\.min\\.(js|css)");

  private static final String EDITOR_VERSION = webJarVersion("tinymce");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
  private final String startPage;

  /** The UI, whose root leads to the course hub. */
  public StaticResource() {
    this("hub");
  }

  /** The UI, whose root leads to {@code startPage} (a page's path without its slash). */
  public StaticResource(String startPage) {
    this.startPage = startPage;
  }

  /**
   * The root leads to the start page: the hub, which explains how to sign in when nobody is, or the
   * demo's start page.
   */
  @GET
  public Response root(@Context UriInfo uri) {
    return Response.seeOther(uri.getBaseUri().resolve(startPage)).build();
  }

  @GET
  @Path("admin")
  public Response admin(@CookieParam(SessionCookie.NAME) String session) {
    return page("admin.html", session != null);
  }

  @GET
  @Path("hub")
  public Response hub(@CookieParam(SessionCookie.NAME) String session) {
    return page("hub.html", session != null);
  }

  @GET
  @Path("community")
  public Response community(@CookieParam(SessionCookie.NAME) String session) {
    return page("community.html", session != null);
  }

  @GET
  @Path("thread")
  public Response thread(@CookieParam(SessionCookie.NAME) String session) {
    return page("thread.html", session != null);
  }

  @GET
  @Path("discussions")
  public Response discussions(@CookieParam(SessionCookie.NAME) String session) {
    return page("discussions.html", session != null);
  }

  @GET
  @Path("bank")
  public Response bank(@CookieParam(SessionCookie.NAME) String session) {
    return page("bank.html", session != null);
  }

  @GET
  @Path("resource")
  public Response resource(@CookieParam(SessionCookie.NAME) String session) {
    return page("resource.html", session != null);
  }

  @GET
  @Path("reflection")
  public Response reflection(@CookieParam(SessionCookie.NAME) String session) {
    return page("reflection.html", session != null);
  }

  @GET
  @Path("prompt")
  public Response prompt(@CookieParam(SessionCookie.NAME) String session) {
    return page("prompt.html", session != null);
  }

  @GET
  @Path("portfolio")
  public Response portfolio(@CookieParam(SessionCookie.NAME) String session) {
    return page("portfolio.html", session != null);
  }

  @GET
  @Path("training")
  public Response training(@CookieParam(SessionCookie.NAME) String session) {
    return page("training.html", session != null);
  }

  @GET
  @Path("training-action")
  public Response trainingAction(@CookieParam(SessionCookie.NAME) String session) {
    return page("training-action.html", session != null);
  }

  @GET
  @Path("training-session")
  public Response trainingSession(@CookieParam(SessionCookie.NAME) String session) {
    return page("training-session.html", session != null);
  }

  @GET
  @Path("training-portfolio")
  public Response trainingPortfolio(@CookieParam(SessionCookie.NAME) String session) {
    return page("training-portfolio.html", session != null);
  }

  /** An HTML page of the UI, never cached, so a new version shows at once. */
  public Response page(String name) {
    return page(name, true);
  }

  /**
   * An HTML page; without a session it starts no request of its own data in the head (early.js),
   * which could only be refused: the page then says how to sign in.
   */
  private Response page(String name, boolean signedIn) {
    if (signedIn) {
      return file(name, "no-cache");
    }
    byte[] anonymous =
        cache.computeIfAbsent(
            name + "#signed-out",
            key ->
                EARLY
                    .matcher(
                        new String(
                            cache.computeIfAbsent(name, StaticResource::load),
                            StandardCharsets.UTF_8))
                    .replaceFirst("data-early=\"\"")
                    .getBytes(StandardCharsets.UTF_8));
    return Response.ok(anonymous, TYPES.get("html"))
        .cacheControl(CacheControl.valueOf("no-cache"))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @GET
  @Path("assets/{path: .+}")
  public Response asset(@PathParam("path") String path) {
    // Only plain lower-case names: nothing can climb out of web/ or reach other class-path files.
    if (!path.matches(SAFE_PATH)) {
      throw ApiException.notFound(Reason.ASSET_NOT_FOUND, "asset");
    }
    return file(path, "max-age=300");
  }

  /**
   * Bootstrap from its WebJar; the version is in the address, so a browser keeps it for a year and
   * an upgrade is a new address.
   */
  @GET
  @Path("assets/vendor/bootstrap/{version}/{file}")
  public Response bootstrap(@PathParam("version") String version, @PathParam("file") String file) {
    String inJar = VENDOR.get(file);
    if (inJar == null || !version.equals(BOOTSTRAP_VERSION)) {
      throw ApiException.notFound(Reason.ASSET_NOT_FOUND, "asset");
    }
    String path = "vendor/" + file;
    byte[] content =
        cache.computeIfAbsent(
            path,
            p ->
                readClassPath(
                    "/META-INF/resources/webjars/bootstrap/" + BOOTSTRAP_VERSION + "/" + inJar));
    String extension = file.substring(file.lastIndexOf('.') + 1);
    return Response.ok(content, TYPES.get(extension))
        .cacheControl(CacheControl.valueOf("max-age=31536000, immutable"))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /**
   * The rich-text editor (TinyMCE) from its WebJar: its script, which then loads its theme, model,
   * icons, plugins and skin from beside it; the version is in the address, as for Bootstrap.
   */
  @GET
  @Path("assets/vendor/tinymce/{version}/{path: .+}")
  public Response editor(@PathParam("version") String version, @PathParam("path") String path) {
    if (!version.equals(EDITOR_VERSION) || !EDITOR_FILE.matcher(path).matches()) {
      throw ApiException.notFound(Reason.ASSET_NOT_FOUND, "asset");
    }
    byte[] content =
        cache.computeIfAbsent(
            "vendor/tinymce/" + path,
            p ->
                readClassPath(
                    "/META-INF/resources/webjars/tinymce/" + EDITOR_VERSION + "/" + path));
    if (content.length == 0) {
      cache.remove("vendor/tinymce/" + path);
      throw ApiException.notFound(Reason.ASSET_NOT_FOUND, "asset");
    }
    String extension = path.substring(path.lastIndexOf('.') + 1);
    return Response.ok(content, TYPES.get(extension))
        .cacheControl(CacheControl.valueOf("max-age=31536000, immutable"))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private Response file(String path, String cacheControl) {
    String extension = path.substring(path.lastIndexOf('.') + 1);
    String type = TYPES.get(extension);
    if (type == null) {
      throw ApiException.notFound(Reason.ASSET_NOT_FOUND, "asset");
    }
    byte[] content = cache.get(path);
    if (content == null) {
      content = load(path);
      if (content.length == 0) {
        // Unknown names are not remembered: the cache holds only the files that exist.
        throw ApiException.notFound(Reason.ASSET_NOT_FOUND, "asset");
      }
      cache.putIfAbsent(path, content);
    }
    return Response.ok(content, type)
        .cacheControl(CacheControl.valueOf(cacheControl))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** How many files are held in memory. */
  int cached() {
    return cache.size();
  }

  private static byte[] load(String path) {
    byte[] content = read(path);
    if (!path.endsWith(".html")) {
      return content;
    }
    String page =
        new String(content, StandardCharsets.UTF_8)
            .replace("{{bootstrap}}", "/assets/vendor/bootstrap/" + BOOTSTRAP_VERSION);
    Matcher layout = LAYOUT.matcher(page);
    if (!layout.lookingAt()) {
      return page.getBytes(StandardCharsets.UTF_8);
    }
    String head =
        new String(read("layout-head.html"), StandardCharsets.UTF_8)
            .replace("{{bootstrap}}", "/assets/vendor/bootstrap/" + BOOTSTRAP_VERSION)
            .replace("{{editor}}", "/assets/vendor/tinymce/" + EDITOR_VERSION);
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
    try (InputStream in = StaticResource.class.getResourceAsStream(path)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String webJarVersion(String name) {
    Properties properties = new Properties();
    try (InputStream in =
        StaticResource.class.getResourceAsStream(
            "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
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
