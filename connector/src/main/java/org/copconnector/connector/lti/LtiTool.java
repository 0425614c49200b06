package org.copconnector.connector.lti;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.SessionStore;

/** The LTI 1.3 tool, assembled: stores, validator, registration and the HTTP resource. */
public final class LtiTool {

  private final PlatformStore platforms;
  private final LoginStates states;
  private final ToolKeys keys;
  private final LtiResource resource;
  private final LtiSettings settings;
  private final PlatformOrigins origins;
  private final GradeServiceEndpoints gradeServices;

  /**
   * @param moodleUrl the configured Moodle site, always trusted to register dynamically; may be
   *     null
   * @param gradebookReachable told when a launch says where a course's gradebook is, anew
   */
  public LtiTool(
      DataSource dataSource,
      LtiSettings settings,
      String moodleUrl,
      SessionStore sessions,
      PeopleStore people,
      Supplier<OkHttpClient> http,
      Clock clock,
      java.util.function.Consumer<String> courseLaunched,
      Runnable gradebookReachable) {
    this.settings = settings;
    platforms = new PlatformStore(dataSource, clock);
    states = new LoginStates(dataSource, clock);
    keys = new ToolKeys(dataSource, clock);
    gradeServices = new GradeServiceEndpoints(dataSource, clock);
    Set<String> trusted = new HashSet<>(settings.trustedIssuers());
    if (moodleUrl != null) {
      trusted.add(moodleUrl);
    }
    settings.manualPlatform().ifPresent(p -> trusted.add(p.issuer()));
    // Platforms open the pages in their frames; trusted ones before they are registered, too (the
    // registration page itself opens in one).
    origins = new PlatformOrigins(platforms, trusted, clock);
    resource =
        new LtiResource(
            platforms,
            states,
            new LaunchValidator(states, platforms, new PlatformKeySets(http, clock), clock),
            keys,
            sessions,
            people,
            new RoleMapping(settings.adminRoles(), settings.facilitatorRoles()),
            new DeepLinkingResponse(keys, clock),
            new DynamicRegistration(http, platforms, trusted),
            settings.publicUrl(),
            courseLaunched,
            gradeServices,
            gradebookReachable);
  }

  public LtiResource resource() {
    return resource;
  }

  /** Turns errors on /lti/* into pages a person can read inside Moodle. */
  public LtiErrorPages errorPages() {
    return new LtiErrorPages();
  }

  /** The sites that may show the connector's pages in a frame. */
  public PlatformOrigins frameAncestors() {
    return origins;
  }

  public PlatformStore platforms() {
    return platforms;
  }

  public ToolKeys keys() {
    return keys;
  }

  /** Where courses take grades, as launches said. */
  public GradeServiceEndpoints gradeServices() {
    return gradeServices;
  }

  /**
   * Adds (or updates) the platform registered by hand in the configuration; needs a migrated
   * database.
   */
  public void registerConfiguredPlatform() {
    settings
        .manualPlatform()
        .ifPresent(
            p -> {
              Platform platform =
                  platforms.save(
                      p.issuer(), p.clientId(), p.authUrl(), p.tokenUrl(), p.jwksUrl(), "config");
              p.deploymentIds().forEach(d -> platforms.addDeployment(platform.id(), d));
            });
  }

  /** Forgets expired login states and nonces. */
  public void purgeExpired() {
    states.purgeExpired();
  }
}
