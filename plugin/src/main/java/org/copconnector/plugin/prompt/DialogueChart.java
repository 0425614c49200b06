package org.copconnector.plugin.prompt;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.copconnector.plugin.discussion.SafeHtml;

/**
 * The community's prompts over time as an SVG chart: per opened prompt, a bar for the response rate
 * and a thinner one for the share of answers that reply to a colleague (both in percent). It has a
 * {@code viewBox}, so it scales down to its container; its words come from the caller.
 */
final class DialogueChart {

  /** The chart's title and description in the reader's language, and how dates are written. */
  record Words(String title, String description, Locale locale) {

    static final Words ENGLISH =
        new Words(
            "Response rate and dialogue per prompt",
            "Response rate (dark) and replies to colleagues (light) per prompt.",
            Locale.UK);

    /** The words given, English for any missing. */
    static Words of(String title, String description, String language) {
      return new Words(
          title == null || title.isBlank() ? ENGLISH.title() : title.strip(),
          description == null || description.isBlank()
              ? ENGLISH.description()
              : description.strip(),
          language == null || language.isBlank()
              ? ENGLISH.locale()
              : Locale.forLanguageTag(language.strip()));
    }
  }

  /** The most recent openings drawn: more would make each bar too thin to read. */
  static final int MAX_BARS = 24;

  private static final int HEIGHT = 220;
  private static final int MIN_WIDTH = 360;
  private static final int PLOT_TOP = 20;
  private static final int PLOT_HEIGHT = 150;
  private static final int LEFT = 40;
  private static final int STEP = 56;

  private DialogueChart() {}

  static String svg(List<Dialogue.DialogueRow> all, Words words) {
    List<Dialogue.DialogueRow> rows = all.subList(Math.max(0, all.size() - MAX_BARS), all.size());
    int width = Math.max(MIN_WIDTH, LEFT + Math.max(1, rows.size()) * STEP + 20);
    DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", words.locale());
    NumberFormat percents = NumberFormat.getPercentInstance(words.locale());
    percents.setMaximumFractionDigits(1);
    StringBuilder svg =
        new StringBuilder()
            .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .append(width)
            .append(' ')
            .append(HEIGHT)
            .append("\" width=\"")
            .append(width)
            .append("\" height=\"")
            .append(HEIGHT)
            .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\"")
            .append(" font-family=\"system-ui, sans-serif\"><title id=\"chart-title\">")
            .append(SafeHtml.escape(words.title()))
            .append("</title><desc id=\"chart-desc\">")
            .append(SafeHtml.escape(words.description()))
            .append("</desc>");
    for (int percent = 0; percent <= 100; percent += 50) {
      double y = y(percent);
      svg.append(line(LEFT, y, width - 10, y))
          .append(text(0, y + 4, percents.format(percent / 100.0), "start"));
    }
    for (int i = 0; i < rows.size(); i++) {
      Dialogue.DialogueRow row = rows.get(i);
      int x = LEFT + 8 + i * STEP;
      svg.append(bar(x, 22, row.responseRate(), "#0b5cad"))
          .append(bar(x + 24, 12, row.dialogueShare(), "#6c8fb8"))
          .append(
              text(
                  x, y(row.responseRate()) - 4, percents.format(row.responseRate() / 100), "start"))
          .append(text(x, HEIGHT - 30, day.format(row.date()), "start"));
    }
    return svg.append("</svg>").toString();
  }

  private static double y(double percent) {
    return PLOT_TOP + PLOT_HEIGHT * (1 - percent / 100.0);
  }

  private static String bar(int x, int barWidth, double percent, String colour) {
    double top = y(percent);
    return "<rect x=\""
        + x
        + "\" y=\""
        + format(top)
        + "\" width=\""
        + barWidth
        + "\" height=\""
        + format(PLOT_TOP + PLOT_HEIGHT - top)
        + "\" fill=\""
        + colour
        + "\"/>";
  }

  private static String line(double x1, double y, double x2, double y2) {
    return "<line x1=\""
        + format(x1)
        + "\" y1=\""
        + format(y)
        + "\" x2=\""
        + format(x2)
        + "\" y2=\""
        + format(y2)
        + "\" stroke=\"#ccc\"/>";
  }

  private static String text(double x, double y, String value, String anchor) {
    return "<text x=\""
        + format(x)
        + "\" y=\""
        + format(y)
        + "\" font-size=\"11\" text-anchor=\""
        + anchor
        + "\">"
        + SafeHtml.escape(value)
        + "</text>";
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
