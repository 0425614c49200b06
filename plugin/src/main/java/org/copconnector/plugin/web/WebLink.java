package org.copconnector.plugin.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Links people give (resources, evidence) and addresses platforms send: http or https addresses
 * with a host, bounded. Anything else ({@code javascript:}, {@code data:}, relative) would run or
 * resolve in the connector's pages.
 */
public final class WebLink {

  public static final int MAX_LENGTH = 2000;

  private WebLink() {}

  /** The link, stripped; a 422 naming {@code field} when it is not a web address. */
  public static String check(String field, String url) {
    String u = url == null ? "" : url.strip();
    if (!isWebLink(u)) {
      throw ApiException.invalid(
          Reason.LINK_INVALID,
          field,
          "a link is an http or https address of at most " + MAX_LENGTH + " characters",
          Map.of("max", MAX_LENGTH));
    }
    return u;
  }

  /** Whether {@code text}, as it is, is an absolute http or https address with a host, bounded. */
  public static boolean isWebLink(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return false;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
