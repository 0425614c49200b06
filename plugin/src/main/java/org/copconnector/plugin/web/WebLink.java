package org.copconnector.plugin.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Links people give (resources, evidence): http or https addresses with a host, bounded. */
public final class WebLink {

  public static final int MAX_LENGTH = 2000;

  private WebLink() {}

  /** The link, stripped; a 422 naming {@code field} when it is not a web address. */
  public static String check(String field, String url) {
    String u = url == null ? "" : url.strip();
    try {
      URI uri = URI.create(u);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || u.length() > MAX_LENGTH) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          Reason.LINK_INVALID,
          field,
          "a link is an http or https address of at most " + MAX_LENGTH + " characters",
          Map.of("max", MAX_LENGTH));
    }
    return u;
  }
}
