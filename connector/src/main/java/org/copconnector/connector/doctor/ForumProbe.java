package org.copconnector.connector.doctor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.moodle.CourseApi;
import org.copconnector.connector.moodle.ForumApi;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleClientException;

/**
 * The forum capabilities, read from what Moodle says the service user may do: {@code
 * cancreatediscussions} of each forum and {@code canreply} of a discussion. Attachments cannot be
 * tried without posting: Moodle drops them silently without mod/forum:createattachment.
 */
final class ForumProbe {

  private final Moodle moodle;
  private final FeatureChecks checks;

  ForumProbe(Moodle moodle, FeatureChecks checks) {
    this.moodle = moodle;
    this.checks = checks;
  }

  CheckResult check(CourseApi.Course course, String where, List<CourseApi.Section> contents) {
    for (String function :
        List.of("mod_forum_get_forums_by_courses", "mod_forum_get_forum_discussions")) {
      if (!checks.hasFunction(function)) {
        return FeatureChecks.needs(Check.FORUMS, function);
      }
    }
    Map<Long, Integer> groupModeByForum = new HashMap<>();
    for (CourseApi.Section section : contents) {
      for (CourseApi.Module module : section.modules()) {
        if ("forum".equals(module.modname())) {
          groupModeByForum.put(
              module.instance(), module.groupmode() == null ? 0 : module.groupmode());
        }
      }
    }
    if (groupModeByForum.isEmpty()) {
      return CheckResult.skip(Check.FORUMS, "no_forum", where + " has no forum to try on")
          .with("course", where);
    }
    try {
      long anyForum = groupModeByForum.keySet().iterator().next();
      moodle.forums().discussions(anyForum, ForumApi.SortOrder.LAST_POST_DESC, 0, 1, null);
      List<ForumApi.Forum> general =
          moodle.forums().forumsByCourses(List.of(course.id())).stream()
              .filter(f -> "general".equals(f.type()))
              .toList();
      return judge(where, general, groupModeByForum);
    } catch (MoodleClientException e) {
      return checks
          .missingOr(Check.FORUMS, "reading the forums of " + where, e, "mod/forum:viewdiscussion")
          .with("course", where);
    }
  }

  private CheckResult judge(
      String where, List<ForumApi.Forum> general, Map<Long, Integer> groupModeByForum) {
    List<String> confirmed = new ArrayList<>(List.of("reads forums"));
    List<String> unchecked = new ArrayList<>();
    ForumApi.Forum withoutGroups = first(general, groupModeByForum, false);
    ForumApi.Forum withGroups = first(general, groupModeByForum, true);
    if (withoutGroups == null) {
      unchecked.add(
          "mod/forum:startdiscussion (no standard forum without groups in " + where + ")");
    } else if (!withoutGroups.cancreatediscussions()) {
      return checks.missing(
          Check.FORUMS,
          "Moodle says the service user may not start discussions in forum " + withoutGroups.id(),
          "mod/forum:startdiscussion",
          "");
    } else {
      confirmed.add("starts discussions");
    }
    if (withGroups == null || withoutGroups == null) {
      unchecked.add("moodle/site:accessallgroups (needs standard forums with and without groups)");
    } else if (!withGroups.cancreatediscussions()) {
      return checks.missing(
          Check.FORUMS,
          "Moodle says the service user may not start discussions in the groups of forum "
              + withGroups.id(),
          "moodle/site:accessallgroups",
          "");
    } else {
      confirmed.add("in every group");
    }
    ForumApi.Discussion discussion =
        withoutGroups == null ? null : firstDiscussion(withoutGroups.id());
    if (discussion == null) {
      unchecked.add("mod/forum:replypost (no discussion in a standard forum without groups)");
    } else if (!discussion.canreply()) {
      return checks.missing(
          Check.FORUMS,
          "Moodle says the service user may not reply in discussion " + discussion.discussion(),
          "mod/forum:replypost",
          "");
    } else {
      confirmed.add("replies");
    }
    unchecked.add("mod/forum:createattachment (no call shows it without posting)");
    return CheckResult.pass(
            Check.FORUMS,
            String.join(", ", confirmed)
                + " in "
                + where
                + "; not checked: "
                + String.join("; ", unchecked))
        .with("course", where);
  }

  private ForumApi.Discussion firstDiscussion(long forumId) {
    List<ForumApi.Discussion> page =
        moodle
            .forums()
            .discussions(forumId, ForumApi.SortOrder.LAST_POST_DESC, 0, 1, null)
            .discussions();
    return page.isEmpty() ? null : page.get(0);
  }

  private static ForumApi.Forum first(
      List<ForumApi.Forum> forums, Map<Long, Integer> groupModeByForum, boolean withGroups) {
    return forums.stream()
        .filter(f -> (groupModeByForum.getOrDefault(f.id(), 0) != 0) == withGroups)
        .findFirst()
        .orElse(null);
  }
}
