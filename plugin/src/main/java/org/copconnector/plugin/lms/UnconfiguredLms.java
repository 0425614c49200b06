package org.copconnector.plugin.lms;

import java.util.List;
import org.copconnector.plugin.people.Participant;

/** The LMS used when no Moodle site is configured: features that need it report so. */
public final class UnconfiguredLms implements Lms {

  @Override
  public LmsStatus status() {
    return LmsStatus.NOT_CONFIGURED;
  }

  @Override
  public List<Participant> participants(String courseId) {
    throw new LmsUnavailableException("no LMS is configured (set moodle.url and moodle.token)");
  }
}
