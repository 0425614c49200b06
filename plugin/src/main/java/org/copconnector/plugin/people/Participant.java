package org.copconnector.plugin.people;

import java.util.List;
import java.util.Objects;

/** A person taking part in an LMS course, with their roles and groups there. */
public record Participant(
    String lmsUserId, String displayName, String email, List<String> roles, List<String> groups) {

  public Participant {
    Objects.requireNonNull(lmsUserId, "lmsUserId");
    displayName = displayName == null || displayName.isBlank() ? "User " + lmsUserId : displayName;
    roles = roles == null ? List.of() : List.copyOf(roles);
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
