package org.copconnector.connector.lti;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Test code that plays Moodle as an LTI 1.3 platform: it serves its OpenID configuration and key
 * set, answers dynamic registration, and signs id_tokens with the claims Moodle sends.
 */
public final class TestPlatform implements AutoCloseable {

  public static final String CLIENT_ID = "tool-client-1";
  public static final String DEPLOYMENT_ID = "1";
  public static final String REGISTRATION_TOKEN = "reg-token-123";
  public static final String INSTRUCTOR =
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
  public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
  public static final String ADMINISTRATOR =
      "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

  /**
   * What Moodle 4.5 sends as lti_message_hint (mod/lti/locallib.php, lti_build_login_request): JSON
   * naming the course module and the launch kept in the teacher's Moodle session.
   */
  public static final String MESSAGE_HINT = "{\"cmid\":318,\"launchid\":\"ltilaunch7_1804289383\"}";

  private final MockWebServer server = new MockWebServer();
  private final RSAKey key;
  private final List<RSAKey> publishedKeys = Collections.synchronizedList(new ArrayList<>());
  private final List<String> registrations = Collections.synchronizedList(new ArrayList<>());
  private volatile UnaryOperator<JWTClaimsSet.Builder> browserLaunchClaims =
      UnaryOperator.identity();
  private volatile List<String> browserLaunchRoles = List.of(INSTRUCTOR);
  private volatile RSAKey browserLaunchKey;
  private volatile boolean authorizationByAddress;
  private final TestGradebook gradebook = new TestGradebook(this);

