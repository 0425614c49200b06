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
    DeepLinking deepLinking) {

  /**
   * The return address and opaque data of a deep-linking request; null for resource-link launches.
   */
  public record DeepLinking(String returnUrl, String data) {}

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
