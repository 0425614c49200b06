package org.copconnector.plugin.lms;

import java.util.List;
import org.copconnector.plugin.people.Participant;

/** What the community features need from the learning-management system they live in. */
public interface Lms {

  /** Whether the LMS is configured and currently answering; cheap enough for a health probe. */
  LmsStatus status();

  /** Everyone taking part in a course, with their roles and groups (may take several calls). */
  List<Participant> participants(String courseId);

  /**
   * The course group carrying {@code idnumber}, created (with {@code name}) when there is none, so
   * that asking twice never makes two groups; returns the group's LMS id.
   */
  String ensureGroup(String courseId, String name, String idnumber);

  /** Adds people to a group; adding someone already in it changes nothing. */
  void addGroupMembers(String groupId, List<String> userIds);

  /** Removes people from a group; removing someone not in it changes nothing. */
  void removeGroupMembers(String groupId, List<String> userIds);

  /** The forums of a course, with their group mode. */
  List<Forum> forums(String courseId);

  /** A course forum; {@code groupMode} 0 = no groups, 1 = separate groups, 2 = visible groups. */
  record Forum(String id, String name, String type, int groupMode) {

    /** Discussions can be kept to one community's group only in a forum with groups. */
    public boolean usesGroups() {
      return groupMode > 0;
    }
  }
}
