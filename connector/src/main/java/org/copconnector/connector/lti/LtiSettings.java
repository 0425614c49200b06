package org.copconnector.connector.lti;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How the tool presents itself to platforms and maps their people. */
public record LtiSettings(
    Optional<URI> publicUrl,
    Duration sessionLifetime,
    Set<String> adminRoles,
    Set<String> facilitatorRoles,
    Set<String> trustedIssuers,
    Optional<ManualPlatform> manualPlatform) {

  /** A platform registered by hand through configuration. */
  public record ManualPlatform(
      String issuer,
      String clientId,
      List<String> deploymentIds,
      URI authUrl,
      URI tokenUrl,
      URI jwksUrl) {}
}
