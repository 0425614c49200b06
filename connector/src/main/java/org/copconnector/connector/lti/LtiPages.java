package org.copconnector.connector.lti;

import java.util.Map;

/**
 * The few HTML pages of the LTI flow: an error that says what to check, and self-submitting forms.
 */
final class LtiPages {

  private LtiPages() {}

  static String refused(LaunchRefused refused) {
    return page(
        "The connector could not open",
        "<h1>The connector could not open</h1>"
            + "<p>"
            + escape(refused.reason().whatToCheck())
            + "</p><p class=\"code\">Reference: <code>"
            + escape(refused.reason().name())
            + "</code></p>");
  }

  static String problem(String title, String text) {
    return page(title, "<h1>" + escape(title) + "</h1><p>" + escape(text) + "</p>");
  }

  /** A problem with a reference an administrator can look up in the connector's log. */
  static String problem(String title, String text, String reference) {
    return page(
        title,
        "<h1>"
            + escape(title)
            + "</h1><p>"
            + escape(text)
            + "</p><p class=\"code\">Reference: <code>"
            + escape(reference)
            + "</code></p>");
  }

  /** A form that posts itself (the browser's part of a redirect with a POST body). */
  static String autoPost(String action, Map<String, String> fields) {
    StringBuilder inputs = new StringBuilder();
    fields.forEach(
        (name, value) ->
            inputs
                .append("<input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">"));
    return page(
        "Continuing…",
        "<form id=\"continue\" method=\"post\" action=\""
            + escape(action)
            + "\">"
            + inputs
            + "<noscript><button type=\"submit\">Continue</button></noscript></form>"
            + "<script>document.getElementById('continue').submit();</script>");
  }

  /** Tells the LMS that dynamic registration is over (the standard closing message). */
  static String registrationDone(String platformName) {
    return page(
        "Registered",
        "<h1>CoP Connector is registered</h1><p>"
            + escape(platformName)
            + " can now open the connector. You may close this window.</p>"
            + "<script>(window.opener || window.parent).postMessage({subject: 'org.imsglobal.lti.close'}, '*');</script>");
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + escape(title)
        + " – CoP Connector</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;"
        + "padding:0 1rem;color:#1b1b1b;line-height:1.5}.code{color:#555;font-size:.9rem}</style></head>"
        + "<body><main>"
        + body
        + "</main></body></html>";
  }
}
