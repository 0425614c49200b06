package org.copconnector.connector.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dynamic registration end to end, then launches and deep linking with what it registered. */
class LtiRegistrationTest {

  @TempDir Path dataDir;
  private TestPlatform platform;
  private Connector connector;
  private final Browser browser = new Browser();

  @BeforeEach
  void start() throws Exception {
    platform = new TestPlatform();
  }

  private void startConnector(String trustedIssuers) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    env.put("COP_LTI_TRUSTED_ISSUERS", trustedIssuers);
    connector =
        Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of());
  }

  @AfterEach
  void stop() {
    if (connector != null) {
      browser.closeIdleConnections();
      connector.close();
    }
    platform.close();
  }

  private String tool(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  private Browser.Page register(String token) throws Exception {
    String config =
        URLEncoder.encode(
            platform.url("/mod/lti/openid-configuration.php"), StandardCharsets.UTF_8);
    return browser.get(
        tool("/lti/register?openid_configuration=" + config + "&registration_token=" + token));
  }

  private Browser.Page launchThroughThePlatform() throws Exception {
    Browser.Page login =
        browser.get(tool("/lti/login?" + platform.loginQuery(tool("/lti/launch"))));
    assertEquals(302, login.status(), login.body());
    return browser.submitForm(browser.get(login.location()));
  }

  @Test
  void registersThenLaunches() throws Exception {
    startConnector(platform.issuer());
    // The administrator's Moodle is in Portuguese.
    browser.languages("pt-PT,pt;q=0.9,en;q=0.8");
    Browser.Page done = register(TestPlatform.REGISTRATION_TOKEN);
    assertEquals(200, done.status(), done.body());
    assertTrue(done.body().contains("O CoP Connector está registado"), done.body());
    assertTrue(
        done.body().contains("<script src=\"/assets/js/lti-close.js\">"),
        "closes Moodle's registration window");
    assertTrue(
        browser.get(tool("/assets/js/lti-close.js")).body().contains("org.imsglobal.lti.close"));

    JsonObject sent = JsonParser.parseString(platform.registrations().get(0)).getAsJsonObject();
    assertEquals(tool("/lti/login"), sent.get("initiate_login_uri").getAsString());
    assertEquals(tool("/lti/launch"), sent.getAsJsonArray("redirect_uris").get(0).getAsString());
    assertEquals(tool("/lti/jwks"), sent.get("jwks_uri").getAsString());
    // Moodle's registration_helper.php turns these into grade sync with column management.
    assertEquals(
        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
            + " https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly"
            + " https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"
            + " https://purl.imsglobal.org/spec/lti-ags/scope/score",
        sent.get("scope").getAsString());
    JsonObject toolConfig = sent.getAsJsonObject(DynamicRegistration.TOOL_CONFIGURATION);
    assertEquals(
        "LtiDeepLinkingRequest",
        toolConfig.getAsJsonArray("messages").get(0).getAsJsonObject().get("type").getAsString());
    assertEquals(
        "Comunidades de prática, bancos de recursos partilhados e diálogo reflexivo para professores.",
        toolConfig.get("description").getAsString());

    Browser.Page landed = launchThroughThePlatform();
    assertEquals(303, landed.status(), landed.body());
    assertEquals(tool("/hub"), landed.location());
  }

  @Test
  void theSitesThatMayFrameThePagesFollowRegistration() throws Exception {
    startConnector(platform.issuer());
    platform.authorizeByAddress();
    // Trusted to register: its site may show the registration page in its frame before that.
    String before = browser.get(tool("/hub")).policy();
    assertTrue(before.endsWith("frame-ancestors 'self' " + platform.issuer()), before);
    Browser.Page done = register(TestPlatform.REGISTRATION_TOKEN);
    assertEquals(200, done.status(), done.body());
    String registered =
        "frame-ancestors 'self' " + platform.issuer() + " " + platform.authorizationOrigin();
    assertTrue(done.policy().endsWith(registered), done.policy());
    String after = browser.get(tool("/hub")).policy();
    assertTrue(after.endsWith(registered), "at once, not at the next refresh: " + after);
  }

  @Test
  void refusesAPlatformThatIsNotTrusted() throws Exception {
    startConnector("https://moodle.school.example");
    Browser.Page page = register(TestPlatform.REGISTRATION_TOKEN);
    assertEquals(400, page.status());
    assertTrue(page.body().contains("is not allowed"), page.body());
    browser.languages("es");
    assertTrue(register(TestPlatform.REGISTRATION_TOKEN).body().contains("El registro ha fallado"));
    assertTrue(platform.registrations().isEmpty());
    assertEquals(0, platform.requestCount(), "an untrusted address is never fetched");
  }

  @Test
  void reportsARefusedRegistrationToken() throws Exception {
    startConnector(platform.issuer());
    Browser.Page page = register("wrong");
    assertEquals(400, page.status());
    assertTrue(page.body().contains("refused"), page.body());
  }

  @Test
  void withoutParametersExplainsWhereToPasteTheAddress() throws Exception {
    startConnector("");
    Browser.Page page = browser.get(tool("/lti/register"));
    assertEquals(400, page.status());
    assertTrue(page.body().contains("Manage tools"));
    browser.languages("pt-PT,pt;q=0.9");
    Browser.Page inPortuguese = browser.get(tool("/lti/register"));
    assertTrue(inPortuguese.body().contains("Abra este endereço a partir do Moodle"));
    assertTrue(inPortuguese.body().contains("Gerir ferramentas"));
  }

  @Test
  void aFacilitatorPlacesTheHubInACourseByDeepLinking() throws Exception {
    startConnector(platform.issuer());
    register(TestPlatform.REGISTRATION_TOKEN);
    platform.onBrowserLaunch(
        List.of(TestPlatform.INSTRUCTOR),
        c ->
            c.claim(LtiClaims.MESSAGE_TYPE, Launch.DEEP_LINKING)
                .claim(
                    LtiClaims.DEEP_LINKING_SETTINGS,
                    Map.of(
                        "deep_link_return_url",
                        platform.url("/mod/lti/contentitem_return.php?course=2"),
                        "accept_types",
                        List.of("ltiResourceLink"),
                        "data",
                        "opaque-42")));
    Browser.Page answer = launchThroughThePlatform();
    assertEquals(200, answer.status(), answer.body());
    Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(answer.body());
    assertTrue(action.find());
    assertEquals(
        platform.url("/mod/lti/contentitem_return.php?course=2"),
        action.group(1).replace("&amp;", "&"));
    Matcher jwtField = Pattern.compile("name=\"JWT\" value=\"([^\"]*)\"").matcher(answer.body());
    assertTrue(jwtField.find());

    SignedJWT jwt = SignedJWT.parse(jwtField.group(1));
    RSAKey toolKey =
        (RSAKey)
            JWKSet.parse(browser.get(tool("/lti/jwks")).body())
                .getKeyByKeyId(jwt.getHeader().getKeyID());
    assertTrue(jwt.verify(new RSASSAVerifier(toolKey)), "signed with the published tool key");
    assertEquals(TestPlatform.CLIENT_ID, jwt.getJWTClaimsSet().getIssuer());
    assertEquals(List.of(platform.issuer()), jwt.getJWTClaimsSet().getAudience());
    assertEquals(
        "LtiDeepLinkingResponse", jwt.getJWTClaimsSet().getStringClaim(LtiClaims.MESSAGE_TYPE));
    assertEquals("opaque-42", jwt.getJWTClaimsSet().getStringClaim(LtiClaims.DEEP_LINKING_DATA));
    @SuppressWarnings("unchecked")
    Map<String, Object> item =
        ((List<Map<String, Object>>)
                jwt.getJWTClaimsSet().getClaim(LtiClaims.DEEP_LINKING_CONTENT_ITEMS))
            .get(0);
    assertEquals("ltiResourceLink", item.get("type"));
    assertEquals(tool("/lti/launch"), item.get("url"));
    // The facilitator launched in Portuguese: the course shows the link in Portuguese.
    assertEquals("Comunidades de prática", item.get("title"));
  }

  @Test
  void aLearnerCannotPlaceLinks() throws Exception {
    startConnector(platform.issuer());
    register(TestPlatform.REGISTRATION_TOKEN);
    platform.onBrowserLaunch(
        List.of(TestPlatform.LEARNER),
        c ->
            c.claim(LtiClaims.MESSAGE_TYPE, Launch.DEEP_LINKING)
                .claim(
                    LtiClaims.DEEP_LINKING_SETTINGS,
                    Map.of(
                        "deep_link_return_url", platform.url("/mod/lti/contentitem_return.php"))));
    assertEquals(403, launchThroughThePlatform().status());
  }
}
