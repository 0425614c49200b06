package org.copconnector.plugin.discussion;

import java.util.Map;
import java.util.Set;

/**
 * Who follows or muted one thread: the members' own choices, and who wrote in it from the hub (they
 * follow it unless they chose otherwise, and unless they want no notifications from the community).
 */
record ThreadFollowers(Map<String, ThreadFollow> chosen, Set<String> wroteFromHub) {

  /** The member's standing in the thread, their own choice first. */
  ThreadFollow of(String member, NotificationChoice community) {
    ThreadFollow choice = chosen.get(member);
    if (choice != null) {
      return choice;
    }
    return wroteFromHub.contains(member) && community != NotificationChoice.NONE
        ? ThreadFollow.FOLLOWING
        : ThreadFollow.NORMAL;
  }

  /** Whether a new post of the thread reaches the member at once. */
  boolean atOnce(String member, NotificationChoice community) {
    return switch (of(member, community)) {
      case FOLLOWING -> true;
      case MUTED -> false;
      case NORMAL -> community == NotificationChoice.EVERY_POST;
    };
  }

  /** Whether the thread belongs in the member's daily digest (not muted, not already sent). */
  boolean inDigest(String member, NotificationChoice community) {
    return community == NotificationChoice.DAILY_DIGEST
        && of(member, community) == ThreadFollow.NORMAL;
  }
}
