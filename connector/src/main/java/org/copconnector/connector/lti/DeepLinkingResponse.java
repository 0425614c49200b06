package org.copconnector.connector.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Tokens;
import org.copconnector.plugin.web.SecurityHeaders;

/**
 * Answers a deep-linking request: a facilitator places a link to the course hub in a course
 * section.
 */
public final class DeepLinkingResponse {

  private final ToolKeys keys;
  private final Clock clock;

  public DeepLinkingResponse(ToolKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * @param t the language of the facilitator's launch: the pages', and the link's title and text as
   *     the course will show them
   */
  Response respond(Launch launch, ProductRole role, URI toolBase, Translations t) {
    if (role == ProductRole.MEMBER) {
      return Response.status(403)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
          .entity(
              LtiPages.problem(
                  t,
                  t.text("lti.deepLinking.membersOnly.title"),
                  t.text("lti.deepLinking.membersOnly.text")))
          .build();
    }
    Map<String, Object> hubLink = new LinkedHashMap<>();
    hubLink.put("type", "ltiResourceLink");
    hubLink.put("title", t.text("lti.deepLinking.link.title"));
    hubLink.put("text", t.text("lti.deepLinking.link.text"));
    hubLink.put("url", toolBase.resolve("lti/launch").toString());
    Instant now = Instant.now(clock);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(launch.platform().clientId())
            .audience(launch.platform().issuer())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .claim("nonce", Tokens.random(16))
            .claim(LtiClaims.DEPLOYMENT_ID, launch.deploymentId())
            .claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingResponse")
            .claim(LtiClaims.VERSION, "1.3.0")
            .claim(LtiClaims.DEEP_LINKING_CONTENT_ITEMS, List.of(hubLink));
    if (launch.deepLinking().data() != null) {
      claims.claim(LtiClaims.DEEP_LINKING_DATA, launch.deepLinking().data());
    }
    RSAKey key = keys.current();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the deep-linking response", e);
    }
    return Response.ok(
            LtiPages.autoPost(t, launch.deepLinking().returnUrl(), Map.of("JWT", jwt.serialize())))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        // The page posts its answer to the platform: the policy allows that form's target.
        .header(
            SecurityHeaders.POLICY,
            SecurityHeaders.policyPostingTo(launch.deepLinking().returnUrl()))
        .build();
  }
}
