package org.copconnector.plugin.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Defence in depth on every answer: a content security policy (scripts, styles and forms from the
 * connector itself only, no plugins, no base), no type sniffing, and no full address sent to other
 * sites. A page that posts a form elsewhere (an LTI answer to the platform) sets its own policy
 * with {@link #policyPostingTo(String)}. No frame-ancestors: the pages open inside the LMS's frame.
 */
@Provider
public final class SecurityHeaders implements ContainerResponseFilter {

  public static final String POLICY = "Content-Security-Policy";

  private static final String BASE =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'";

  /**
   * The policy of a page whose form posts to {@code address} (its origin is allowed; an address
   * that is not an absolute http(s) one adds nothing).
   */
  public static String policyPostingTo(String address) {
    URI target;
    try {
      target = new URI(address);
    } catch (URISyntaxException | NullPointerException e) {
      return BASE;
    }
    String scheme = target.getScheme();
    if (scheme == null
        || target.getHost() == null
        || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
      return BASE;
    }
    String origin =
        scheme.toLowerCase(java.util.Locale.ROOT)
            + "://"
            + target.getHost()
            + (target.getPort() < 0 ? "" : ":" + target.getPort());
    return BASE + " " + origin;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    var headers = response.getHeaders();
    if (!headers.containsKey(POLICY)) {
      headers.putSingle(POLICY, BASE);
    }
    headers.putSingle("X-Content-Type-Options", "nosniff");
    headers.putSingle("Referrer-Policy", "strict-origin-when-cross-origin");
  }
}
