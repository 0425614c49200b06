package org.copconnector.plugin.session;

import java.time.Instant;
import java.util.Objects;

/** A signed-in person, in the course they came from. */
public record Session(
    Long platformId,
    String lmsUserId,
    String displayName,
    String email,
    String locale,
    String courseId,
    String courseTitle,
    ProductRole role,
    boolean demo,
    Instant expiresAt) {

  public Session {
    Objects.requireNonNull(lmsUserId, "lmsUserId");
    Objects.requireNonNull(role, "role");
    displayName = displayName == null || displayName.isBlank() ? "User " + lmsUserId : displayName;
    locale = locale == null || locale.isBlank() ? "en" : locale;
  }

  /** The same person with a new expiry. */
  public Session expiringAt(Instant expiry) {
    return new Session(
        platformId,
        lmsUserId,
        displayName,
        email,
        locale,
        courseId,
        courseTitle,
        role,
        demo,
        expiry);
  }
}
