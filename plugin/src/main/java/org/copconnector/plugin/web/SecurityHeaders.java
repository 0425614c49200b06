package org.copconnector.plugin.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Defence in depth on every answer: a content security policy (scripts, styles and forms from the
 * connector itself only, no plugins, no base), no type sniffing, and no full address sent to other
 * sites. A page that posts a form elsewhere (an LTI answer to the platform) sets its own policy
 * with {@link #policyPostingTo(String)}. The pages open inside the LMS's frame: only the connector
 * itself and the platforms may frame them (frame-ancestors, added to every policy).
 */
@Provider
public final class SecurityHeaders implements ContainerResponseFilter {

  public static final String POLICY = "Content-Security-Policy";

  private static final String NO_SNIFF = "X-Content-Type-Options";
  private static final String REFERRER = "Referrer-Policy";
  private static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

  private static final String BASE =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'";

  private final FrameAncestors frameAncestors;

  public SecurityHeaders(FrameAncestors frameAncestors) {
    this.frameAncestors = frameAncestors;
  }

  /**
   * The policy of a page whose form posts to {@code address} (its origin is allowed; an address
   * that is not an absolute http(s) one adds nothing).
   */
  public static String policyPostingTo(String address) {
    return originOf(address).map(origin -> BASE + " " + origin).orElse(BASE);
  }

  /**
   * The origin ({@code scheme://host[:port]}) of an absolute http(s) address; empty for anything
   * else.
   */
  public static Optional<String> originOf(String address) {
    URI target;
    try {
      target = new URI(address);
    } catch (URISyntaxException | NullPointerException e) {
      return Optional.empty();
    }
    String scheme = target.getScheme();
    if (scheme == null
        || target.getHost() == null
        || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
      return Optional.empty();
    }
    return Optional.of(
        scheme.toLowerCase(Locale.ROOT)
            + "://"
            + target.getHost().toLowerCase(Locale.ROOT)
            + (target.getPort() < 0 ? "" : ":" + target.getPort()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    var headers = response.getHeaders();
    Object policy = headers.getFirst(POLICY);
    headers.putSingle(POLICY, (policy == null ? BASE : policy) + "; " + frameAncestors());
    headers.putSingle(NO_SNIFF, "nosniff");
    headers.putSingle(REFERRER, REFERRER_POLICY);
  }

  /** The headers of an answer that sets no policy of its own, for answers made outside Jersey. */
  public Map<String, String> defaults() {
    return Map.of(
        POLICY, BASE + "; " + frameAncestors(), NO_SNIFF, "nosniff", REFERRER, REFERRER_POLICY);
  }

  private String frameAncestors() {
    StringBuilder directive = new StringBuilder("frame-ancestors 'self'");
    for (String origin : frameAncestors.origins()) {
      directive.append(' ').append(origin);
    }
    return directive.toString();
  }
}
