package org.copconnector.connector.lti;

import java.util.Map;
import org.copconnector.plugin.i18n.Translations;

/**
 * The few HTML pages of the LTI flow, in the language given: an error that says what to check, and
 * self-submitting forms. No inline script or style (the pages' security policy allows neither):
 * theirs are assets.
 */
final class LtiPages {

  private LtiPages() {}

  static String refused(LaunchRefused refused, Translations t) {
    return problem(t, t.text("lti.couldNotOpen"), refused.whatToCheck(t), refused.reason().name());
  }

  static String problem(Translations t, String title, String text) {
    return page(t, title, "<h1>" + escape(title) + "</h1><p>" + escape(text) + "</p>");
  }

  /** A problem with a reference an administrator can look up in the connector's log. */
  static String problem(Translations t, String title, String text, String reference) {
    return page(
        t,
        title,
        "<h1>"
            + escape(title)
            + "</h1><p>"
            + escape(text)
            + "</p><p class=\"code\">"
            + escape(t.text("lti.reference"))
            + " <code>"
            + escape(reference)
            + "</code></p>");
  }

  /** A form that posts itself (the browser's part of a redirect with a POST body). */
  static String autoPost(Translations t, String action, Map<String, String> fields) {
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
        t,
        t.text("lti.continuing"),
        "<form id=\"continue\" method=\"post\" action=\""
            + escape(action)
            + "\">"
            + inputs
            + "<noscript><button type=\"submit\">"
            + escape(t.text("lti.continue"))
            + "</button></noscript></form>"
            + "<script src=\"/assets/js/lti-continue.js\"></script>");
  }

  /** Tells the LMS that dynamic registration is over (the standard closing message). */
  static String registrationDone(Translations t, String platformName) {
    return page(
        t,
        t.text("lti.registered.title"),
        "<h1>"
            + escape(t.text("lti.registered.heading"))
            + "</h1><p>"
            + escape(t.text("lti.registered.text", Map.of("platform", platformName)))
            + "</p>"
            + "<script src=\"/assets/js/lti-close.js\"></script>");
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

  private static String page(Translations t, String title, String body) {
    return "<!DOCTYPE html><html lang=\""
        + t.language()
        + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + escape(title)
        + " – "
        + escape(t.text("lti.page.suffix"))
        + "</title><link rel=\"stylesheet\" href=\"/assets/lti.css\"></head>"
        + "<body><main>"
        + body
        + "</main></body></html>";
  }
}
