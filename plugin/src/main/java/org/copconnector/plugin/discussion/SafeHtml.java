package org.copconnector.plugin.discussion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The HTML subset posts may use, enforced on the server with the OWASP sanitiser: text formatting,
 * paragraphs, headings, lists, quotes, code, simple tables (what the editor's toolbar makes, and
 * Moodle's), web links, and pictures sent for posts (an image whose address is our own post file,
 * nothing else). Scripts, styles, event-handler attributes, other images and {@code javascript:}
 * links are removed. Posts may also hold mentions (see {@link Mentions}), which the server checks
 * after sanitising.
 */
public final class SafeHtml {

  /**
   * What a mention's {@code data-mention} may hold: an LMS user id, nothing that needs escaping.
   */
  static final Pattern MENTION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private static final PolicyFactory POLICY = policy().toFactory();

  private static final PolicyFactory WITH_MENTIONS =
      policy().allowAttributes("data-mention").matching(MENTION_ID).onElements("a").toFactory();

  private static HtmlPolicyBuilder policy() {
    return new HtmlPolicyBuilder()
        .allowElements(
            "p",
            "br",
            "b",
            "strong",
            "i",
            "em",
            "u",
            "s",
            "sub",
            "sup",
            "blockquote",
            "ul",
            "ol",
            "li",
            "code",
            "pre",
            "h3",
            "h4",
            "hr",
            "span",
            "a",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td")
        // Moodle's editor makes headings of levels 3 to 6 (a pasted page 1 to 6): they keep
        // being headings, at the two levels posts use.
        .allowElements((name, attributes) -> "h3", "h1", "h2")
        .allowElements((name, attributes) -> "h4", "h5", "h6")
        .allowUrlProtocols("https", "http", "mailto")
        .allowAttributes("href")
        .onElements("a")
        .requireRelNofollowOnLinks()
        .allowElements(SafeHtml::keptPicture, "img")
        .allowAttributes("src")
        .matching(PostFile.PICTURE_URL)
        .onElements("img")
        .allowAttributes("alt")
        .onElements("img")
        .allowAttributes("dir", "lang")
        .globally();
  }

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern BREAK =
      Pattern.compile("(?i)<br\\s*/?>|</(p|li|blockquote|h3|h4|pre|td|th|tr)>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

  private SafeHtml() {}

  /** A picture is kept only with an address (ours: see the policy); without one it is dropped. */
  private static String keptPicture(String element, java.util.List<String> attributes) {
    for (int i = 0; i < attributes.size(); i += 2) {
      if (attributes.get(i).equals("src")) {
        return element;
      }
    }
    return null;
  }

  /** Numeric references the sanitiser writes for characters outside the basic plane (emoji). */
  private static final Pattern ASTRAL = Pattern.compile("&#x([0-9a-fA-F]{5,6});");

  /**
   * The HTML with everything outside the subset removed; emoji are kept as characters (the
   * sanitiser writes them as references, which no markup needs).
   */
  public static String sanitize(String html) {
    return sanitize(POLICY, html);
  }

  /**
   * As {@link #sanitize}, keeping the {@code data-mention} of links: for a post's body, whose
   * mentions {@link Mentions#check} then keeps or drops.
   */
  static String sanitizeWithMentions(String html) {
    return sanitize(WITH_MENTIONS, html);
  }

  private static String sanitize(PolicyFactory policy, String html) {
    String clean = policy.sanitize(html == null ? "" : html).strip();
    Matcher m = ASTRAL.matcher(clean);
    StringBuilder out = new StringBuilder(clean.length());
    while (m.find()) {
      int code = Integer.parseInt(m.group(1), 16);
      m.appendReplacement(
          out,
          Character.isValidCodePoint(code)
              ? Matcher.quoteReplacement(new String(Character.toChars(code)))
              : "");
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The readable text of (sanitised) HTML: for quotes, excerpts and word counts. */
  public static String text(String html) {
    String withBreaks = BREAK.matcher(html).replaceAll("\n");
    String bare = TAG.matcher(withBreaks).replaceAll("");
    Matcher m = ENTITY.matcher(bare);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1))));
    }
    m.appendTail(out);
    return out.toString()
        .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
        .replaceAll("\\n\\s*\\n+", "\n")
        .strip();
  }

  /**
   * How many words {@link #text} of the HTML has, counted in one pass without building the text
   * (the dialogue view counts every answer of a community's prompts).
   */
  public static int words(String html) {
    int words = 0;
    boolean inWord = false;
    int i = 0;
    int n = html.length();
    while (i < n) {
      char ch = html.charAt(i);
      boolean space;
      if (ch == '<') {
        int end = html.indexOf('>', i);
        if (end < 0) {
          space = false; // an unclosed '<' is text, as for text()
          i++;
        } else {
          if (BREAK.matcher(html.substring(i, end + 1)).matches()) {
            inWord = false;
          }
          i = end + 1;
          continue;
        }
      } else if (ch == '&') {
        Matcher entity = ENTITY.matcher(html).region(i, n);
        if (entity.lookingAt()) {
          String decoded = decode(entity.group(1));
          space = decoded.length() == 1 && SPACE.indexOf(decoded.charAt(0)) >= 0;
          i = entity.end();
        } else {
          space = false;
          i++;
        }
      } else {
        space = SPACE.indexOf(ch) >= 0;
        i++;
      }
      if (space) {
        inWord = false;
      } else if (!inWord) {
        inWord = true;
        words++;
      }
    }
    return words;
  }

  /** What {@code \\s} matches: the separators of words. */
  private static final String SPACE = " \t\n\u000B\f\r";

  /** Text made safe to put inside HTML. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  private static String decode(String entity) {
    return switch (entity) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      case "nbsp" -> " ";
      default -> {
        int code =
            entity.startsWith("#x")
                ? Integer.parseInt(entity.substring(2), 16)
                : Integer.parseInt(entity.substring(1));
        yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "";
      }
    };
  }
}
