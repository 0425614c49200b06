package org.copconnector.plugin.lms;

import java.util.List;
import org.copconnector.plugin.people.Participant;

/** What the community features need from the learning-management system they live in. */
public interface Lms {

  /** Whether the LMS is configured and currently answering; cheap enough for a health probe. */
  LmsStatus status();

  /** Everyone taking part in a course, with their roles and groups (may take several calls). */
  List<Participant> participants(String courseId);
}
