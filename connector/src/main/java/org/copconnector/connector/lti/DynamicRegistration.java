package org.copconnector.connector.lti;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LTI Advantage Dynamic Registration: the platform hands over its OpenID configuration and a
 * one-time token; the tool posts its own configuration and keeps the client id and deployment it
 * receives. Only trusted platforms (the configured Moodle site, plus any listed) may register, so a
 * stranger cannot register a platform of their own and launch as anyone.
 */
public final class DynamicRegistration {

  private static final Logger LOG = LoggerFactory.getLogger(DynamicRegistration.class);
  static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
  private static final String PLATFORM_CONFIGURATION =
      "https://purl.imsglobal.org/spec/lti-platform-configuration";

  /**
   * Registration could not complete: the page says what went wrong in the administrator's language
   * ({@code lti.register.<problem>}), the message is kept as the technical detail.
   */
  public static final class RegistrationFailed extends Exception {

    /** What went wrong, as the bundles name it. */
    public enum Problem {
      NOT_TRUSTED("notTrusted"),
      ISSUER_MISMATCH("issuerMismatch"),
      NO_CLIENT_ID("noClientId"),
      UNREACHABLE("unreachable"),
      REFUSED("refused"),
      NOT_JSON("notJson"),
      BAD_ADDRESS("badAddress");

      private final String key;

      Problem(String key) {
        this.key = "lti.register." + key;
      }
    }

    private final Problem problem;
    private final Map<String, String> parameters;

    public RegistrationFailed(Problem problem, String message) {
      this(problem, Map.of(), message);
    }

    public RegistrationFailed(Problem problem, Map<String, String> parameters, String message) {
      super(message);
      this.problem = problem;
      this.parameters = Map.copyOf(parameters);
    }

    public Problem problem() {
      return problem;
    }

    /** What went wrong and what to do, in the language of {@code t}. */
    public String problem(Translations t) {
      return t.text(problem.key, parameters);
    }
  }

  private final Supplier<OkHttpClient> http;
  private final PlatformStore platforms;
  private final Set<String> trustedIssuers;
  private final Gson gson = Json.lenient();

  public DynamicRegistration(
      Supplier<OkHttpClient> http, PlatformStore platforms, Set<String> trustedIssuers) {
    this.http = http;
    this.platforms = platforms;
    this.trustedIssuers =
        trustedIssuers.stream()
            .map(DynamicRegistration::withoutTrailingSlash)
            .collect(java.util.stream.Collectors.toSet());
  }

  /**
   * Registers with the platform whose OpenID configuration is at {@code configurationUrl}; the tool
   * describes itself in the language of {@code t} (the administrator's, who reads it in Moodle's
   * tool list).
   */
  public Platform register(
      String configurationUrl, String registrationToken, URI toolBase, Translations t)
      throws RegistrationFailed {
    URI configUri = parseUrl(configurationUrl, "openid_configuration");
    // Checked before anything is fetched: the connector never requests addresses of untrusted
    // sites.
    if (trustedIssuers.stream()
        .noneMatch(issuer -> configUri.toString().startsWith(issuer + "/"))) {
      String site = configUri.getScheme() + "://" + configUri.getAuthority();
      throw new RegistrationFailed(
          RegistrationFailed.Problem.NOT_TRUSTED,
          Map.of("site", site),
          "Registration from "
              + site
              + " is not allowed. Set moodle.url to this site (or add it to lti.trusted.issuers) and try again.");
    }
    JsonObject config = getJson(configUri);
    String issuer = withoutTrailingSlash(text(config, "issuer"));
    if (issuer == null
        || !trustedIssuers.contains(issuer)
        || !configUri.toString().startsWith(issuer + "/")) {
      throw new RegistrationFailed(
          RegistrationFailed.Problem.ISSUER_MISMATCH,
          "The platform's issuer ("
              + issuer
              + ") does not match its configuration address or is not trusted.");
    }
    URI auth = parseUrl(text(config, "authorization_endpoint"), "authorization_endpoint");
    URI token = parseUrl(text(config, "token_endpoint"), "token_endpoint");
    URI jwks = parseUrl(text(config, "jwks_uri"), "jwks_uri");
    URI registrationEndpoint =
        parseUrl(text(config, "registration_endpoint"), "registration_endpoint");
    JsonObject answer =
        post(registrationEndpoint, registrationToken, toolConfiguration(toolBase, t));
    String clientId = text(answer, "client_id");
    if (clientId == null || clientId.isBlank()) {
      throw new RegistrationFailed(
          RegistrationFailed.Problem.NO_CLIENT_ID,
          "The platform accepted the registration but returned no client_id.");
    }
    Platform platform = platforms.save(issuer, clientId, auth, token, jwks, "dynamic");
    JsonObject tool =
        answer.has(TOOL_CONFIGURATION)
            ? answer.getAsJsonObject(TOOL_CONFIGURATION)
            : new JsonObject();
    String deployment = text(tool, "deployment_id");
    if (deployment != null) {
      platforms.addDeployment(platform.id(), deployment);
    }
    LOG.info(
        "registered with platform {} (client id {}, deployment {})", issuer, clientId, deployment);
    return platform;
  }

