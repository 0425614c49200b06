package org.copconnector.plugin.discussion;

import java.time.Instant;

/** A thread of a community: its title, who started it, and where its conversation stands. */
public record DiscussionThread(
    String id,
    String communityId,
    String title,
    String authorId,
    String authorName,
    boolean pinned,
    int postCount,
    Instant createdAt,
    Instant lastPostAt) {}
