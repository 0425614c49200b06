package org.copconnector.plugin.resource;

import java.time.Instant;

/** A person's "I used this in class": which version, when, and their note of how it went. */
public record Usage(String lmsUserId, String name, int version, String note, Instant usedAt) {

  /** The same use with the person's name. */
  Usage named(String displayName) {
    return new Usage(lmsUserId, displayName, version, note, usedAt);
  }
}
