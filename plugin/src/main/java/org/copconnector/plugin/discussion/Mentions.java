package org.copconnector.plugin.discussion;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.discussion.DiscussionViews.Mentionable;
import org.copconnector.plugin.people.PeopleStore;

/**
 * Mentions of members in a post: a link {@code <a data-mention="id">@Name</a>} made by the editor's
 * "@" suggestions. The server keeps a mention only for an active member of the post's community,
 * rewritten with the member's own name and a link to them in the community's member list; any other
 * becomes plain text.
 */
final class Mentions {

  /** The most members one suggestion lists. */
  static final int MAX_SUGGESTIONS = 8;

  /** A body whose mentions are checked, and the members it mentions. */
  record Checked(String html, Set<String> mentioned) {}

  // Sanitised HTML only: attributes in double quotes, no nested links.
  private static final Pattern MENTION =
      Pattern.compile("<a\\s[^>]*?\\bdata-mention=\"([^\"]*)\"[^>]*>(.*?)</a>", Pattern.DOTALL);

  private final CommunityAccess access;
  private final PeopleStore people;

  Mentions(CommunityAccess access, PeopleStore people) {
    this.access = access;
    this.people = people;
  }

  /** Members of the community whose name contains {@code text} (case and accents ignored). */
  List<Mentionable> suggestions(Connection c, String communityId, String text, String caller)
      throws SQLException {
    String needle = PeopleStore.folded(text == null ? "" : text.strip());
    List<String> members =
        access.activeMembers(c, communityId).stream().filter(m -> !m.equals(caller)).toList();
    List<Mentionable> found = new ArrayList<>();
    people
        .names(c, members)
        .forEach(
            (id, name) -> {
              if (PeopleStore.folded(name).contains(needle)) {
                found.add(new Mentionable(id, name));
              }
            });
    // Names that start with the words typed come first.
    found.sort(
        Comparator.comparing((Mentionable m) -> !PeopleStore.folded(m.name()).startsWith(needle))
            .thenComparing(Mentionable::name)
            .thenComparing(Mentionable::lmsUserId));
    return List.copyOf(found.subList(0, Math.min(found.size(), MAX_SUGGESTIONS)));
  }

  /** The body with each mention kept (members) or made plain text (anyone else). */
  Checked check(Connection c, String communityId, String html) throws SQLException {
    Matcher m = MENTION.matcher(html);
    if (!m.find()) {
      return new Checked(html, Set.of());
    }
    Set<String> members = new HashSet<>(access.activeMembers(c, communityId));
    Set<String> named = new LinkedHashSet<>();
    m.reset();
    while (m.find()) {
      if (members.contains(m.group(1))) {
        named.add(m.group(1));
      }
    }
    Map<String, String> names = people.names(c, named);
    Set<String> mentioned = new LinkedHashSet<>();
    StringBuilder out = new StringBuilder(html.length());
    m.reset();
    while (m.find()) {
      String id = m.group(1);
      String name = names.get(id);
      String replacement;
      if (name != null) {
        mentioned.add(id);
        replacement = link(communityId, id, name);
      } else {
        replacement = SafeHtml.escape(SafeHtml.text(m.group(2)));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return new Checked(out.toString(), mentioned);
  }

  /** The mention as the hub keeps it: a link to the member in the community's member list. */
  static String link(String communityId, String lmsUserId, String name) {
    return "<a data-mention=\""
        + SafeHtml.escape(lmsUserId)
        + "\" href=\"/community?id="
        + SafeHtml.escape(communityId)
        + "#member-"
        + SafeHtml.escape(lmsUserId)
        + "\" rel=\"nofollow\">@"
        + SafeHtml.escape(name)
        + "</a>";
  }

  /** The body with each mention as plain "@Name": for copies outside the hub (Moodle). */
  static String plain(String html) {
    return MENTION.matcher(html).replaceAll(r -> Matcher.quoteReplacement(r.group(2)));
  }
}
