package org.copconnector.connector.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.copconnector.connector.lti.LaunchRefused.Reason;
import org.copconnector.connector.lti.LoginStates.LoginState;
import org.copconnector.plugin.session.Tokens;
import org.copconnector.plugin.web.WebLink;

/**
 * Checks an LTI 1.3 launch completely: state bound to this browser, RS256 signature against the
 * platform's keys, issuer, audience and authorised party, expiry and issue time with a small skew,
 * single-use nonce, LTI version, message type and a known deployment.
 */
public final class LaunchValidator {

  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private final LoginStates states;
  private final PlatformStore platforms;
  private final PlatformKeySets keySets;
  private final Clock clock;

  public LaunchValidator(
      LoginStates states, PlatformStore platforms, PlatformKeySets keySets, Clock clock) {
    this.states = states;
    this.platforms = platforms;
    this.keySets = keySets;
    this.clock = clock;
  }

  /**
   * @param idToken the {@code id_token} form field
   * @param state the {@code state} form field
   * @param browserCookie the login-binding cookie this browser sent, or null
   */
  public Launch validate(String idToken, String state, String browserCookie) throws LaunchRefused {
    LoginState login =
        states
            .consume(state)
            .orElseThrow(() -> new LaunchRefused(Reason.MISSING_STATE, "state unknown or expired"));
    if (browserCookie == null || !Tokens.sha256(browserCookie).equals(login.browserHash())) {
      throw new LaunchRefused(Reason.FOREIGN_STATE, "state not bound to this browser");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(idToken == null ? "" : idToken);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new LaunchRefused(Reason.MALFORMED_TOKEN, "id_token is not a signed JWT");
    }
    Platform platform =
        platforms
            .byId(login.platformId())
            .orElseThrow(() -> new LaunchRefused(Reason.UNKNOWN_PLATFORM, "gone"));
    if (!platform.issuer().equals(claims.getIssuer())) {
      throw new LaunchRefused(Reason.WRONG_ISSUER, "iss " + claims.getIssuer());
    }
    verifySignature(jwt, platform);
    checkAudience(claims, platform);
    checkTimes(claims);
    checkNonce(claims, login, platform);
    String version = claimString(claims, LtiClaims.VERSION);
    if (!"1.3.0".equals(version)) {
      throw new LaunchRefused(Reason.WRONG_VERSION, "version " + version);
    }
    String messageType = claimString(claims, LtiClaims.MESSAGE_TYPE);
    if (!Launch.RESOURCE_LINK.equals(messageType) && !Launch.DEEP_LINKING.equals(messageType)) {
      throw new LaunchRefused(Reason.UNSUPPORTED_MESSAGE, "message type " + messageType);
    }
    String deployment = claimString(claims, LtiClaims.DEPLOYMENT_ID);
    if (deployment == null || !platforms.isDeployed(platform.id(), deployment)) {
      throw new LaunchRefused(Reason.UNKNOWN_DEPLOYMENT, "deployment " + deployment);
    }
    if (claims.getSubject() == null || claims.getSubject().isBlank()) {
      throw new LaunchRefused(Reason.MALFORMED_TOKEN, "anonymous launches are not supported");
    }
    checkIdentifier("sub", claims.getSubject());
    checkIdentifier("context id", text(claimMap(claims, LtiClaims.CONTEXT).get("id")));
    checkIdentifier("resource link id", text(claimMap(claims, LtiClaims.RESOURCE_LINK).get("id")));
    checkAddresses(claims, messageType);
    return toLaunch(claims, platform, deployment, messageType);
  }

  /** An identifier the connector keeps must fit, and be text: none is ever cut or changed. */
  private static void checkIdentifier(String what, String value) throws LaunchRefused {
    if (value != null && (value.length() > Launch.MAX_ID || !ClaimText.isText(value))) {
      throw new LaunchRefused(
          Reason.MALFORMED_TOKEN, what + " is longer than " + Launch.MAX_ID + " or not text");
    }
  }

  /**
   * The platform's addresses a page could link to or post to: absolute http(s) ones only (a {@code
   * javascript:} return address would run in the connector's pages). The deep-linking return
   * address is required, the others optional.
   */
  private static void checkAddresses(JWTClaimsSet claims, String messageType) throws LaunchRefused {
    checkAddress("target_link_uri", claims.getClaim(LtiClaims.TARGET_LINK_URI), false);
    checkAddress(
        "return_url", claimMap(claims, LtiClaims.LAUNCH_PRESENTATION).get("return_url"), false);
    if (Launch.DEEP_LINKING.equals(messageType)) {
      checkAddress(
          "deep_link_return_url",
          claimMap(claims, LtiClaims.DEEP_LINKING_SETTINGS).get("deep_link_return_url"),
          true);
    }
  }

  private static void checkAddress(String field, Object value, boolean required)
      throws LaunchRefused {
    if (value == null && !required) {
      return;
    }
    if (!(value instanceof String address) || !WebLink.isWebLink(address)) {
      throw new LaunchRefused(
          Reason.BAD_ADDRESS, field, field + " is not an absolute http(s) address: " + value);
    }
  }

