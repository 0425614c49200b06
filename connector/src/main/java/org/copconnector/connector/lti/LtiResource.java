package org.copconnector.connector.lti;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.copconnector.connector.lti.LoginStates.LoginState;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionCookie;
import org.copconnector.plugin.session.SessionStore;
import org.copconnector.plugin.session.Tokens;
import org.copconnector.plugin.web.WebLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The LTI 1.3 endpoints: OIDC login initiation, launch, and the tool's public key set. */
@Path("/lti")
public final class LtiResource {

  private static final Logger LOG = LoggerFactory.getLogger(LtiResource.class);
  private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");

  private final PlatformStore platforms;
  private final LoginStates states;
  private final LaunchValidator validator;
  private final ToolKeys keys;
  private final SessionStore sessions;
  private final PeopleStore people;
  private final RoleMapping roles;
  private final DeepLinkingResponse deepLinking;
  private final DynamicRegistration registration;
  private final Optional<URI> publicUrl;
  private final java.util.function.Consumer<String> courseLaunched;
  private final GradeServiceEndpoints gradeServices;
  private final Runnable gradebookReachable;

  /**
   * @param courseLaunched told of the course of every launch, after its person is recorded (the
   *     server starts reading a never-synced course's participants in the background)
   * @param gradebookReachable told when a launch says where a course's gradebook is for the first
   *     time, or somewhere else (grades waiting for it may go)
   */
  public LtiResource(
      PlatformStore platforms,
      LoginStates states,
      LaunchValidator validator,
      ToolKeys keys,
      SessionStore sessions,
      PeopleStore people,
      RoleMapping roles,
      DeepLinkingResponse deepLinking,
      DynamicRegistration registration,
      Optional<URI> publicUrl,
      java.util.function.Consumer<String> courseLaunched,
      GradeServiceEndpoints gradeServices,
      Runnable gradebookReachable) {
    this.platforms = platforms;
    this.states = states;
    this.validator = validator;
    this.keys = keys;
    this.sessions = sessions;
    this.people = people;
    this.roles = roles;
    this.deepLinking = deepLinking;
    this.registration = registration;
    this.publicUrl = publicUrl;
    this.courseLaunched = courseLaunched;
    this.gradeServices = gradeServices;
    this.gradebookReachable = gradebookReachable;
  }

  @GET
  @Path("/jwks")
  @Produces(MediaType.APPLICATION_JSON)
  public String jwks() {
    return keys.publicKeys().toString();
  }

  /** The address a Moodle administrator pastes into "Manage tools" for dynamic registration. */
  @GET
  @Path("/register")
  @Produces("text/html")
  public Response register(
      @QueryParam("openid_configuration") String configuration,
      @QueryParam("registration_token") String token,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String languages,
      @Context UriInfo uri) {
    Translations t = PageLanguage.of(null, languages);
    if (configuration == null) {
      return page(
          400,
          LtiPages.problem(
              t,
              t.text("lti.register.openFromMoodle.title"),
              t.text("lti.register.openFromMoodle.text")));
    }
    try {
      Platform platform = registration.register(configuration, token, base(uri), t);
      return page(200, LtiPages.registrationDone(t, platform.issuer()));
    } catch (DynamicRegistration.RegistrationFailed e) {
      LOG.warn("dynamic registration failed: {}", e.getMessage());
      return page(
          400, LtiPages.problem(t, t.text("lti.register.failed"), e.problem(t), e.getMessage()));
    }
  }

  @GET
  @Path("/login")
  @Produces("text/html")
  public Response loginByGet(
      @QueryParam("iss") String issuer,
      @QueryParam("login_hint") String loginHint,
      @QueryParam("target_link_uri") String targetLinkUri,
      @QueryParam("lti_message_hint") String messageHint,
      @QueryParam("client_id") String clientId,
      @CookieParam(LoginBinding.COOKIE) String binding,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String languages,
      @Context UriInfo uri) {
    return login(issuer, loginHint, targetLinkUri, messageHint, clientId, binding, languages, uri);
  }

