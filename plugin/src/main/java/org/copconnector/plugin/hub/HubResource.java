package org.copconnector.plugin.hub;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.Membership;
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
   * A community of this course, as listed on the hub: how people join it, and where I stand in it
   * ({@code mine} null when I am not in it).
   */
  public record CommunityCard(
      String id,
      String name,
      String domain,
      int members,
      Community.Joining joining,
      Membership mine) {}

  /** Everything the hub page shows. */
  public record Hub(Me me, Course course, List<CommunityCard> communities, boolean demo) {}

  private final CourseDirectory courses;
  private final Communities communities;
  private final PersonLanguages languages;

  public HubResource(CourseDirectory courses, Communities communities, PersonLanguages languages) {
    this.courses = courses;
    this.communities = communities;
    this.languages = languages;
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
    List<CommunityCard> cards =
        session.courseId() == null
            ? List.of()
            : communities.browse(session, new Communities.Query(null, null, null, null)).stream()
                .filter(
                    d ->
                        d.community().courseIds().contains(session.courseId())
                            && !d.community().archived())
                .map(
                    d ->
                        new CommunityCard(
                            d.community().id(),
                            d.community().name(),
                            d.community().domain(),
                            d.activeMembers(),
                            d.community().joining(),
                            d.mine()))
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
