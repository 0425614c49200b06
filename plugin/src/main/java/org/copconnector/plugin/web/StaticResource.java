package org.copconnector.plugin.web;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.copconnector.plugin.session.SessionCookie;

/**
 * The web UI: plain HTML, CSS and JavaScript modules from the class path ({@code web/}), no build
 * step. Pages are shells; their data comes from the JSON API, which checks the session.
 */
@Path("/")
public final class StaticResource {

  private final WebFiles files;
  private final String startPage;

  /** The UI, whose root leads to the course hub. */
  public StaticResource() {
    this(new WebFiles(), "hub");
  }

  /**
   * The UI from {@code files}, whose root leads to {@code startPage} (a page's path without its
   * slash).
   */
  public StaticResource(WebFiles files, String startPage) {
    this.files = files;
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

  /** The API description, browsable; its document needs a session like the rest of the API. */
  @GET
  @Path("api-docs")
  public Response apiDocs(@CookieParam(SessionCookie.NAME) String session) {
    return page("api-docs.html", session != null);
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

  private Response page(String name, boolean signedIn) {
    return send(files.page(name, signedIn));
  }

  @GET
  @Path("assets/{path: .+}")
  public Response asset(@PathParam("path") String path) {
    return send(files.ownAsset(path));
  }

  /** Bootstrap from its WebJar; the version is in the address, so an upgrade is a new address. */
  @GET
  @Path("assets/vendor/bootstrap/{version}/{file}")
  public Response bootstrap(@PathParam("version") String version, @PathParam("file") String file) {
    return send(files.bootstrap(version, file));
  }

  /** The rich-text editor (TinyMCE) from its WebJar, under a versioned address. */
  @GET
  @Path("assets/vendor/tinymce/{version}/{path: .+}")
  public Response editor(@PathParam("version") String version, @PathParam("path") String path) {
    return send(files.editor(version, path));
  }

  /** KaTeX, under a versioned address. */
  @GET
  @Path("assets/vendor/katex/{version}/{path: .+}")
  public Response maths(@PathParam("version") String version, @PathParam("path") String path) {
    return send(files.maths(version, path));
  }

  /** Swagger UI from its WebJar, under a versioned address. */
  @GET
  @Path("assets/vendor/swagger-ui/{version}/{file}")
  public Response apiBrowser(@PathParam("version") String version, @PathParam("file") String file) {
    return send(files.apiBrowser(version, file));
  }

  /** How many files are held in memory. */
  int cached() {
    return files.cached();
  }

  private static Response send(Optional<WebFiles.WebFile> found) {
    WebFiles.WebFile file =
        found.orElseThrow(() -> ApiException.notFound(Reason.ASSET_NOT_FOUND, "asset"));
    return Response.ok(file.content(), file.type())
        .cacheControl(CacheControl.valueOf(file.cacheControl()))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