  /** What the tool tells the platform about itself. */
  JsonObject toolConfiguration(URI toolBase, Translations t) {
    String launch = toolBase.resolve("lti/launch").toString();
    JsonObject body = new JsonObject();
    body.addProperty("application_type", "web");
    body.add("response_types", array("id_token"));
    body.add("grant_types", array("implicit", "client_credentials"));
    body.addProperty("initiate_login_uri", toolBase.resolve("lti/login").toString());
    body.add("redirect_uris", array(launch));
    body.addProperty("client_name", "CoP Connector");
    body.addProperty("jwks_uri", toolBase.resolve("lti/jwks").toString());
    body.addProperty("token_endpoint_auth_method", "private_key_jwt");
    // Assignment and Grade Services: Moodle then lets the tool keep its own gradebook columns and
    // send scores (registration_helper.php turns these scopes into its grade sync settings).
    body.addProperty("scope", String.join(" ", Launch.GradeService.SCOPES));
    JsonObject tool = new JsonObject();
    tool.addProperty("domain", toolBase.getAuthority());
    tool.addProperty("target_link_uri", launch);
    tool.addProperty("description", t.text("lti.tool.description"));
    tool.add("claims", array("iss", "sub", "name", "given_name", "family_name", "email", "locale"));
    JsonObject deepLinking = new JsonObject();
    deepLinking.addProperty("type", "LtiDeepLinkingRequest");
    deepLinking.addProperty("target_link_uri", launch);
    deepLinking.addProperty("label", "CoP Connector");
    JsonArray messages = new JsonArray();
    messages.add(deepLinking);
    tool.add("messages", messages);
    body.add(TOOL_CONFIGURATION, tool);
    return body;
  }

  private JsonObject getJson(URI url) throws RegistrationFailed {
    try (Response response =
        http.get().newCall(new Request.Builder().url(url.toString()).build()).execute()) {
      return readObject(response, "OpenID configuration");
    } catch (IOException e) {
      throw new RegistrationFailed(
          RegistrationFailed.Problem.UNREACHABLE,
          "Could not read the platform's OpenID configuration: " + e.getMessage());
    }
  }

  private JsonObject post(URI url, String registrationToken, JsonObject body)
      throws RegistrationFailed {
    Request.Builder request =
        new Request.Builder()
            .url(url.toString())
            .post(RequestBody.create(gson.toJson(body), MediaType.get("application/json")));
    if (registrationToken != null && !registrationToken.isBlank()) {
      request.header("Authorization", "Bearer " + registrationToken);
    }
    try (Response response = http.get().newCall(request.build()).execute()) {
      return readObject(response, "registration answer");
    } catch (IOException e) {
      throw new RegistrationFailed(
          RegistrationFailed.Problem.UNREACHABLE,
          "Could not send the registration to the platform: " + e.getMessage());
    }
  }

  private static JsonObject readObject(Response response, String what)
      throws IOException, RegistrationFailed {
    String text = response.body().string();
    if (!response.isSuccessful()) {
      throw new RegistrationFailed(
          RegistrationFailed.Problem.REFUSED,
          "The platform refused the " + what + " (HTTP " + response.code() + ").");
    }
    try {
      return JsonParser.parseString(text).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new RegistrationFailed(
          RegistrationFailed.Problem.NOT_JSON, "The platform's " + what + " is not a JSON object.");
    }
  }

  private static URI parseUrl(String text, String field) throws RegistrationFailed {
    try {
      URI uri = new URI(text);
      boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
      if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
        throw new RegistrationFailed(
            RegistrationFailed.Problem.BAD_ADDRESS,
            Map.of("field", field),
            field + " must be an https address (got " + text + ").");
      }
      return uri;
    } catch (java.net.URISyntaxException | NullPointerException e) {
      throw new RegistrationFailed(
          RegistrationFailed.Problem.BAD_ADDRESS,
          Map.of("field", field),
          field + " is missing or not an address.");
    }
  }

  private static String text(JsonObject object, String name) {
    return object.has(name) && object.get(name).isJsonPrimitive()
        ? object.get(name).getAsString()
        : null;
  }

  private static JsonArray array(String... values) {
    JsonArray array = new JsonArray();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  static String withoutTrailingSlash(String text) {
    return text != null && text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
