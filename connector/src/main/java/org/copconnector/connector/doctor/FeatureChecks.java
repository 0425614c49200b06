package org.copconnector.connector.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.copconnector.connector.moodle.CourseApi;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.connector.moodle.MoodleClientException;
import org.copconnector.connector.moodle.MoodleException;
import org.copconnector.connector.moodle.SiteApi.SiteInfo;
import org.copconnector.connector.moodle.UserApi;

/**
 * Tries each feature's capabilities with calls that change nothing in Moodle, on the first course
 * of the site, and names the capability that is missing. Where no such call exists the check says
 * what it could not try.
 */
final class FeatureChecks {

  /**
   * Moodle's installer creates the guest account first and it cannot be deleted: it is in no
   * course, has no contacts, accepts messages only from course members and shows its e-mail only to
   * those who may see people's identity, so what the service user may do with it, it may do with a
   * teacher it shares no course with.
   */
  static final long GUEST_USER_ID = 1;

  private static final long SITE_COURSE_ID = 1;
  private static final String ROLES_PATH =
      "Site administration > Users > Permissions > Define roles > (the service user's role)";

  private final Moodle moodle;
  private final SiteInfo site;
  private final Map<String, String> capabilities;

  /**
   * @param capabilities capability to the feature needing it (moodle-capabilities.txt)
   */
  FeatureChecks(Moodle moodle, SiteInfo site, Map<String, String> capabilities) {
    this.moodle = moodle;
    this.site = site;
    this.capabilities = capabilities;
  }

  List<CheckResult> run() {
    List<CheckResult> results = new ArrayList<>();
    CourseApi.Course course;
    try {
      course = hasFunction("core_course_get_courses_by_field") ? firstCourse() : null;
    } catch (MoodleClientException e) {
      results.add(refused(Check.COURSE_ACCESS, "listing the courses", e));
      return withoutCourse(results, "needs_course_list", "needs the course list");
    }
    if (course == null) {
      results.add(
          hasFunction("core_course_get_courses_by_field")
              ? CheckResult.skip(Check.COURSE_ACCESS, "no_course", "Moodle has no course to try on")
              : needs(Check.COURSE_ACCESS, "core_course_get_courses_by_field"));
      return withoutCourse(results, "needs_course", "needs a course to try on");
    }
    String where = "course " + course.shortname() + " (id " + course.id() + ")";
    List<CourseApi.Section> contents = null;
    if (!hasFunction("core_course_get_contents")) {
      results.add(needs(Check.COURSE_ACCESS, "core_course_get_contents"));
    } else {
      try {
        contents = moodle.courses().contents(course.id());
        results.add(CheckResult.pass(Check.COURSE_ACCESS, "reads " + where).with("course", where));
      } catch (MoodleClientException e) {
        results.add(
            missingOr(Check.COURSE_ACCESS, "reading " + where, e, "moodle/course:view")
                .with("course", where));
      }
    }
    results.add(participants(course, where));
    results.add(people());
    results.add(groups(course, where));
    results.add(
        contents == null
            ? CheckResult.skip(Check.FORUMS, "needs_contents", "needs the course's contents")
            : new ForumProbe(moodle, this).check(course, where, contents));
    results.add(messages());
    return results.stream().map(r -> inCourse(r, course)).toList();
  }

  /** A result naming the course also gives its parts, so a page can say it in its own words. */
  private static CheckResult inCourse(CheckResult result, CourseApi.Course course) {
    return result.params().containsKey("course")
        ? result.with("shortname", course.shortname()).with("courseId", course.id())
        : result;
  }

  private CourseApi.Course firstCourse() {
    return moodle.courses().allCourses().courses().stream()
        .filter(c -> c.id() != SITE_COURSE_ID)
        .findFirst()
        .orElse(null);
  }

  private CheckResult participants(CourseApi.Course course, String where) {
    if (!hasFunction("core_enrol_get_enrolled_users")) {
      return needs(Check.PARTICIPANTS, "core_enrol_get_enrolled_users");
    }
    try {
      moodle.enrolments().page(course.id(), 0, 1);
      return CheckResult.pass(Check.PARTICIPANTS, "lists the participants of " + where)
          .with("course", where);
    } catch (MoodleClientException e) {
      return missingOr(
              Check.PARTICIPANTS,
              "listing the participants of " + where,
              e,
              "moodle/course:viewparticipants")
          .with("course", where);
    }
  }

