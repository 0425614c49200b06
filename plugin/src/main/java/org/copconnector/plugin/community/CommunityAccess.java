package org.copconnector.plugin.community;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Who may do what in a community: seeing it (people of its courses, its members, administrators),
 * reading its discussions, writing and moderating.
 */
public final class CommunityAccess {

  /** The caller's standing in one community. */
  public record Access(Community community, Membership mine, boolean admin) {

    public boolean member() {
      return mine != null && mine.active();
    }

    /** Open communities are read by anyone of their courses; others by their members only. */
    public boolean canRead() {
      return admin || member() || community.joining() == Community.Joining.OPEN;
    }

    /** Members write, while the community is not archived. */
    public boolean canWrite() {
      return member() && !community.archived();
    }

    public boolean canModerate() {
      return admin || (mine != null && mine.activeFacilitator());
    }

    public void requireRead() {
      if (!canRead()) {
        throw new ApiException(
            Reason.MEMBERS_ONLY_READ, "only members read this community's discussions");
      }
    }

    public void requireWrite() {
      if (community.archived()) {
        throw new ApiException(Reason.COMMUNITY_ARCHIVED, "this community is archived");
      }
      if (!canWrite()) {
        throw new ApiException(
            Reason.MEMBERS_ONLY_POST, "only members of this community can post in it");
      }
    }

    public void requireModerate() {
      if (!canModerate()) {
        throw new ApiException(
            Reason.FACILITATORS_ONLY, "only this community's facilitators can do that");
      }
    }
  }

  private final CommunityStore store = new CommunityStore();
  private final PeopleStore people;

  public CommunityAccess(PeopleStore people) {
    this.people = people;
  }

  /** The caller's access; 404 when the community does not exist or is not theirs to see. */
  public Access of(Connection c, Session session, String communityId) throws SQLException {
    Community community =
        store
            .find(c, communityId)
            .orElseThrow(
                () ->
                    ApiException.notFound(Reason.COMMUNITY_NOT_FOUND, "community " + communityId));
    Membership mine = store.membership(c, communityId, session.lmsUserId()).orElse(null);
    boolean admin = session.role() == ProductRole.ADMIN;
    boolean inMyCourses =
        !admin && community.courseIds().stream().anyMatch(coursesOf(c, session)::contains);
    if (!admin && !inMyCourses && mine == null) {
      throw ApiException.notFound(Reason.COMMUNITY_NOT_FOUND, "community " + communityId);
    }
    return new Access(community, mine, admin);
  }

  /** Active members and facilitators of a community. */
  public List<String> activeMembers(Connection c, String communityId) throws SQLException {
    return store.members(c, communityId).stream()
        .filter(Membership::active)
        .map(Membership::lmsUserId)
        .toList();
  }

  /** The communities the person is an active member of. */
  public List<String> communitiesOf(Connection c, String lmsUserId) throws SQLException {
    return store.activeCommunitiesOf(c, lmsUserId);
  }

  /** The community's courses, with the forum each uses (null where none was chosen). */
  public List<Anchor> anchors(Connection c, String communityId) throws SQLException {
    return store.anchors(c, communityId);
  }

  /** The anchors of a course whose community chose a forum there. */
  public List<Anchor> anchorsWithForumIn(Connection c, String courseId) throws SQLException {
    return store.anchorsWithForumIn(c, courseId);
  }

  /** The community's name, or null when there is none with that id. */
  public Community find(Connection c, String communityId) throws SQLException {
    return store.find(c, communityId).orElse(null);
  }

  /** The courses the caller takes part in, and the one they launched from. */
  public Set<String> coursesOf(Session session) {
    Set<String> courses = new TreeSet<>(people.coursesOf(session.lmsUserId()));
    if (session.courseId() != null) {
      courses.add(session.courseId());
    }
    return courses;
  }

  /** As {@link #coursesOf(Session)}, within the caller's transaction. */
  public Set<String> coursesOf(Connection c, Session session) throws SQLException {
    Set<String> courses = new TreeSet<>(people.coursesOf(c, session.lmsUserId()));
    if (session.courseId() != null) {
      courses.add(session.courseId());
    }
    return courses;
  }
}
