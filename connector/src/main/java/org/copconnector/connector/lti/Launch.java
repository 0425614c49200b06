package org.copconnector.connector.lti;

import java.util.List;

/** A validated launch: who, from which course, in which roles, for what. */
public record Launch(
    Platform platform,
    String deploymentId,
    String messageType,
    String userId,
    String name,
    String email,
    String locale,
    List<String> roles,
    String contextId,
    String contextTitle,
    String resourceLinkId,
    DeepLinking deepLinking,
    GradeService gradeService) {

  /**
   * The return address and opaque data of a deep-linking request; null for resource-link launches.
   */
  public record DeepLinking(String returnUrl, String data) {}

  /**
   * Where the course's gradebook takes line items and scores (LTI Assignment and Grade Services),
   * and what the tool may do there; null when the platform did not say.
   */
  public record GradeService(java.net.URI lineItems, java.util.Set<String> scopes) {

    private static final String SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/";
    public static final String LINE_ITEM = SCOPE + "lineitem";
    public static final String LINE_ITEM_READ = SCOPE + "lineitem.readonly";
    public static final String RESULT_READ = SCOPE + "result.readonly";
    public static final String SCORE = SCOPE + "score";

    /** The scopes the tool asks for, and keeps from a launch (others are not its business). */
    public static final java.util.List<String> SCOPES =
        java.util.List.of(LINE_ITEM, LINE_ITEM_READ, RESULT_READ, SCORE);

    public GradeService {
      scopes = java.util.Set.copyOf(scopes);
    }
  }

  /** The longest identifier kept from a platform (LTI and OpenID Connect allow 255). */
  public static final int MAX_ID = 255;

  /**
   * What the platform says of the person and the course is kept as text that fits where it is
   * stored: control characters go, a name or course title too long is cut, an e-mail address or a
   * locale too long to be real is dropped. Identifiers are checked by {@link LaunchValidator}.
   */
  public Launch {
    name = ClaimText.cut(name, 500);
    email = ClaimText.orNull(email, 320);
    locale = ClaimText.orNull(locale, 35);
    contextTitle = ClaimText.cut(contextTitle, 500);
  }

  public static final String RESOURCE_LINK = "LtiResourceLinkRequest";
  public static final String DEEP_LINKING = "LtiDeepLinkingRequest";
}
