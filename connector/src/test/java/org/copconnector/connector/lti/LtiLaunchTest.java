package org.copconnector.connector.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** LTI 1.3 launches into the whole connector, from a test platform, through a scripted browser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LtiLaunchTest {

  @TempDir static Path dataDir;
  private TestPlatform platform;
  private Connector connector;
  private Browser browser;

  @BeforeEach
  void newBrowser() {
    browser = new Browser();
    platform.publish(platform.key());
  }

  @BeforeAll
  void start() throws Exception {
    platform = new TestPlatform();
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    env.putAll(platform.manualRegistration());
    connector =
        Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of());
  }

  @AfterAll
  void stop() {
    connector.close();
    platform.close();
  }

  private String tool(String path) {
    return "http://127.0.0.1:" + connector.port() + path;
  }

  /**
   * The tool's login redirect after Moodle's login initiation form: state and nonce as the platform
   * receives them.
   */
  private HttpUrl login() throws Exception {
    Browser.Page page = browser.post(tool("/lti/login"), platform.loginFields(tool("/lti/launch")));
    assertEquals(302, page.status(), page.body());
    return HttpUrl.get(page.location());
  }

  private Browser.Page launchWith(UnaryOperator<JWTClaimsSet.Builder> adjust, RSAKey signer)
      throws Exception {
    HttpUrl auth = login();
    JWTClaimsSet claims =
        adjust
            .apply(platform.claims(auth.queryParameter("nonce"), List.of(TestPlatform.INSTRUCTOR)))
            .build();
    return browser.post(
        tool("/lti/launch"),
        Map.of(
            "id_token", TestPlatform.sign(claims, signer), "state", auth.queryParameter("state")));
  }

  /** A refused launch's page, in Portuguese: the test platform launches with locale {@code pt}. */
  private void assertRefused(Browser.Page page, LaunchRefused.Reason reason) throws Exception {
    assertRefused(page, reason, "pt");
  }

  private void assertRefused(Browser.Page page, LaunchRefused.Reason reason, String language)
      throws Exception {
    assertEquals(401, page.status(), page.body());
    Translations t = Translations.in(language);
    assertTrue(page.body().contains("<html lang=\"" + language + "\""), page.body());
    assertTrue(page.body().contains(LtiPages.escape(t.text("lti.couldNotOpen"))), page.body());
    assertTrue(page.body().contains(LtiPages.escape(reason.whatToCheck(t))), page.body());
    assertTrue(page.body().contains(reason.name()));
    assertTrue(
        page.setCookies().stream().noneMatch(c -> c.startsWith("cop_session=")),
        "no session on a refused launch");
    assertFalse(browser.cookie("cop_session").isPresent());
  }

  @Test
  void theLoginRedirectCarriesWhatThePlatformNeeds() throws Exception {
    HttpUrl auth = login();
    assertEquals(
        platform.url("/mod/lti/auth.php"), auth.newBuilder().query(null).build().toString());
    assertEquals("openid", auth.queryParameter("scope"));
    assertEquals("id_token", auth.queryParameter("response_type"));
    assertEquals("form_post", auth.queryParameter("response_mode"));
    assertEquals("none", auth.queryParameter("prompt"));
    assertEquals(TestPlatform.CLIENT_ID, auth.queryParameter("client_id"));
    assertEquals(tool("/lti/launch"), auth.queryParameter("redirect_uri"));
    assertEquals("4", auth.queryParameter("login_hint"));
    // Moodle's hint is JSON: it must come back exactly, not be read as a URI template.
    assertEquals(TestPlatform.MESSAGE_HINT, auth.queryParameter("lti_message_hint"));
    String binding = browser.cookie(LoginBinding.COOKIE).orElseThrow().toString();
    assertTrue(binding.contains("secure") && binding.contains("httponly"), binding);
  }

  @Test
  void aLoginInitiatedByGetCarriesMoodlesHintToo() throws Exception {
    Browser.Page page = browser.get(tool("/lti/login?" + platform.loginQuery(tool("/lti/launch"))));
    assertEquals(302, page.status(), page.body());
    assertEquals(
        TestPlatform.MESSAGE_HINT, HttpUrl.get(page.location()).queryParameter("lti_message_hint"));
  }

  @Test
  void aGoodLaunchOpensASessionAndLandsOnTheHub() throws Exception {
    Browser.Page page = launchWith(UnaryOperator.identity(), platform.key());
    assertEquals(303, page.status(), page.body());
    assertEquals(tool("/hub"), page.location());
    String cookie =
        page.setCookies().stream()
            .filter(c -> c.startsWith("cop_session="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("Secure"), cookie);
    assertTrue(cookie.contains("SameSite=None"), cookie);
  }

  @Test
  void theWholeBrowserFlowThroughThePlatformsForm() throws Exception {
    Browser.Page auth = browser.get(login().toString());
    Browser.Page landed = browser.submitForm(auth);
    assertEquals(303, landed.status(), landed.body());
    assertTrue(browser.cookie("cop_session").isPresent());
  }

  @Test
  void aLaunchKeepsTheRostersMoodleRoleNames() throws Exception {
    PeopleStore people = new PeopleStore(connector.database().dataSource(), Clock.systemUTC());
    people.replaceRoster(
        "2",
        List.of(
            new Participant(
                "4",
                "Alice Anderson",
                "teacher1@example.com",
                List.of("editingteacher"),
                List.of("Physics"))));
    assertEquals(303, launchWith(UnaryOperator.identity(), platform.key()).status());
    // Someone the roster sync has not read yet: known at once, without LTI role URIs.
    assertEquals(
        303,
        launchWith(c -> c.subject("10").claim("name", "Gabriela Gomes"), platform.key()).status());

    Map<String, Participant> roster = new HashMap<>();
    people.roster("2").forEach(p -> roster.put(p.lmsUserId(), p));
    assertEquals(List.of("editingteacher"), roster.get("4").roles());
    assertEquals(List.of("Physics"), roster.get("4").groups());
    assertEquals("Gabriela Gomes", roster.get("10").displayName());
    assertEquals(List.of(), roster.get("10").roles());
  }

  @Test
  void longOrControlCharacterClaimsAreMadeToFitOrRefused() throws Exception {
    String longName = "Gabriela " + "G".repeat(2000);
    assertEquals(
        303,
        launchWith(
                c ->
                    c.subject("11")
                        .claim("name", "Ana\u0000 " + longName)
                        .claim("email", "a".repeat(400) + "@example.com")
                        .claim("locale", "pt-" + "x".repeat(100)),
                platform.key())
            .status());
    PeopleStore people = new PeopleStore(connector.database().dataSource(), Clock.systemUTC());
    Participant ana =
        people.roster("2").stream()
            .filter(p -> p.lmsUserId().equals("11"))
            .findFirst()
            .orElseThrow();
    assertEquals(500, ana.displayName().length());
    assertTrue(ana.displayName().startsWith("Ana Gabriela"), ana.displayName());
    assertEquals(null, ana.email());

    browser = new Browser();
    assertRefused(
        launchWith(c -> c.subject("1".repeat(256)), platform.key()),
        LaunchRefused.Reason.MALFORMED_TOKEN);
    assertRefused(
        launchWith(c -> c.subject("1\u00002"), platform.key()),
        LaunchRefused.Reason.MALFORMED_TOKEN);
  }

  @Test
  void errorsOnTheLtiAddressesArePagesNotJson() throws Exception {
    // A teacher reloading the launch address, or a form posted with another encoding.
    Browser.Page reloaded = browser.get(tool("/lti/launch"));
    assertEquals(405, reloaded.status(), reloaded.body());
    assertHtmlPage(reloaded, "Open the connector from your Moodle course");
    Browser.Page wrongEncoding =
        browser.postJson(tool("/lti/launch"), "{\"id_token\":\"x\",\"state\":\"y\"}");
    assertEquals(415, wrongEncoding.status(), wrongEncoding.body());
    assertHtmlPage(wrongEncoding, "Open the connector from your Moodle course");
    Browser.Page unknown = browser.get(tool("/lti/launch/extra"));
    assertEquals(404, unknown.status(), unknown.body());
    assertHtmlPage(unknown, "Open the connector from your Moodle course");

    browser.languages("pt-PT,pt;q=0.9,en;q=0.8");
    Browser.Page inPortuguese = browser.get(tool("/lti/launch"));
    assertEquals(405, inPortuguese.status(), inPortuguese.body());
    assertHtmlPage(inPortuguese, "Abra o conector a partir da sua disciplina no Moodle");
    assertTrue(inPortuguese.body().contains("<html lang=\"pt\""), inPortuguese.body());
  }

  private static void assertHtmlPage(Browser.Page page, String heading) {
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertTrue(page.body().contains("<h1>" + heading + "</h1>"), page.body());
    assertFalse(page.body().contains("\"error\""), page.body());
  }

  @Test
  void refusesABadSignature() throws Exception {
    RSAKey impostor = TestPlatform.newKey(platform.key().getKeyID());
    assertRefused(
        launchWith(UnaryOperator.identity(), impostor), LaunchRefused.Reason.BAD_SIGNATURE);
  }

  @Test
  void refusesAKeyIdThePlatformDoesNotPublish() throws Exception {
    assertRefused(
        launchWith(UnaryOperator.identity(), TestPlatform.newKey("not-published")),
        LaunchRefused.Reason.UNKNOWN_KEY);
  }

  @Test
  void acceptsAKeyThePlatformStartedPublishingAfterwards() throws Exception {
    assertEquals(303, launchWith(UnaryOperator.identity(), platform.key()).status());
    RSAKey rotated = TestPlatform.newKey("platform-key-2");
    platform.publish(platform.key(), rotated);
    Thread.sleep(5_100); // the key set is refreshed at most every five seconds
    assertEquals(303, launchWith(UnaryOperator.identity(), rotated).status());
  }

  @Test
  void refusesAnExpiredToken() throws Exception {
    Instant past = Instant.now().minusSeconds(600);
    assertRefused(
        launchWith(
            c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))),
            platform.key()),
        LaunchRefused.Reason.EXPIRED);
  }

  @Test
  void refusesATokenFromTheFuture() throws Exception {
    Instant future = Instant.now().plusSeconds(600);
    assertRefused(
        launchWith(
            c -> c.issueTime(Date.from(future)).expirationTime(Date.from(future.plusSeconds(60))),
            platform.key()),
        LaunchRefused.Reason.NOT_YET_VALID);
  }

  @Test
  void refusesAWrongAudience() throws Exception {
    assertRefused(
        launchWith(c -> c.audience("another-tool"), platform.key()),
        LaunchRefused.Reason.WRONG_AUDIENCE);
    assertRefused(
        launchWith(
            c -> c.audience(List.of(TestPlatform.CLIENT_ID, "another-tool")), platform.key()),
        LaunchRefused.Reason.WRONG_AUDIENCE);
  }

  @Test
  void acceptsSeveralAudiencesWithTheRightAuthorisedParty() throws Exception {
    assertEquals(
        303,
        launchWith(
                c ->
                    c.audience(List.of(TestPlatform.CLIENT_ID, "x"))
                        .claim("azp", TestPlatform.CLIENT_ID),
                platform.key())
            .status());
  }

  @Test
  void refusesAWrongIssuer() throws Exception {
    assertRefused(
        launchWith(c -> c.issuer("https://evil.example"), platform.key()),
        LaunchRefused.Reason.WRONG_ISSUER);
  }

  @Test
  void refusesAMissingState() throws Exception {
    HttpUrl auth = login();
    String token =
        platform.sign(
            platform
                .claims(auth.queryParameter("nonce"), List.of(TestPlatform.INSTRUCTOR))
                .build());
    assertRefused(
        browser.post(tool("/lti/launch"), Map.of("id_token", token)),
        LaunchRefused.Reason.MISSING_STATE);
    assertRefused(
        browser.post(tool("/lti/launch"), Map.of("id_token", token, "state", "made-up")),
        LaunchRefused.Reason.MISSING_STATE);
  }

  @Test
  void refusesAStateStartedInAnotherBrowser() throws Exception {
    HttpUrl auth = login();
    String token =
        platform.sign(
            platform
                .claims(auth.queryParameter("nonce"), List.of(TestPlatform.INSTRUCTOR))
                .build());
    Browser other = new Browser();
    Browser.Page page =
        other.post(
            tool("/lti/launch"), Map.of("id_token", token, "state", auth.queryParameter("state")));
    assertEquals(401, page.status());
    assertTrue(page.body().contains(LaunchRefused.Reason.FOREIGN_STATE.name()), page.body());
  }

  @Test
  void refusesAReplayedLaunch() throws Exception {
    HttpUrl auth = login();
    Map<String, String> form =
        Map.of(
            "id_token",
                platform.sign(
                    platform
                        .claims(auth.queryParameter("nonce"), List.of(TestPlatform.INSTRUCTOR))
                        .build()),
            "state", auth.queryParameter("state"));
    assertEquals(303, browser.post(tool("/lti/launch"), form).status());
    // The same POST again from the same browser: its state was consumed by the first launch.
    Browser.Page replay = browser.post(tool("/lti/launch"), form);
    assertEquals(401, replay.status());
    assertTrue(replay.body().contains(LaunchRefused.Reason.MISSING_STATE.name()));

    // Even with a fresh state carrying the same nonce, the nonce itself is single-use.
    String binding = browser.cookie(LoginBinding.COOKIE).orElseThrow().value();
    long platformId =
        new PlatformStore(connector.database().dataSource(), java.time.Clock.systemUTC())
            .find(platform.issuer(), TestPlatform.CLIENT_ID)
            .orElseThrow()
            .id();
    new LoginStates(connector.database().dataSource(), java.time.Clock.systemUTC())
        .remember(
            new LoginStates.LoginState(
                "forged-state",
                auth.queryParameter("nonce"),
                platformId,
                org.copconnector.plugin.session.Tokens.sha256(binding)));
    Browser.Page reused =
        browser.post(
            tool("/lti/launch"), Map.of("id_token", form.get("id_token"), "state", "forged-state"));
    assertEquals(401, reused.status());
    assertTrue(reused.body().contains(LaunchRefused.Reason.REPLAYED_NONCE.name()), reused.body());
  }

  @Test
  void refusesAnUnknownDeployment() throws Exception {
    assertRefused(
        launchWith(c -> c.claim(LtiClaims.DEPLOYMENT_ID, "99"), platform.key()),
        LaunchRefused.Reason.UNKNOWN_DEPLOYMENT);
  }

  @Test
  void refusesOtherVersionsAndMessages() throws Exception {
    assertRefused(
        launchWith(c -> c.claim(LtiClaims.VERSION, "1.1"), platform.key()),
        LaunchRefused.Reason.WRONG_VERSION);
    assertRefused(
        launchWith(
            c -> c.claim(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest"), platform.key()),
        LaunchRefused.Reason.UNSUPPORTED_MESSAGE);
  }

  @Test
  void refusesAGarbledTokenInTheBrowsersLanguage() throws Exception {
    HttpUrl auth = login();
    // No launch locale to read: the browser's best supported language.
    browser.languages("de-DE,de;q=0.9,es;q=0.8,en;q=0.5");
    assertRefused(
        browser.post(
            tool("/lti/launch"),
            Map.of("id_token", "not.a.jwt", "state", auth.queryParameter("state"))),
        LaunchRefused.Reason.MALFORMED_TOKEN,
        "es");
  }

  @Test
  void aRefusedLaunchSpeaksTheLaunchesLanguage() throws Exception {
    Browser.Page page = launchWith(c -> c.claim(LtiClaims.DEPLOYMENT_ID, "99"), platform.key());
    assertTrue(page.body().contains("Não foi possível abrir o conector"), page.body());
    assertTrue(
        page.body().contains("Esta implementação da ferramenta não está registada."), page.body());
  }

  @Test
  void anUnregisteredPlatformCannotStartALogin() throws Exception {
    Browser.Page page = browser.get(tool("/lti/login?iss=https://other.example&login_hint=4"));
    assertEquals(400, page.status());
    assertTrue(page.body().contains("not registered"));
    browser.languages("pt");
    Browser.Page inPortuguese =
        browser.get(tool("/lti/login?iss=https://other.example&login_hint=4"));
    assertTrue(
        inPortuguese.body().contains("Este site Moodle não está registado"), inPortuguese.body());
  }

  @Test
  void refusesPlatformAddressesThatAreNotWebAddresses() throws Exception {
    // A deep-linking return address of javascript: would be the action of the answer's form, which
    // the page submits in the connector's origin.
    Browser.Page page =
        launchWith(
            c ->
                c.claim(LtiClaims.MESSAGE_TYPE, Launch.DEEP_LINKING)
                    .claim(
                        LtiClaims.DEEP_LINKING_SETTINGS,
                        Map.of(
                            "deep_link_return_url",
                            "javascript:document.forms[0].submit()",
                            "data",
                            "x")),
            platform.key());
    assertBadAddress(page, "deep_link_return_url");
    assertFalse(page.body().contains("<form"), page.body());
    assertFalse(page.body().contains("javascript:"), page.body());
    assertBadAddress(
        launchWith(
            c ->
                c.claim(LtiClaims.MESSAGE_TYPE, Launch.DEEP_LINKING)
                    .claim(LtiClaims.DEEP_LINKING_SETTINGS, Map.of("data", "x")),
            platform.key()),
        "deep_link_return_url");
    for (String address :
        List.of("JavaScript:alert(1)", "data:text/html,x", "/course/view.php?id=2", "https://")) {
      assertBadAddress(
          launchWith(
              c ->
                  c.claim(
                      LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "pt", "return_url", address)),
              platform.key()),
          "return_url");
      assertBadAddress(
          launchWith(c -> c.claim(LtiClaims.TARGET_LINK_URI, address), platform.key()),
          "target_link_uri");
    }

    Browser.Page login =
        browser.post(tool("/lti/login"), platform.loginFields("javascript:alert(1)"));
    assertEquals(400, login.status(), login.body());
    assertTrue(login.body().contains("target_link_uri"), login.body());
    assertTrue(login.body().contains(LaunchRefused.Reason.BAD_ADDRESS.name()), login.body());
  }

  /** Refused with 400, in the launch's language, naming the claim; no session. */
  private void assertBadAddress(Browser.Page page, String field) throws Exception {
    assertEquals(400, page.status(), page.body());
    Translations t = Translations.in("pt");
    assertTrue(page.body().contains("<html lang=\"pt\""), page.body());
    assertTrue(
        page.body()
            .contains(LtiPages.escape(t.text("lti.refused.bad_address", Map.of("field", field)))),
        page.body());
    assertTrue(page.body().contains(LaunchRefused.Reason.BAD_ADDRESS.name()), page.body());
    assertFalse(browser.cookie("cop_session").isPresent());
  }

  @Test
  void onlyTheConnectorAndItsPlatformsMayFrameThePages() throws Exception {
    String ancestors = "frame-ancestors 'self' " + platform.issuer();
    Browser.Page deepLinking =
        launchWith(
            c ->
                c.claim(LtiClaims.MESSAGE_TYPE, Launch.DEEP_LINKING)
                    .claim(
                        LtiClaims.DEEP_LINKING_SETTINGS,
                        Map.of(
                            "deep_link_return_url",
                            platform.url("/mod/lti/contentitem_return.php"))),
            platform.key());
    assertEquals(200, deepLinking.status(), deepLinking.body());
    String policy = deepLinking.policy();
    // The answer posts to the platform and opens in its frame.
    assertTrue(policy.contains("form-action 'self' " + platform.issuer()), policy);
    assertTrue(policy.endsWith(ancestors), policy);
    Browser.Page landed = launchWith(UnaryOperator.identity(), platform.key());
    for (String path : List.of("/hub", "/lti/launch", "/lti/jwks", "/api/v1/me")) {
      Browser.Page page = browser.get(tool(path));
      assertTrue(page.policy().endsWith(ancestors), path + ": " + page.policy());
    }
    assertTrue(landed.policy().endsWith(ancestors), landed.policy());
  }

  @Test
  void theToolsKeyIsMadeAtFirstStart() throws Exception {
    // Counted in the table: asking ToolKeys would make a key itself.
    long deadline = System.currentTimeMillis() + 10_000;
    int stored = 0;
    while (stored == 0 && System.currentTimeMillis() < deadline) {
      try (var c = connector.database().dataSource().getConnection();
          var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM lti_tool_key")) {
        rs.next();
        stored = rs.getInt(1);
      }
      Thread.sleep(50);
    }
    assertEquals(1, stored);
  }

  @Test
  void theToolPublishesItsPublicKeyOnly() throws Exception {
    Browser.Page jwks = browser.get(tool("/lti/jwks"));
    assertEquals(200, jwks.status());
    assertTrue(jwks.body().contains("\"kty\":\"RSA\""), jwks.body());
    assertFalse(jwks.body().contains("\"d\":"), "no private part");
  }
}
