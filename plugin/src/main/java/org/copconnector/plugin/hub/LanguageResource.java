package org.copconnector.plugin.hub;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.copconnector.plugin.i18n.Locales;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.people.PersonLanguages;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * The signed-in person's language, kept for this and later sessions. Its own path, not {@code
 * /api/v1/me}: a class claiming that prefix would hide {@code /api/v1/me/reflections}.
 */
@Path("/api/v1/me/language")
@Produces(MediaType.APPLICATION_JSON)
public final class LanguageResource {

  /** A language choice, e.g. {@code {"language":"pt"}}. */
  public record LanguageChoice(@Length(max = 16) String language) {}

  private final PersonLanguages languages;

  public LanguageResource(PersonLanguages languages) {
    this.languages = languages;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public LanguageChoice language(LanguageChoice choice, @Context ContainerRequestContext request) {
    String language = choice == null ? null : choice.language();
    if (language == null || !Locales.SUPPORTED.contains(language)) {
      throw ApiException.invalid(
          Reason.LANGUAGE_INVALID,
          "language",
          "one of the supported languages: " + String.join(", ", Locales.SUPPORTED));
    }
    Session session = SessionFilter.of(request);
    languages.choose(session.platformId(), session.lmsUserId(), language);
    return new LanguageChoice(language);
  }
}
