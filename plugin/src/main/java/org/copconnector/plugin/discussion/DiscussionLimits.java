package org.copconnector.plugin.discussion;

import java.time.Duration;

/**
 * Configured bounds of discussions: title and body lengths (characters, body counted after
 * sanitising) and how long an author may edit a post.
 */
public record DiscussionLimits(int maxTitle, int maxBody, Duration editWindow) {

  /** What the storage columns can hold. */
  public static final int TITLE_CEILING = 1000;

  public static final int BODY_CEILING = 200_000;

  public DiscussionLimits {
    if (maxTitle < 1 || maxTitle > TITLE_CEILING) {
      throw new IllegalArgumentException("title limit must be 1 to " + TITLE_CEILING);
    }
    if (maxBody < 1 || maxBody > BODY_CEILING) {
      throw new IllegalArgumentException("body limit must be 1 to " + BODY_CEILING);
    }
  }

  public static DiscussionLimits defaults() {
    return new DiscussionLimits(200, 20_000, Duration.ofMinutes(30));
  }
}