  public TestPlatform() throws IOException {
    key = newKey("platform-key-1");
    browserLaunchKey = key;
    publishedKeys.add(key);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return handle(request);
          }
        });
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  public static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Like Moodle's wwwroot: no trailing slash. */
  public String issuer() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  public String url(String path) {
    return issuer() + path;
  }

  /**
   * From now on the OpenID configuration names the authorization endpoint by address (127.0.0.1,
   * where the issuer names the host localhost): a site of another origin than the issuer's.
   */
  public void authorizeByAddress() {
    authorizationByAddress = true;
  }

  /** The origin of the authorization endpoint the OpenID configuration names. */
  public String authorizationOrigin() {
    return authorizationByAddress ? "http://127.0.0.1:" + server.getPort() : issuer();
  }

  /**
   * The fields of Moodle's login initiation (mod/lti/locallib.php, lti_build_login_request) for a
   * teacher (user 4) opening the tool whose launch address is {@code targetLinkUri}; Moodle posts
   * them from a self-submitting form.
   */
  public Map<String, String> loginFields(String targetLinkUri) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("iss", issuer());
    fields.put("target_link_uri", targetLinkUri);
    fields.put("login_hint", "4");
    fields.put("lti_message_hint", MESSAGE_HINT);
    fields.put("client_id", CLIENT_ID);
    fields.put("lti_deployment_id", DEPLOYMENT_ID);
    return fields;
  }

  /** The same login initiation as a query string, every value encoded. */
  public String loginQuery(String targetLinkUri) {
    StringBuilder text = new StringBuilder();
    loginFields(targetLinkUri)
        .forEach(
            (name, value) ->
                text.append(text.isEmpty() ? "" : "&")
                    .append(name)
                    .append('=')
                    .append(
                        java.net.URLEncoder.encode(
                            value, java.nio.charset.StandardCharsets.UTF_8)));
    return text.toString();
  }

  public RSAKey key() {
    return key;
  }

  /** The platform's token endpoint and grade service. */
  public TestGradebook gradebook() {
    return gradebook;
  }

  /** Replaces the published key set, e.g. after the platform rotates its key. */
  public void publish(RSAKey... keys) {
    publishedKeys.clear();
    publishedKeys.addAll(List.of(keys));
  }

  /** The environment that registers this platform by hand (the six lti.platform.* keys). */
  public Map<String, String> manualRegistration() {
    return Map.of(
        "COP_LTI_PLATFORM_ISSUER", issuer(),
        "COP_LTI_PLATFORM_CLIENT_ID", CLIENT_ID,
        "COP_LTI_PLATFORM_DEPLOYMENT_IDS", DEPLOYMENT_ID,
        "COP_LTI_PLATFORM_AUTH_URL", url("/mod/lti/auth.php"),
        "COP_LTI_PLATFORM_TOKEN_URL", url("/mod/lti/token.php"),
        "COP_LTI_PLATFORM_JWKS_URL", url("/mod/lti/certs.php"));
  }

  /** Every request the platform received. */
  public int requestCount() {
    return server.getRequestCount();
  }

  public List<String> registrations() {
    return List.copyOf(registrations);
  }

  /** How the platform's auth endpoint will build the id_token for the next browser launches. */
  public void onBrowserLaunch(List<String> roles, UnaryOperator<JWTClaimsSet.Builder> adjust) {
    this.browserLaunchRoles = roles;
    this.browserLaunchClaims = adjust;
  }

  /** Signs the next browser launches with another key, as a forger would. */
  public void signBrowserLaunchesWith(RSAKey forgery) {
    this.browserLaunchKey = forgery;
  }

  /** The claims Moodle 4.5 sends for a resource-link launch by a teacher of course 2. */
  public JWTClaimsSet.Builder claims(String nonce, List<String> roles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer())
        .audience(CLIENT_ID)
        .subject("4")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)))
        .claim("nonce", nonce)
        .claim("given_name", "Alice")
        .claim("family_name", "Anderson")
        .claim("name", "Alice Anderson")
        .claim("email", "teacher1@example.com")
        .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT_ID)
        .claim(LtiClaims.TARGET_LINK_URI, "http://tool/lti/launch")
        .claim(LtiClaims.ROLES, roles)
        .claim(
            LtiClaims.CONTEXT,
            Map.of(
                "id",
                "2",
                "label",
                "SCI-COP",
                "title",
                "Science Department CoP",
                "type",
                List.of("CourseSection")))
        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "7", "title", "Communities of practice"))
        .claim(
            LtiClaims.LAUNCH_PRESENTATION,
            Map.of(
                "locale",
                "pt",
                "document_target",
                "iframe",
                "return_url",
                url("/course/view.php?id=2")))
        .claim(
            LtiClaims.PREFIX + "tool_platform",
            Map.of(
                "product_family_code", "moodle", "version", "2024100700.09", "name", "Moodle Lab"))
        .claim(LtiClaims.VERSION, "1.3.0")
        .claim(LtiClaims.MESSAGE_TYPE, Launch.RESOURCE_LINK);
  }

  public String sign(JWTClaimsSet claims) {
    return sign(claims, key);
  }

  public static String sign(JWTClaimsSet claims, RSAKey with) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(with));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private MockResponse handle(RecordedRequest request) {
    MockResponse grades = gradebook.handle(request);
    if (grades != null) {
      return grades;
    }
    String path = request.getUrl().encodedPath();
    return switch (path) {
      case "/mod/lti/certs.php" ->
          json(new JWKSet(new ArrayList<>(publishedKeys)).toPublicJWKSet().toString());
      case "/mod/lti/openid-configuration.php" -> json(openidConfiguration().toString());
      case "/mod/lti/openid-registration.php" -> register(request);
      case "/mod/lti/auth.php" -> authorize(request.getUrl());
      default -> new MockResponse.Builder().code(404).body("not found").build();
    };
  }

  private JsonObject openidConfiguration() {
    JsonObject config = new JsonObject();
    config.addProperty("issuer", issuer());
    config.addProperty("token_endpoint", url("/mod/lti/token.php"));
    config.addProperty("jwks_uri", url("/mod/lti/certs.php"));
    config.addProperty("authorization_endpoint", authorizationOrigin() + "/mod/lti/auth.php");
    config.addProperty("registration_endpoint", url("/mod/lti/openid-registration.php"));
    JsonObject platform = new JsonObject();
    platform.addProperty("product_family_code", "moodle");
    platform.addProperty("version", "4.5+ (Build: 20241205)");
    config.add("https://purl.imsglobal.org/spec/lti-platform-configuration", platform);
    return config;
  }

  private MockResponse register(RecordedRequest request) {
    if (!("Bearer " + REGISTRATION_TOKEN).equals(request.getHeaders().get("Authorization"))) {
      return new MockResponse.Builder().code(401).body("{\"error\":\"invalid token\"}").build();
    }
    String body = request.getBody().utf8();
    registrations.add(body);
    JsonObject answer = JsonParser.parseString(body).getAsJsonObject();
    answer.addProperty("client_id", CLIENT_ID);
    answer
        .getAsJsonObject(DynamicRegistration.TOOL_CONFIGURATION)
        .addProperty("deployment_id", DEPLOYMENT_ID);
    return json(answer.toString());
  }

  /** The browser arrives from the tool's login redirect: answer with Moodle's self-posting form. */
  private MockResponse authorize(HttpUrl request) {
    // Moodle's auth.php finds the launch through the hint, so it must come back unchanged.
    if (!MESSAGE_HINT.equals(request.queryParameter("lti_message_hint"))) {
      return new MockResponse.Builder()
          .code(400)
          .body("invalid_request: No launch id in LTI hint")
          .build();
    }
    String token =
        sign(
            browserLaunchClaims
                .apply(claims(request.queryParameter("nonce"), browserLaunchRoles))
                .build(),
            browserLaunchKey);
    String html =
        "<!DOCTYPE html><html><body><form id=\"f\" action=\""
            + request.queryParameter("redirect_uri")
            + "\" method=\"post\"><input type=\"hidden\" name=\"id_token\" value=\""
            + token
            + "\"><input type=\"hidden\" name=\"state\" value=\""
            + request.queryParameter("state")
            + "\"></form><script>document.getElementById('f').submit();</script></body></html>";
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "text/html; charset=utf-8")
        .body(html)
        .build();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Override
  public void close() {
    server.close();
  }
}
