package org.copconnector.plugin.hub;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.community.Membership;
import org.copconnector.plugin.discussion.RecentActivity;
import org.copconnector.plugin.i18n.Locales;
import org.copconnector.plugin.people.PersonLanguages;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionFilter;

/** The course hub's data: who I am, the course I came from, its communities. */
@Path("/api/v1/hub")
@Produces(MediaType.APPLICATION_JSON)
public final class HubResource {

  /**
   * The signed-in person; {@code locale} is their language (their choice, else their LMS's), {@code
   * languages} those they may choose.
   */
  public record Me(
      String lmsUserId,
      String name,
      ProductRole role,
      String locale,
      List<Locales.Language> languages) {}

  /** The course the person launched from; null when opened outside a course. */
  public record Course(String id, String title, int participants) {}

  /**
   * A community of this course, as listed on the hub: how people join it, where I stand in it
   * ({@code mine} null when I am not in it) and, when I may read its discussions, their recent
   * activity ({@code activity} null otherwise).
   */
  public record CommunityCard(
      String id,
      String name,
      String domain,
      int members,
      Community.Joining joining,
      Membership mine,
      RecentActivity.Activity activity) {}

  /** Everything the hub page shows. */
  public record Hub(Me me, Course course, List<CommunityCard> communities, boolean demo) {}

  private final CourseDirectory courses;
  private final Communities communities;
  private final PersonLanguages languages;
  private final RecentActivity activity;

  public HubResource(
      CourseDirectory courses,
      Communities communities,
      PersonLanguages languages,
      RecentActivity activity) {
    this.courses = courses;
    this.communities = communities;
    this.languages = languages;
    this.activity = activity;
  }

  @GET
  public Hub hub(@Context ContainerRequestContext request) {
    Session session = SessionFilter.of(request);
    Course course =
        session.courseId() == null
            ? null
            : new Course(
                session.courseId(),
                session.courseTitle(),
                courses.participants(session.courseId()));
    List<Communities.Details> shown =
        session.courseId() == null
            ? List.of()
            : communities.browse(session, new Communities.Query(null, null, null, null)).stream()
                .filter(
                    d ->
                        d.community().courseIds().contains(session.courseId())
                            && !d.community().archived())
                .toList();
    boolean admin = session.role() == ProductRole.ADMIN;
    Map<String, RecentActivity.Activity> recent =
        activity.of(
            session.lmsUserId(),
            shown.stream()
                .filter(d -> new CommunityAccess.Access(d.community(), d.mine(), admin).canRead())
                .map(
                    d ->
                        new RecentActivity.Readable(
                            d.community().id(),
                            d.mine() != null && d.mine().active() ? d.mine().since() : null))
                .toList());
    List<CommunityCard> cards =
        shown.stream()
            .map(
                d ->
                    new CommunityCard(
                        d.community().id(),
                        d.community().name(),
                        d.community().domain(),
                        d.activeMembers(),
                        d.community().joining(),
                        d.mine(),
                        recent.get(d.community().id())))
            .toList();
    return new Hub(
        new Me(
            session.lmsUserId(),
            session.displayName(),
            session.role(),
            languages.of(session),
            Locales.languages()),
        course,
        cards,
        session.demo());
  }
}
