package org.copconnector.plugin.prompt;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.i18n.Translations;

/**
 * The community's prompts over time as an SVG chart: per opened prompt, a bar for the response rate
 * and a thinner one for the share of answers that reply to a colleague (both in percent), labelled
 * in the reader's language.
 */
final class DialogueChart {

  private static final int HEIGHT = 220;
  private static final int PLOT_TOP = 20;
  private static final int PLOT_HEIGHT = 150;
  private static final int LEFT = 40;
  private static final int STEP = 56;

  private DialogueChart() {}

  static String svg(List<Dialogue.DialogueRow> rows, Translations t) {
    int width = LEFT + Math.max(1, rows.size()) * STEP + 20;
    StringBuilder svg =
        new StringBuilder()
            .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
            .append(width)
            .append("\" height=\"")
            .append(HEIGHT)
            .append("\" role=\"img\" aria-label=\"")
            .append(SafeHtml.escape(t.text("chart.dialogue.label")))
            .append("\"><title>")
            .append(SafeHtml.escape(t.text("chart.dialogue.title")))
            .append("</title>");
    for (int percent = 0; percent <= 100; percent += 50) {
      double y = y(percent);
      svg.append(line(LEFT, y, width - 10, y)).append(text(0, y + 4, percent + "%", "start"));
    }
    for (int i = 0; i < rows.size(); i++) {
      Dialogue.DialogueRow row = rows.get(i);
      int x = LEFT + 8 + i * STEP;
      Map<String, String> title = Map.of("title", row.title());
      svg.append(
              bar(x, 22, row.responseRate(), "#0b5cad", t.text("chart.dialogue.responded", title)))
          .append(
              bar(
                  x + 24,
                  12,
                  row.dialogueShare(),
                  "#9bb7d4",
                  t.text("chart.dialogue.dialogue", title)))
          .append(text(x, y(row.responseRate()) - 4, format(row.responseRate()) + "%", "start"))
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

  private static String bar(int x, int barWidth, double percent, String colour, String label) {
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
        + format(percent)
        + "%</title></rect>";
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
