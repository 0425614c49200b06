package org.copconnector.plugin.discussion;

import java.time.Instant;

/** An earlier version of an edited post (with the thread's title then, for a first post). */
public record Revision(int revision, String title, String body, Instant writtenAt) {}
