package org.copconnector.plugin.resource;

import java.time.Instant;

/** A comment on a resource (plain text). */
public record Comment(
    String id, String authorId, String authorName, String body, Instant createdAt) {}