  private CheckResult people() {
    if (!hasFunction("core_user_get_users_by_field")) {
      return needs(Check.PEOPLE_LOOKUP, "core_user_get_users_by_field");
    }
    try {
      List<UserApi.User> found =
          moodle.users().usersByField(UserApi.Field.ID, List.of(Long.toString(GUEST_USER_ID)));
      if (found.isEmpty()) {
        return missing(
            Check.PEOPLE_LOOKUP,
            "Moodle shows nothing of another person (the guest account, id " + GUEST_USER_ID + ")",
            "moodle/user:viewdetails",
            "");
      }
      String email = found.get(0).email();
      if (email == null || email.isBlank()) {
        return missing(
            Check.PEOPLE_LOOKUP,
            "Moodle hides other people's e-mail addresses: participants come without them and a"
                + " look-up by e-mail finds no one",
            "moodle/site:viewuseridentity",
            "; and keep 'email' in Site administration > Users > Permissions > User policies >"
                + " Show user identity");
      }
      if (moodle.users().usersByField(UserApi.Field.EMAIL, List.of(email)).isEmpty()) {
        return CheckResult.fail(
            Check.PEOPLE_LOOKUP,
            "email_lookup_fails",
            "a look-up by e-mail finds no one although the address is shown",
            "check 'Show user identity' and 'Hide user fields' in Site administration > Users >"
                + " Permissions > User policies");
      }
      return CheckResult.pass(Check.PEOPLE_LOOKUP, "finds people by id and by e-mail");
    } catch (MoodleClientException e) {
      return refused(Check.PEOPLE_LOOKUP, "looking up the guest account", e);
    }
  }

  private CheckResult groups(CourseApi.Course course, String where) {
    if (!hasFunction("core_group_get_course_groups")) {
      return needs(Check.GROUPS, "core_group_get_course_groups");
    }
    try {
      moodle.groups().courseGroups(course.id());
      // Creating groups and changing members need the same capability in the same course.
      return CheckResult.pass(Check.GROUPS, "manages the groups of " + where).with("course", where);
    } catch (MoodleClientException e) {
      return missingOr(
              Check.GROUPS, "listing the groups of " + where, e, "moodle/course:managegroups")
          .with("course", where);
    }
  }

  private CheckResult messages() {
    if (!hasFunction("core_message_send_instant_messages")) {
      return needs(Check.MESSAGES, "core_message_send_instant_messages");
    }
    try {
      Optional<String> refusal = moodle.messages().refusalToMessage(GUEST_USER_ID);
      if (refusal.isPresent()) {
        return missing(
                Check.MESSAGES,
                "Moodle would not deliver notifications to people who share no course with the"
                    + " service user (\""
                    + refusal.get()
                    + "\")",
                "moodle/site:messageanyuser",
                "")
            .with("refusal", refusal.get());
      }
      return CheckResult.pass(
          Check.MESSAGES, "may message anyone (asked without sending a message)");
    } catch (MoodleException e) {
      if (e.is("disabled")) {
        return CheckResult.fail(
            Check.MESSAGES,
            "messaging_disabled",
            "messaging is disabled on the site",
            "Site administration > General > Messaging > tick 'Enable messaging system'");
      }
      return missingOr(Check.MESSAGES, "sending messages", e, "moodle/site:sendmessage");
    } catch (MoodleClientException e) {
      return refused(Check.MESSAGES, "sending messages", e);
    }
  }

  /** Whether the service has the function; a missing one is reported by "Functions enabled". */
  boolean hasFunction(String function) {
    return site.functionNames().contains(function);
  }

  /** A check skipped because the service lacks a function it needs. */
  static CheckResult needs(Check check, String function) {
    return CheckResult.skip(check, "needs_function", "needs " + function)
        .with("function", function);
  }

  /** A failure naming a missing capability, with the feature that needs it. */
  CheckResult missing(Check check, String what, String capability, String moreFix) {
    String feature = capabilities.getOrDefault(capability, "");
    return CheckResult.fail(
            check,
            "missing_capability",
            what
                + ": the service user's role lacks "
                + capability
                + (feature.isEmpty() ? "" : " (" + feature + ")"),
            "allow " + capability + " in " + ROLES_PATH + moreFix)
        .with("capability", capability)
        .with("feature", feature.isEmpty() ? null : feature);
  }

  /**
   * A permission refusal ({@code nopermissions}, or a course the user may not enter) names the
   * capability; anything else is reported as Moodle said it.
   */
  CheckResult missingOr(Check check, String what, MoodleClientException e, String capability) {
    if (e instanceof MoodleException refusal) {
      if (refusal.is("errorcoursecontextnotvalid") || refusal.is("requireloginerror")) {
        return missing(
            check,
            "Moodle refused " + what + " (" + refusal.errorcode() + ")",
            "moodle/course:view",
            "");
      }
      if (refusal.is("nopermissions") || refusal.is("noviewdiscussionspermission")) {
        return missing(
            check, "Moodle refused " + what + " (" + refusal.errorcode() + ")", capability, "");
      }
    }
    return refused(check, what, e);
  }

  static CheckResult refused(Check check, String what, MoodleClientException e) {
    String said =
        e instanceof MoodleException m
            ? m.errorcode() + " (" + m.moodleMessage() + ")"
            : e.getMessage();
    return CheckResult.fail(
            check,
            "refused",
            "Moodle refused " + what + ": " + said,
            "see Moodle's message; the README's 'Connecting Moodle' lists every set-up step")
        .with("errorcode", e instanceof MoodleException m ? m.errorcode() : null);
  }

  /** The course checks skipped; look-ups and messages need no course. */
  private List<CheckResult> withoutCourse(List<CheckResult> results, String reason, String why) {
    results.add(CheckResult.skip(Check.PARTICIPANTS, reason, why));
    results.add(people());
    results.add(CheckResult.skip(Check.GROUPS, reason, why));
    results.add(CheckResult.skip(Check.FORUMS, reason, why));
    results.add(messages());
    return results;
  }
}
