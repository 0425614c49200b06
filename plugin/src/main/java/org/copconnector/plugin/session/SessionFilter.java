package org.copconnector.plugin.session;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.ext.Provider;
import org.copconnector.plugin.web.ApiException;

/**
 * Every {@code /api/} request must carry a live session; the session is kept on the request for
 * resources.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public final class SessionFilter implements ContainerRequestFilter {

  private static final String PROPERTY = "cop.session";

  private final SessionStore sessions;

  public SessionFilter(SessionStore sessions) {
    this.sessions = sessions;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith("api/")) {
      return;
    }
    Cookie cookie = request.getCookies().get(SessionCookie.NAME);
    Session session =
        sessions
            .find(cookie == null ? null : cookie.getValue())
            .orElseThrow(
                () ->
                    new ApiException(
                        401,
                        "unauthenticated",
                        "open the connector from your Moodle course to sign in"));
    request.setProperty(PROPERTY, session);
  }

  /** The session a filtered request carries. */
  public static Session of(ContainerRequestContext request) {
    Object session = request.getProperty(PROPERTY);
    if (!(session instanceof Session s)) {
      throw new ApiException(
          401, "unauthenticated", "open the connector from your Moodle course to sign in");
    }
    return s;
  }
}
