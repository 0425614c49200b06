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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.copconnector.plugin.i18n.Locales;
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

  private static final Duration SAMPLES_WAIT = Duration.ofSeconds(30);

  private final DemoSchools schools;
  private final SessionStore sessions;
  private final PeopleStore people;
  private final StaticResource assets;
  private final CompletableFuture<Void> samplesWritten;

  /** {@code samplesWritten} completes once the sample content is in (entering waits for it). */
  public DemoResource(
      DemoSchools schools,
      SessionStore sessions,
      PeopleStore people,
      StaticResource assets,
      CompletableFuture<Void> samplesWritten) {
    this.schools = schools;
    this.sessions = sessions;
    this.people = people;
    this.assets = assets;
    this.samplesWritten = samplesWritten;
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

  /**
   * Signs in as a demo person from one of their courses, in the language chosen on the start page
   * ({@code lang}; the person's own without one).
   */
  @POST
  @Path("/enter")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response enter(
      @FormParam("person") String personId,
      @FormParam("course") String courseId,
      @FormParam("lang") String lang,
      @Context UriInfo uri) {
    DemoSchools.Person person = personId == null ? null : schools.person(personId);
    DemoSchools.Course course = courseId == null ? null : schools.course(courseId);
    if (person == null || course == null || !person.courses().containsKey(courseId)) {
      throw ApiException.notFound(Reason.DEMO_PERSON_NOT_FOUND, "demo person in that course");
    }
    awaitSamples();
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
    boolean chosen = lang != null && !lang.isBlank();
    if (chosen) {
      // The language picked on the start page is the visitor's choice, as the page switch is.
      people.languages().choose(null, person.id(), Locales.supported(lang));
    }
    String token =
        sessions.open(session(person, course, chosen ? Locales.supported(lang) : person.locale()));
    return Response.seeOther(uri.getBaseUri().resolve("hub"))
        .cookie(SessionCookie.issue(token, sessions.lifetime()))
        .build();
  }

  /**
   * Whoever enters right after start-up sees the sample content: it is written just after the
   * server opens, in a few seconds. Entering goes ahead without it if it takes far longer.
   */
  private void awaitSamples() {
    try {
      samplesWritten.get(SAMPLES_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Entering matters more than the samples; their failure is in the start-up log.
    }
  }

  /**
   * A demo person signed in from one of their courses, as if launched from it, in {@code locale}.
   */
  static Session session(DemoSchools.Person person, DemoSchools.Course course, String locale) {
    return new Session(
        null,
        person.id(),
        person.name(),
        person.email(),
        locale,
        course.id(),
        course.title(),
        role(person, course.id()),
        true,
        null);
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
