package org.copconnector.plugin.session;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.ext.Provider;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Every {@code /api/} request must carry a live session; the session is kept on the request for
 * resources.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public final class SessionFilter implements ContainerRequestFilter {

  private static final String PROPERTY = "cop.session";

  /**
   * The header the UI sends with every change. The session cookie must be SameSite=None to work
   * inside Moodle's iframe, so a page on another site could make the browser send it; a custom
   * header cannot be added cross-site without a CORS preflight, which the connector never grants.
   */
  public static final String REQUEST_HEADER = "X-Requested-With";

  public static final String REQUEST_HEADER_VALUE = "cop-connector";

  private static final java.util.Set<String> SAFE_METHODS =
      java.util.Set.of("GET", "HEAD", "OPTIONS");

  private final SessionStore sessions;

  public SessionFilter(SessionStore sessions) {
    this.sessions = sessions;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith("api/")) {
      return;
    }
    if (!SAFE_METHODS.contains(request.getMethod())
        && !REQUEST_HEADER_VALUE.equals(request.getHeaderString(REQUEST_HEADER))) {
      throw new ApiException(
          Reason.CROSS_SITE_REQUEST,
          "changes must come from the connector's own pages (" + REQUEST_HEADER + " missing)");
    }
    Cookie cookie = request.getCookies().get(SessionCookie.NAME);
    if (cookie == null) {
      throw notSignedIn();
    }
    // A cookie the store no longer knows is a session that ran out or was ended.
    Session session =
        sessions
            .find(cookie.getValue())
            .orElseThrow(
                () ->
                    new ApiException(
                        Reason.SESSION_EXPIRED,
                        "your session has ended: open the connector from your Moodle course again"));
    request.setProperty(PROPERTY, session);
  }

  /**
   * The session of a filtered request made by an administrator; anyone else is refused (403) with
   * "only administrators can {@code what}".
   */
  public static Session administrator(ContainerRequestContext request, String what) {
    Session session = of(request);
    if (session.role() != ProductRole.ADMIN) {
      throw new ApiException(Reason.ADMINS_ONLY, "only administrators can " + what);
    }
    return session;
  }

  /** The session a filtered request carries. */
  public static Session of(ContainerRequestContext request) {
    Object session = request.getProperty(PROPERTY);
    if (!(session instanceof Session s)) {
      throw notSignedIn();
    }
    return s;
  }

  private static ApiException notSignedIn() {
    return new ApiException(
        Reason.NOT_SIGNED_IN, "open the connector from your Moodle course to sign in");
  }
}
