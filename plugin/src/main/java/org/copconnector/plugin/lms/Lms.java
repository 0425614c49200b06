package org.copconnector.plugin.lms;

/** What the community features need from the learning-management system they live in. */
public interface Lms {

  /** Whether the LMS is configured and currently answering; cheap enough for a health probe. */
  LmsStatus status();
}
