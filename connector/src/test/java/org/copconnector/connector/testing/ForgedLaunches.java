package org.copconnector.connector.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.FormBody;
import okhttp3.Request;

/** LTI launches and logins an attacker makes up: unsigned, self-signed or garbled id_tokens. */
final class ForgedLaunches {

  private final HostileFuzz fuzz;

  ForgedLaunches(HostileFuzz fuzz) {
    this.fuzz = fuzz;
  }

  void send() throws IOException {
    String claims =
        "{\"iss\":\"https://moodle.example\",\"aud\":\"x\",\"sub\":\"2\",\"exp\":4102444800,"
            + "\"nonce\":\"n\",\"https://purl.imsglobal.org/spec/lti/claim/roles\":"
            + "[\"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator\"],"
            + "\"https://purl.imsglobal.org/spec/lti/claim/deployment_id\":\"1\"}";
    List<String> tokens =
        List.of(
            fuzz.secret(jwt("{\"alg\":\"none\"}", claims, "")),
            fuzz.secret(hs256(claims)),
            fuzz.secret(jwt("{\"alg\":\"RS256\",\"kid\":\"../../etc/passwd\"}", claims, "c2ln")),
            fuzz.secret(
                jwt("{\"alg\":\"RS256\",\"jku\":\"http://127.0.0.1:1/k\"}", claims, "c2ln")),
            "not.a.jwt",
            "a.b",
            "\u0000",
            "x".repeat(100_000));
    for (String token : tokens) {
      for (String state : new String[] {null, "forged-state", "' OR 1=1 --"}) {
        FormBody.Builder form = new FormBody.Builder().add("id_token", token);
        if (state != null) {
          form.add("state", state);
        }
        fuzz.refusedPage(
            "launch with id_token " + token.substring(0, Math.min(12, token.length())),
            fuzz.client.execute(
                new Request.Builder()
                    .url(fuzz.client.url("/lti/launch"))
                    .post(form.build())
                    .build()));
      }
    }
    fuzz.refusedPage(
        "launch without a form",
        fuzz.client.execute(
            new Request.Builder()
                .url(fuzz.client.url("/lti/launch"))
                .post(new FormBody.Builder().build())
                .build()));
    for (String issuer :
        List.of("https://evil.example", "<script>alert(1)</script>", "javascript:alert(1)", "")) {
      fuzz.refusedPage(
          "login from " + issuer,
          fuzz.client.execute(
              new Request.Builder()
                  .url(fuzz.client.url("/lti/login"))
                  .post(
                      new FormBody.Builder()
                          .add("iss", issuer)
                          .add("login_hint", "2")
                          .add("target_link_uri", "https://evil.example/steal")
                          .add("client_id", "' OR 1=1 --")
                          .build())
                  .build()));
      fuzz.refusedPage(
          "login by GET from " + issuer,
          fuzz.client.execute(
              new Request.Builder()
                  .url(
                      fuzz.client.url("/lti/login")
                          + "?iss="
                          + java.net.URLEncoder.encode(issuer, StandardCharsets.UTF_8)
                          + "&login_hint=2&target_link_uri=https%3A%2F%2Fevil.example")
                  .build()));
    }
    for (String configuration :
        List.of("http://127.0.0.1:1/openid", "file:///etc/passwd", "not a url", "")) {
      fuzz.refusedPage(
          "registration from " + configuration,
          fuzz.client.execute(
              new Request.Builder()
                  .url(
                      fuzz.client.url("/lti/register")
                          + "?registration_token=t&openid_configuration="
                          + java.net.URLEncoder.encode(configuration, StandardCharsets.UTF_8))
                  .build()));
    }
  }

  private static String jwt(String header, String claims, String signature) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + "."
        + signature;
  }

  /** Signed with a secret the attacker chose, as if the tool's key were a shared secret. */
  private static String hs256(String claims) {
    String unsigned = jwt("{\"alg\":\"HS256\"}", claims, "");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec("attacker".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature = mac.doFinal(unsigned.substring(0, unsigned.length() - 1).getBytes());
      return unsigned + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
