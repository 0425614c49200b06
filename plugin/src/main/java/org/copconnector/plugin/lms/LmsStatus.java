package org.copconnector.plugin.lms;

/** Reachability of the LMS as reported on {@code /health}. */
public enum LmsStatus {
  UP,
  DOWN,
  NOT_CONFIGURED
}
