package org.copconnector.plugin.people;

/** What one roster sync changed. */
public record RosterChange(String courseId, int added, int updated, int removed, int unchanged) {

  public int total() {
    return added + updated + unchanged;
  }
}
