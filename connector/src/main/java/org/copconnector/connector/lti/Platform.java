package org.copconnector.connector.lti;

import java.net.URI;

/** A registered LMS platform: who issues launches and where its endpoints are. */
public record Platform(
    long id,
    String issuer,
    String clientId,
    URI authLoginUrl,
    URI authTokenUrl,
    URI jwksUrl,
    String registeredBy) {

  /**
   * Whether {@code address} is on the platform's own site (the issuer's scheme, host and port): the
   * tool sends its access tokens nowhere else.
   */
  public boolean ownsAddress(String address) {
    try {
      URI a = URI.create(address);
      URI site = URI.create(issuer);
      return a.getScheme() != null
          && a.getScheme().equalsIgnoreCase(site.getScheme())
          && a.getHost() != null
          && a.getHost().equalsIgnoreCase(site.getHost())
          && a.getPort() == site.getPort();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
