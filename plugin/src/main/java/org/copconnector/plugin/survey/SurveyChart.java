package org.copconnector.plugin.survey;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.i18n.Translations;

/**
 * One statement's answers as a horizontal bar chart in SVG: a bar per point of the scale, with its
 * count and percentage, labelled in the reader's language. It has a {@code viewBox}, so it scales
 * down to its container.
 */
final class SurveyChart {

  /** Each point is a row: its label, then its bar with the numbers, so a phone can read it. */
  private static final int ROW = 38;

  private static final int WIDTH = 350;
  private static final int HEIGHT = 5 * ROW + 4;

  /** Pixels per percent: 100% leaves room for its numbers after the bar. */
  private static final double SCALE = 2.6;

  private SurveyChart() {}

  /** The chart of one item, in the words and numbers of {@code t}'s language. */
  static String svg(SurveyReport.Item item, Translations t) {
    List<String> points =
        SurveyReport.SCALE.stream().map(point -> t.text("chart.survey." + point)).toList();
    NumberFormat percents = NumberFormat.getPercentInstance(t.locale());
    percents.setMinimumFractionDigits(1);
    percents.setMaximumFractionDigits(1);
    String title = item.text();
    StringBuilder svg =
        new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .append(WIDTH)
            .append(' ')
            .append(HEIGHT)
            .append("\" width=\"")
            .append(WIDTH)
            .append("\" height=\"")
            .append(HEIGHT)
            .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\"")
            .append(" font-family=\"system-ui, sans-serif\"><title id=\"chart-title\">")
            .append(SafeHtml.escape(title))
            .append("</title><desc id=\"chart-desc\">");
    for (int p = 0; p < 5; p++) {
      svg.append(p == 0 ? "" : "; ")
          .append(SafeHtml.escape(points.get(p)))
          .append(": ")
          .append(shown(item, p, percents));
    }
    svg.append("</desc>");
    for (int p = 0; p < 5; p++) {
      Double percent = item.percents().get(p);
      double width = percent == null ? 0 : percent * SCALE;
      int y = p * ROW;
      svg.append("<text x=\"0\" y=\"")
          .append(y + 13)
          .append("\" font-size=\"12\">")
          .append(SafeHtml.escape(points.get(p)))
          .append("</text><rect x=\"0\" y=\"")
          .append(y + 17)
          .append("\" width=\"")
          .append(number(width))
          .append("\" height=\"16\" fill=\"")
          .append(p >= 3 ? "#0b5cad" : "#6c8fb8")
          .append("\"/><text x=\"")
          .append(number(width + 4))
          .append("\" y=\"")
          .append(y + 30)
          .append("\" font-size=\"12\">")
          .append(shown(item, p, percents))
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  /** "2 (66.7%)": a point's count and share. */
  private static String shown(SurveyReport.Item item, int point, NumberFormat percents) {
    Double percent = item.percents().get(point);
    return item.counts().get(point)
        + (percent == null ? "" : " (" + percents.format(percent / 100) + ")");
  }

  private static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
  }
}
