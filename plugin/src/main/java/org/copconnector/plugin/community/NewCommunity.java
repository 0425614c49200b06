package org.copconnector.plugin.community;

import java.util.List;
import java.util.Map;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/** What a facilitator sends to start a community; checked here, before anything is stored. */
public record NewCommunity(
    @Length(min = 3, max = NewCommunity.MAX_NAME, reason = "name_length") String name,
    @Length(min = 1, max = NewCommunity.MAX_DOMAIN, reason = "domain_length") String domain,
    Community.Profile profile,
    Community.Joining joining,
    @Length(min = 1, max = 255, entries = NewCommunity.MAX_ANCHORS, reason = "too_many_courses")
        List<String> courseIds) {

  static final int MAX_NAME = 120;
  static final int MAX_DOMAIN = 2000;
  static final int MAX_TAGS = 20;
  static final int MAX_TAG = 60;
  static final int MAX_ANCHORS = 20;

  public NewCommunity {
    name = name == null ? null : name.strip();
    domain = domain == null ? null : domain.strip();
    if (name == null || name.length() < 3 || name.length() > MAX_NAME) {
      throw ApiException.invalid(
          Reason.NAME_LENGTH,
          "name",
          "name must be 3 to " + MAX_NAME + " characters",
          Map.of("min", 3, "max", MAX_NAME));
    }
    if (domain == null || domain.isEmpty() || domain.length() > MAX_DOMAIN) {
      throw ApiException.invalid(
          Reason.DOMAIN_LENGTH,
          "domain",
          "domain (the shared concern) must be 1 to " + MAX_DOMAIN + " characters",
          Map.of("min", 1, "max", MAX_DOMAIN));
    }
    profile = profile == null ? new Community.Profile(null, null, null, null, null, null) : profile;
    checkTags("profile.cycles", profile.cycles());
    checkTags("profile.subjects", profile.subjects());
    checkTags("profile.focus", profile.focus());
    joining = joining == null ? Community.Joining.OPEN : joining;
    courseIds = courseIds == null ? List.of() : courseIds.stream().distinct().toList();
    if (courseIds.size() > MAX_ANCHORS
        || courseIds.stream().anyMatch(c -> c == null || c.isBlank() || c.length() > 255)) {
      throw ApiException.invalid(
          Reason.TOO_MANY_COURSES,
          "courseIds",
          "up to " + MAX_ANCHORS + " course ids",
          Map.of("max", MAX_ANCHORS));
    }
  }

  private static void checkTags(String field, List<String> tags) {
    if (tags.size() > MAX_TAGS
        || tags.stream()
            .anyMatch(t -> t == null || t.isBlank() || t.length() > MAX_TAG || t.contains(","))) {
      throw ApiException.invalid(
          Reason.TAG_LIST,
          field,
          "up to " + MAX_TAGS + " entries of 1 to " + MAX_TAG + " characters, without commas",
          Map.of("maxEntries", MAX_TAGS, "maxLength", MAX_TAG));
    }
  }
}
