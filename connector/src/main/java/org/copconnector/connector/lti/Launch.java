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

  public static final String RESOURCE_LINK = "LtiResourceLinkRequest";
  public static final String DEEP_LINKING = "LtiDeepLinkingRequest";
}
