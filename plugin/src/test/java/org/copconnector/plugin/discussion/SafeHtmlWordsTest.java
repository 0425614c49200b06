package org.copconnector.plugin.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counting words in one pass gives what splitting the extracted text gives. */
class SafeHtmlWordsTest {

  private static int bySplitting(String html) {
    String text = SafeHtml.text(html);
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  @Test
  void knownAnswers() {
    assertEquals(0, SafeHtml.words(""));
    assertEquals(0, SafeHtml.words("<p> </p><br>"));
    assertEquals(4, SafeHtml.words("<p>one two three four</p>"));
    assertEquals(2, SafeHtml.words("<p>one</p><p>two</p>"), "paragraphs separate words");
    assertEquals(1, SafeHtml.words("<b>wo</b>rd"), "inline tags do not");
    assertEquals(2, SafeHtml.words("one&nbsp;two"));
    assertEquals(1, SafeHtml.words("caf&#233;"));
    assertEquals(3, SafeHtml.words("😀 مرحبا olá"));
  }

  @Test
  void matchesTheExtractedTextOnManySanitisedMixtures() {
    List<String> parts =
        List.of(
            "<p>",
            "</p>",
            "<br>",
            "<br/>",
            "<b>",
            "</b>",
            "<a href=\"https://x.example\">",
            "</a>",
            "<li>",
            "</li>",
            "<blockquote>",
            "</blockquote>",
            " ",
            "  ",
            "\n",
            "\t",
            "&nbsp;",
            "&amp;",
            "&lt;",
            "&#32;",
            "&#x41;",
            "&#233;",
            "word",
            "pal",
            "avra",
            "😀",
            "olá",
            "x",
            "-",
            "&bogus;",
            "<",
            ">");
    Random random = new Random(42);
    for (int sample = 0; sample < 5000; sample++) {
      StringBuilder html = new StringBuilder();
      for (int k = random.nextInt(25); k > 0; k--) {
        html.append(parts.get(random.nextInt(parts.size())));
      }
      // Bodies are counted as stored: sanitised.
      String h = SafeHtml.sanitize(html.toString());
      assertEquals(bySplitting(h), SafeHtml.words(h), html + " -> " + h);
    }
  }
}