  @POST
  @Path("/login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces("text/html")
  public Response loginByPost(
      @FormParam("iss") String issuer,
      @FormParam("login_hint") String loginHint,
      @FormParam("target_link_uri") String targetLinkUri,
      @FormParam("lti_message_hint") String messageHint,
      @FormParam("client_id") String clientId,
      @CookieParam(LoginBinding.COOKIE) String binding,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String languages,
      @Context UriInfo uri) {
    return login(issuer, loginHint, targetLinkUri, messageHint, clientId, binding, languages, uri);
  }

  private Response login(
      String issuer,
      String loginHint,
      String targetLinkUri,
      String messageHint,
      String clientId,
      String binding,
      String languages,
      UriInfo uri) {
    if (issuer == null || loginHint == null) {
      Translations t = PageLanguage.of(null, languages);
      return page(
          400,
          LtiPages.problem(
              t, t.text("lti.login.incomplete.title"), t.text("lti.login.incomplete.text")));
    }
    if (targetLinkUri != null && !WebLink.isWebLink(targetLinkUri)) {
      LOG.warn("LTI login with a target_link_uri that is not an http(s) address: {}", issuer);
      LaunchRefused refused =
          new LaunchRefused(
              LaunchRefused.Reason.BAD_ADDRESS, "target_link_uri", "not an http(s) address");
      return page(refused.status(), LtiPages.refused(refused, PageLanguage.of(null, languages)));
    }
    Optional<Platform> platform = platforms.find(issuer, clientId);
    if (platform.isEmpty()) {
      LOG.warn("LTI login from unregistered platform {} (client id {})", issuer, clientId);
      Translations t = PageLanguage.of(null, languages);
      return page(
          400,
          LtiPages.problem(
              t, t.text("lti.login.unknownSite.title"), t.text("lti.login.unknownSite.text")));
    }
    // Keep the browser's existing binding so that two launches in two tabs do not cancel each
    // other.
    String browser =
        binding != null && binding.length() >= 32 && binding.length() <= 64
            ? binding
            : Tokens.random(32);
    String state = Tokens.random(24);
    String nonce = Tokens.random(24);
    states.remember(new LoginState(state, nonce, platform.get().id(), Tokens.sha256(browser)));
    Map<String, String> request = new LinkedHashMap<>();
    request.put("scope", "openid");
    request.put("response_type", "id_token");
    request.put("response_mode", "form_post");
    request.put("prompt", "none");
    request.put("client_id", platform.get().clientId());
    request.put("redirect_uri", base(uri).resolve("lti/launch").toString());
    request.put("login_hint", loginHint);
    request.put("state", state);
    request.put("nonce", nonce);
    // Returned untouched: Moodle finds the launch (its course module) by this hint.
    request.put("lti_message_hint", messageHint);
    URI redirect = QueryUri.with(platform.get().authLoginUrl(), request);
    NewCookie cookie =
        new NewCookie.Builder(LoginBinding.COOKIE)
            .value(browser)
            .path("/lti")
            .httpOnly(true)
            .secure(true)
            .sameSite(NewCookie.SameSite.NONE)
            .maxAge((int) LoginStates.STATE_LIFETIME.toSeconds())
            .build();
    return Response.status(302).location(redirect).cookie(cookie).build();
  }

  @POST
  @Path("/launch")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces("text/html")
  public Response launch(
      @FormParam("id_token") String idToken,
      @FormParam("state") String state,
      @CookieParam(LoginBinding.COOKIE) String binding,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String languages,
      @Context UriInfo uri) {
    Launch launch;
    try {
      launch = validator.validate(idToken, state, binding);
    } catch (LaunchRefused refused) {
      LOG.warn("LTI launch refused: {}", refused.getMessage());
      return page(
          refused.status(),
          LtiPages.refused(
              refused, PageLanguage.of(PageLanguage.launchLocale(idToken), languages)));
    }
    Session person =
        new Session(
            launch.platform().id(),
            launch.userId(),
            launch.name(),
            launch.email(),
            launch.locale(),
            launch.contextId(),
            launch.contextTitle(),
            roles.map(launch.roles()),
            false,
            null);
    LOG.info(
        "LTI launch: user {} as {} in course {} ({})",
        launch.userId(),
        person.role().wireName(),
        launch.contextId(),
        launch.messageType());
    people.languages().rememberLaunch(launch.platform().id(), launch.userId(), launch.locale());
    if (launch.gradeService() != null
        && launch.contextId() != null
        && gradeServices.remember(
            launch.platform().id(), launch.contextId(), launch.gradeService())) {
      LOG.info(
          "course {} takes grades at {}", launch.contextId(), launch.gradeService().lineItems());
      gradebookReachable.run();
    }
    if (Launch.DEEP_LINKING.equals(launch.messageType())) {
      return deepLinking.respond(
          launch, person.role(), base(uri), PageLanguage.of(launch.locale(), languages));
    }
    if (launch.contextId() != null) {
      // The launching person is known at once, before the next roster sync. With no roles: the
      // roster keeps Moodle's role names (editingteacher, student), which LTI role URIs cannot be
      // turned back into (Moodle sends Instructor for teacher, editingteacher and manager alike);
      // the roster sync fills them in.
      people.recordLaunch(
          launch.contextId(),
          launch.contextTitle(),
          new Participant(launch.userId(), launch.name(), launch.email(), List.of(), List.of()));
      courseLaunched.accept(launch.contextId());
    }
    String token = sessions.open(person);
    return Response.seeOther(base(uri).resolve("hub"))
        .cookie(SessionCookie.issue(token, sessions.lifetime()))
        .build();
  }

  /** The tool's address as browsers and platforms see it. */
  private URI base(UriInfo uri) {
    URI base = publicUrl.orElse(uri.getBaseUri());
    String text = base.toString();
    return URI.create(text.endsWith("/") ? text : text + "/");
  }

  private static Response page(int status, String html) {
    return Response.status(status).type(HTML).entity(html).build();
  }
}
