package org.copconnector.plugin.resource;

import java.time.Instant;

/** One version of a resource: a stored file (by checksum) or a link. */
public record Version(
    int version,
    String sha256,
    String fileName,
    String mediaType,
    Long sizeBytes,
    String url,
    String note,
    String createdBy,
    Instant createdAt) {}
