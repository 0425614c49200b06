package org.copconnector.plugin.community;

/** A course the community lives in, with the forum it uses there (null until chosen). */
public record Anchor(String id, String communityId, String courseId, String forumId) {}
