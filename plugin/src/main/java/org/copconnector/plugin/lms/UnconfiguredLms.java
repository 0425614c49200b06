package org.copconnector.plugin.lms;

/** The LMS used when no Moodle site is configured: features that need it report so. */
public final class UnconfiguredLms implements Lms {

  @Override
  public LmsStatus status() {
    return LmsStatus.NOT_CONFIGURED;
  }
}
