package org.copconnector.connector.lti;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Platforms' public keys, fetched from their key-set URLs and cached; an unknown key id triggers
 * one refresh (at most every few seconds per platform, so a flood of bad tokens cannot make us
 * hammer the platform).
 */
public final class PlatformKeySets {

  private static final Duration MAX_AGE = Duration.ofHours(1);
  private static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(5);
  private static final int MAX_BYTES = 256 * 1024;

  private record Cached(JWKSet keys, Instant fetchedAt) {}

  private final Supplier<OkHttpClient> http;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public PlatformKeySets(Supplier<OkHttpClient> http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /** The platform's key with this id, refreshing the key set once if the id is not known yet. */
  public Optional<JWK> key(Platform platform, String keyId) throws IOException {
    String url = platform.jwksUrl().toString();
    Cached cached = cache.get(url);
    Instant now = Instant.now(clock);
    if (cached == null || cached.fetchedAt().plus(MAX_AGE).isBefore(now)) {
      cached = fetch(url);
    }
    JWK key = keyId == null ? null : cached.keys().getKeyByKeyId(keyId);
    if (key == null && cached.fetchedAt().plus(MIN_REFRESH_INTERVAL).isBefore(now)) {
      cached = fetch(url);
      key = keyId == null ? null : cached.keys().getKeyByKeyId(keyId);
    }
    return Optional.ofNullable(key);
  }

  private Cached fetch(String url) throws IOException {
    try (Response response = http.get().newCall(new Request.Builder().url(url).build()).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("key set " + url + " answered HTTP " + response.code());
      }
      okio.BufferedSource source = response.body().source();
      if (source.request(MAX_BYTES + 1L)) {
        throw new IOException("key set " + url + " is larger than " + MAX_BYTES + " bytes");
      }
      Cached fresh = new Cached(JWKSet.parse(source.getBuffer().readUtf8()), Instant.now(clock));
      cache.put(url, fresh);
      return fresh;
    } catch (ParseException e) {
      throw new IOException("key set " + url + " is not a JSON Web Key Set", e);
    }
  }
}
