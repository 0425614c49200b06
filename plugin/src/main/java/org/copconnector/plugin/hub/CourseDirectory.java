package org.copconnector.plugin.hub;

/** What the hub needs to know about courses beyond the session: how many people take part. */
public interface CourseDirectory {

  /** Participants known for the course (0 before its first roster sync). */
  int participants(String courseId);
}
