package org.copconnector.connector.gradebook;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.connector.lti.Platform;
import org.copconnector.connector.lti.ToolKeys;

/**
 * Access tokens for a platform's services, by the OAuth 2 client-credentials grant with a client
 * assertion signed by the tool's key (RFC 7523, as LTI Advantage asks). A token is kept until
 * shortly before it expires. Tokens are never logged nor put in messages.
 */
final class PlatformTokens {

  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

  /** A token is not used in its last minute: a call may take that long to arrive. */
  private static final Duration MARGIN = Duration.ofSeconds(60);

  private record Held(String token, Instant until) {}

  private final Supplier<OkHttpClient> http;
  private final ToolKeys keys;
  private final Clock clock;
  private final Map<Long, Held> held = new ConcurrentHashMap<>();

  PlatformTokens(Supplier<OkHttpClient> http, ToolKeys keys, Clock clock) {
    this.http = http;
    this.keys = keys;
    this.clock = clock;
  }

  /** A token for {@code scopes} at {@code platform}: the one held, or a new one. */
  String token(Platform platform, List<String> scopes) throws GradeServiceException {
    Held current = held.get(platform.id());
    if (current != null && Instant.now(clock).isBefore(current.until())) {
      return current.token();
    }
    Held fresh = request(platform, scopes);
    held.put(platform.id(), fresh);
    return fresh.token();
  }

  /** Drops the platform's token (it refused it): the next call asks for a new one. */
  void forget(Platform platform) {
    held.remove(platform.id());
  }

  private Held request(Platform platform, List<String> scopes) throws GradeServiceException {
    Instant asked = Instant.now(clock);
    FormBody form =
        new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_assertion_type", ASSERTION_TYPE)
            .add("client_assertion", assertion(platform, asked))
            .add("scope", String.join(" ", scopes))
            .build();
    Request request =
        new Request.Builder()
            .url(platform.authTokenUrl().toString())
            .header("Accept", "application/json")
            .post(form)
            .build();
    try (Response response = http.get().newCall(request).execute()) {
      String text = response.body().string();
      JsonObject answer = object(text);
      if (!response.isSuccessful()) {
        String error =
            answer != null && answer.get("error") != null && answer.get("error").isJsonPrimitive()
                ? answer.get("error").getAsString()
                : "";
        error = error.length() > 100 ? error.substring(0, 100) : error;
        throw new GradeServiceException(
            response.code(),
            "the platform's token endpoint refused the tool (HTTP "
                + response.code()
                + (error.isEmpty() ? "" : ", " + error)
                + ")",
            null);
      }
      if (answer == null || !answer.has("access_token")) {
        throw new GradeServiceException(
            502, "the platform's token endpoint answered without a token", null);
      }
      long seconds = answer.has("expires_in") ? answer.get("expires_in").getAsLong() : 3600;
      return new Held(
          answer.get("access_token").getAsString(), asked.plusSeconds(seconds).minus(MARGIN));
    } catch (IOException e) {
      throw new GradeServiceException(
          0, "the platform's token endpoint did not answer: " + e.getMessage(), e);
    }
  }

  /** The tool's signed statement of who it is, for the platform's token endpoint only. */
  private String assertion(Platform platform, Instant now) {
    RSAKey key = keys.current();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(platform.clientId())
            .subject(platform.clientId())
            .audience(platform.authTokenUrl().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the client assertion", e);
    }
    return jwt.serialize();
  }

  private static JsonObject object(String text) {
    try {
      return JsonParser.parseString(text).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      return null;
    }
  }
}
