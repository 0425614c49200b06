package org.copconnector.plugin.prompt;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.i18n.Translations;

/**
 * The community's prompts over time as an SVG chart: per opened prompt, a bar for the response rate
 * and a thinner one for the share of answers that reply to a colleague (both in percent), labelled
 * in the reader's language. It has a {@code viewBox}, so it scales down to its container.
 */
final class DialogueChart {

  /** The most recent openings drawn: more would make each bar too thin to read. */
  static final int MAX_BARS = 24;

  private static final int HEIGHT = 220;
  private static final int MIN_WIDTH = 360;
  private static final int PLOT_TOP = 20;
  private static final int PLOT_HEIGHT = 150;
  private static final int LEFT = 40;
  private static final int STEP = 56;

  private DialogueChart() {}

  static String svg(List<Dialogue.DialogueRow> all, Translations t) {
    List<Dialogue.DialogueRow> rows = all.subList(Math.max(0, all.size() - MAX_BARS), all.size());
    int width = Math.max(MIN_WIDTH, LEFT + Math.max(1, rows.size()) * STEP + 20);
    NumberFormat percents = NumberFormat.getPercentInstance(t.locale());
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
            .append(SafeHtml.escape(t.text("chart.dialogue.label")))
            .append("</title><desc id=\"chart-desc\">")
            .append(SafeHtml.escape(t.text("chart.dialogue.title")))
            .append("</desc>");
    for (int percent = 0; percent <= 100; percent += 50) {
      double y = y(percent);
      svg.append(line(LEFT, y, width - 10, y))
          .append(text(0, y + 4, percents.format(percent / 100.0), "start"));
    }
    for (int i = 0; i < rows.size(); i++) {
      Dialogue.DialogueRow row = rows.get(i);
      int x = LEFT + 8 + i * STEP;
      Map<String, String> title = Map.of("title", row.title());
      svg.append(
              bar(
                  x,
                  22,
                  row.responseRate(),
                  "#0b5cad",
                  t.text("chart.dialogue.responded", title),
                  percents))
          .append(
              bar(
                  x + 24,
                  12,
                  row.dialogueShare(),
                  "#6c8fb8",
                  t.text("chart.dialogue.dialogue", title),
                  percents))
          .append(
              text(
                  x, y(row.responseRate()) - 4, percents.format(row.responseRate() / 100), "start"))
          .append(text(x, HEIGHT - 30, t.dayAndMonth(row.date()), "start"));
    }
    if (rows.isEmpty()) {
      svg.append(text(LEFT + 8, y(50), t.text("chart.dialogue.empty"), "start"));
    }
    return svg.append("</svg>").toString();
  }

  private static double y(double percent) {
    return PLOT_TOP + PLOT_HEIGHT * (1 - percent / 100.0);
  }

  private static String bar(
      int x, int barWidth, double percent, String colour, String label, NumberFormat percents) {
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
        + "\"><title>"
        + SafeHtml.escape(label)
        + " "
        + percents.format(percent / 100)
        + "</title></rect>";
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
