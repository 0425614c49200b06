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
    String registeredBy) {}
