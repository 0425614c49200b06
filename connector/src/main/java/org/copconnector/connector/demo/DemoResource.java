package org.copconnector.connector.demo;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionCookie;
import org.copconnector.plugin.session.SessionStore;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.StaticResource;

/**
 * Demo mode's start page: enter as any sample person, as if launched from their course. Mounted
 * only with --demo.
 */
@Path("/demo")
public final class DemoResource {

  /** One way in, as listed on the start page. */
  public record Entry(
      String personId, String name, String courseId, String courseTitle, ProductRole role) {}

  private final DemoSchools schools;
  private final SessionStore sessions;
  private final PeopleStore people;
  private final StaticResource assets;

  public DemoResource(
      DemoSchools schools, SessionStore sessions, PeopleStore people, StaticResource assets) {
    this.schools = schools;
    this.sessions = sessions;
    this.people = people;
    this.assets = assets;
  }

  @GET
  public Response startPage() {
    return assets.page("demo.html");
  }

  @GET
  @Path("/people")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Entry> entries() {
    return schools.courses().stream()
        .flatMap(
            course ->
                schools.people().stream()
                    .filter(p -> p.courses().containsKey(course.id()))
                    .map(
                        p ->
                            new Entry(
                                p.id(),
                                p.name(),
                                course.id(),
                                course.title(),
                                role(p, course.id()))))
        .toList();
  }

  @POST
  @Path("/enter")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response enter(
      @FormParam("person") String personId,
      @FormParam("course") String courseId,
      @Context UriInfo uri) {
    DemoSchools.Person person = personId == null ? null : schools.person(personId);
    DemoSchools.Course course = courseId == null ? null : schools.course(courseId);
    if (person == null || course == null || !person.courses().containsKey(courseId)) {
      throw ApiException.notFound(Reason.DEMO_PERSON_NOT_FOUND, "demo person in that course");
    }
    people.recordLaunch(
        course.id(),
        course.title(),
        new Participant(
            person.id(),
            person.name(),
            person.email(),
            List.of(person.courses().get(courseId)),
            List.of()));
    people.languages().rememberLaunch(null, person.id(), person.locale());
    String token =
        sessions.open(
            new Session(
                null,
                person.id(),
                person.name(),
                person.email(),
                person.locale(),
                course.id(),
                course.title(),
                role(person, courseId),
                true,
                null));
    return Response.seeOther(uri.getBaseUri().resolve("hub"))
        .cookie(SessionCookie.issue(token, sessions.lifetime()))
        .build();
  }

  /** Demo roles follow Moodle's: managers administer, editing teachers facilitate. */
  static ProductRole role(DemoSchools.Person person, String courseId) {
    if (person.admin()) {
      return ProductRole.ADMIN;
    }
    return "editingteacher".equals(person.courses().get(courseId))
        ? ProductRole.FACILITATOR
        : ProductRole.MEMBER;
  }
}
