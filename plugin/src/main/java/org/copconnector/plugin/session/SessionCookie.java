package org.copconnector.plugin.session;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The session cookie: HttpOnly (scripts cannot read it), Secure, and SameSite=None so that it is
 * sent while the connector is shown inside Moodle's iframe on another site.
 */
public final class SessionCookie {

  public static final String NAME = "cop_session";

  private SessionCookie() {}

  public static NewCookie issue(String token, Duration lifetime) {
    return new NewCookie.Builder(NAME)
        .value(token)
        .path("/")
        .httpOnly(true)
        .secure(true)
        .sameSite(NewCookie.SameSite.NONE)
        .maxAge((int) lifetime.toSeconds())
        .build();
  }

  public static NewCookie clear() {
    return new NewCookie.Builder(NAME)
        .value("")
        .path("/")
        .httpOnly(true)
        .secure(true)
        .sameSite(NewCookie.SameSite.NONE)
        .maxAge(0)
        .build();
  }
}