  private void verifySignature(SignedJWT jwt, Platform platform) throws LaunchRefused {
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new LaunchRefused(Reason.WRONG_ALGORITHM, "alg " + jwt.getHeader().getAlgorithm());
    }
    Optional<JWK> key;
    try {
      key = keySets.key(platform, jwt.getHeader().getKeyID());
    } catch (IOException e) {
      throw new LaunchRefused(Reason.KEYS_UNAVAILABLE, e.getMessage());
    }
    if (key.isEmpty() || !(key.get() instanceof RSAKey rsa)) {
      throw new LaunchRefused(Reason.UNKNOWN_KEY, "kid " + jwt.getHeader().getKeyID());
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()))) {
        throw new LaunchRefused(Reason.BAD_SIGNATURE, "signature does not verify");
      }
    } catch (JOSEException e) {
      throw new LaunchRefused(Reason.BAD_SIGNATURE, e.getMessage());
    }
  }

  private static void checkAudience(JWTClaimsSet claims, Platform platform) throws LaunchRefused {
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(platform.clientId())) {
      throw new LaunchRefused(Reason.WRONG_AUDIENCE, "aud " + audience);
    }
    Object azp = claims.getClaim("azp");
    if ((audience.size() > 1 || azp != null) && !platform.clientId().equals(azp)) {
      throw new LaunchRefused(Reason.WRONG_AUDIENCE, "azp " + azp);
    }
  }

  private void checkTimes(JWTClaimsSet claims) throws LaunchRefused {
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || iat == null) {
      throw new LaunchRefused(Reason.MALFORMED_TOKEN, "exp and iat are required");
    }
    Instant now = Instant.now(clock);
    if (exp.toInstant().plus(CLOCK_SKEW).isBefore(now)) {
      throw new LaunchRefused(Reason.EXPIRED, "exp " + exp.toInstant());
    }
    if (iat.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
      throw new LaunchRefused(Reason.NOT_YET_VALID, "iat " + iat.toInstant());
    }
  }

  private void checkNonce(JWTClaimsSet claims, LoginState login, Platform platform)
      throws LaunchRefused {
    Object nonce = claims.getClaim("nonce");
    if (!(nonce instanceof String text) || !text.equals(login.nonce())) {
      throw new LaunchRefused(Reason.NONCE_MISMATCH, "nonce does not match the login");
    }
    Instant keepUntil =
        claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).plus(Duration.ofMinutes(5));
    if (!states.firstUseOfNonce(platform.id(), text, keepUntil)) {
      throw new LaunchRefused(Reason.REPLAYED_NONCE, "nonce already used");
    }
  }

  private static Launch toLaunch(
      JWTClaimsSet claims, Platform platform, String deployment, String messageType) {
    Map<String, Object> context = claimMap(claims, LtiClaims.CONTEXT);
    Map<String, Object> link = claimMap(claims, LtiClaims.RESOURCE_LINK);
    Map<String, Object> presentation = claimMap(claims, LtiClaims.LAUNCH_PRESENTATION);
    Map<String, Object> deepLinking = claimMap(claims, LtiClaims.DEEP_LINKING_SETTINGS);
    Object roles = claims.getClaim(LtiClaims.ROLES);
    String name = stringClaim(claims, "name");
    if (name == null) {
      String given = stringClaim(claims, "given_name");
      String family = stringClaim(claims, "family_name");
      name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
    }
    String locale = text(presentation.get("locale"));
    if (locale == null) {
      locale = stringClaim(claims, "locale");
    }
    return new Launch(
        platform,
        deployment,
        messageType,
        claims.getSubject(),
        name,
        stringClaim(claims, "email"),
        locale,
        roles instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(),
        text(context.get("id")),
        text(context.get("title")),
        text(link.get("id")),
        Launch.DEEP_LINKING.equals(messageType)
            ? new Launch.DeepLinking(
                text(deepLinking.get("deep_link_return_url")), text(deepLinking.get("data")))
            : null,
        gradeService(claims, platform));
  }

  /**
   * The AGS endpoint claim, kept only when its line items address is on the platform's own site:
   * the tool's access tokens go there.
   */
  private static Launch.GradeService gradeService(JWTClaimsSet claims, Platform platform) {
    Map<String, Object> endpoint = claimMap(claims, LtiClaims.AGS_ENDPOINT);
    if (!(endpoint.get("lineitems") instanceof String lineItems)
        || lineItems.length() > 1000
        || !WebLink.isWebLink(lineItems)
        || !platform.ownsAddress(lineItems)) {
      return null;
    }
    java.util.Set<String> scopes = new java.util.HashSet<>();
    if (endpoint.get("scope") instanceof List<?> list) {
      list.stream()
          .map(String::valueOf)
          .filter(Launch.GradeService.SCOPES::contains)
          .forEach(scopes::add);
    }
    return new Launch.GradeService(java.net.URI.create(lineItems), scopes);
  }

  private static String claimString(JWTClaimsSet claims, String name) {
    return text(claims.getClaim(name));
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    return text(claims.getClaim(name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> claimMap(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
