package org.copconnector.plugin.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.survey.SurveyReport;

/**
 * The satisfaction questionnaire's part of the trainer's final report (the evaluation record): how
 * many trainees answered, and once it has closed with enough answers, the count and share of each
 * point of the scale per statement, and the open comments.
 */
final class SatisfactionRecord {

  private SatisfactionRecord() {}

  /** The rows it adds to the evaluation record's CSV (exact decimals, a point as separator). */
  static List<List<String>> csv(Translations w, SatisfactionReport s) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of());
    rows.add(List.of(w.text("training.satisfaction.title")));
    if (!s.opened()) {
      rows.add(List.of(w.text("training.satisfaction.notOpened")));
      return rows;
    }
    rows.add(List.of(w.text("training.satisfaction.respondentsLabel"), "" + s.respondents()));
    rows.add(List.of(w.text("training.satisfaction.traineesLabel"), "" + s.trainees()));
    rows.add(List.of(w.text("training.satisfaction.rateLabel"), plain(s.responseRate())));
    String missing = missing(w, s);
    if (missing != null) {
      rows.add(List.of(missing));
      return rows;
    }
    List<String> headers = new ArrayList<>(List.of(w.text("training.satisfaction.statement")));
    for (String point : SurveyReport.SCALE) {
      headers.add(w.text("scale." + point));
      headers.add(w.text("scale." + point) + " %");
    }
    headers.add(w.text("training.satisfaction.positive") + " %");
    headers.add(w.text("training.satisfaction.answered"));
    rows.add(headers);
    for (SurveyReport.Item item : s.report().items()) {
      List<String> cells = new ArrayList<>(List.of(item.position() + ". " + item.text()));
      for (int p = 0; p < 5; p++) {
        cells.add("" + item.counts().get(p));
        cells.add(plain(item.percents().get(p)));
      }
      cells.add(plain(item.positivePercent()));
      cells.add("" + item.answered());
      rows.add(cells);
    }
    if (!s.comments().isEmpty()) {
      rows.add(List.of(w.text("training.satisfaction.comments")));
      s.comments().forEach(comment -> rows.add(List.of(comment)));
    }
    return rows;
  }

  /** Its section of the evaluation record's PDF, in the reader's numbers. */
  static void print(RecordPdf pdf, Translations w, SatisfactionReport s) {
    pdf.space().space();
    pdf.line(w.text("training.satisfaction.title"), true);
    if (!s.opened()) {
      pdf.line(w.text("training.satisfaction.notOpened"));
      return;
    }
    pdf.line(
        w.text(
            "training.satisfaction.answeredOf",
            Map.of(
                "count",
                s.respondents(),
                "trainees",
                s.trainees(),
                "percent",
                percent(w, s.responseRate()))));
    String missing = missing(w, s);
    if (missing != null) {
      pdf.line(missing);
      return;
    }
    for (SurveyReport.Item item : s.report().items()) {
      pdf.line(item.position() + ". " + item.text());
    }
    pdf.space();
    List<String> headers = new ArrayList<>(List.of("#"));
    SurveyReport.SCALE.forEach(point -> headers.add(w.text("scale." + point)));
    headers.add(w.text("training.satisfaction.positive"));
    headers.add(w.text("training.satisfaction.answered"));
    List<List<String>> rows = new ArrayList<>();
    for (SurveyReport.Item item : s.report().items()) {
      List<String> cells = new ArrayList<>(List.of("" + item.position()));
      for (int p = 0; p < 5; p++) {
        cells.add(item.counts().get(p) + " (" + percent(w, item.percents().get(p)) + ")");
      }
      cells.add(percent(w, item.positivePercent()));
      cells.add("" + item.answered());
      rows.add(cells);
    }
    pdf.table(headers, rows, new float[] {1, 3, 3, 3, 3, 3, 3, 2});
    if (!s.comments().isEmpty()) {
      pdf.space();
      pdf.line(w.text("training.satisfaction.comments"), true);
      s.comments().forEach(comment -> pdf.line("– " + comment));
    }
  }

  /** Why the figures are not shown yet, or null when they are. */
  private static String missing(Translations w, SatisfactionReport s) {
    if (Boolean.TRUE.equals(s.open())) {
      return w.text("training.satisfaction.stillOpen");
    }
    return s.shown()
        ? null
        : w.text("training.satisfaction.tooFew", Map.of("min", s.minRespondents()));
  }

  private static String plain(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String percent(Translations w, Double value) {
    return value == null ? "–" : TrainingRecords.decimal(w, plain(value)) + " %";
  }
}
