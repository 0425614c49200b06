package org.copconnector.plugin.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * A training action's records in the reader's language: the attendance and evaluation records as
 * CSV (for a spreadsheet) and PDF (to file and sign), the evaluation record ending with the
 * trainees' satisfaction questionnaire (the trainer's final report), and each trainee's certificate
 * summary. The figures are those of the API, exactly: hours attended, the share of the joint hours,
 * the marks and the final grade with the policy's decimals.
 */
public final class TrainingRecords {

  private final DataSource dataSource;
  private final PeopleStore people;
  private final Evaluation evaluation;
  private final Satisfaction satisfaction;
  private final ZoneId zone;
  private final Clock clock;
  private final TrainingStore store = new TrainingStore();
  private final AttendanceStore marks = new AttendanceStore();
  private final TrainingAccess access;

  /** {@code zone}: where the sessions' times are written. */
  public TrainingRecords(
      DataSource dataSource,
      PeopleStore people,
      Evaluation evaluation,
      Satisfaction satisfaction,
      ZoneId zone,
      Clock clock) {
    this.dataSource = dataSource;
    this.people = people;
    this.evaluation = evaluation;
    this.satisfaction = satisfaction;
    this.zone = zone;
    this.clock = clock;
    this.access = new TrainingAccess(store, new CommunityAccess(people));
  }

  /**
   * What a record is made of, read in one transaction: the sessions held or planned (cancelled ones
   * apart) and everyone's marks in them, by trainee and session.
   */
  private record Facts(
      Translations words,
      TrainingStore.Row action,
      List<String> trainers,
      EvaluationSheet sheet,
      SatisfactionReport satisfaction,
      List<TrainingSession> sessions,
      Map<String, Map<String, AttendanceStore.Mark>> marks) {

    AttendanceStore.Mark mark(String userId, TrainingSession session) {
      return marks.getOrDefault(userId, Map.of()).get(session.id());
    }
  }

  public String attendanceCsv(Session session, String actionId) {
    Facts f = facts(session, actionId, null);
    Csv csv = preamble(f);
    csv.row(
        List.of(
            f.words.text("training.record.name"),
            "id",
            f.words.text("training.record.attendedHours"),
            f.words.text("training.record.percent"),
            f.words.text("training.record.state")));
    for (EvaluationSheet.Row r : f.sheet.rows()) {
      csv.row(
          List.of(
              r.name(),
              r.userId(),
              r.attendedHours(),
              r.percent().toPlainString(),
              state(f.words, r.state())));
    }
    csv.row(List.of());
    List<String> grid = new ArrayList<>(List.of(f.words.text("training.record.name"), "id"));
    for (TrainingSession s : f.sessions) {
      grid.add(when(f.words, s));
    }
    csv.row(grid);
    for (EvaluationSheet.Row r : f.sheet.rows()) {
      List<String> cells = new ArrayList<>(List.of(r.name(), r.userId()));
      for (TrainingSession s : f.sessions) {
        cells.add(markWords(f.words, f.mark(r.userId(), s)));
      }
      csv.row(cells);
    }
    return csv.text();
  }

  public String evaluationCsv(Session session, String actionId) {
    Facts f = facts(session, actionId, null);
    Csv csv = preamble(f);
    List<String> headers = new ArrayList<>(evaluationHeaders(f));
    headers.add(1, "id");
    headers.add(f.words.text("training.record.comment"));
    csv.row(headers);
    for (EvaluationSheet.Row r : f.sheet.rows()) {
      List<String> cells = new ArrayList<>(evaluationCells(f, r, false));
      cells.add(1, r.userId());
      cells.add(r.comment() == null ? "" : r.comment());
      csv.row(cells);
    }
    SatisfactionRecord.csv(f.words, f.satisfaction).forEach(csv::row);
    return csv.text();
  }

  /**
   * The attendance sheet: per trainee a letter for each session (numbered, dated below the table)
   * and the totals against the minimum.
   */
  public byte[] attendancePdf(Session session, String actionId) {
    Facts f = facts(session, actionId, null);
    Translations w = f.words;
    try (RecordPdf pdf = new RecordPdf(true)) {
      about(pdf.heading(w.text("training.record.attendanceTitle")), f);
      List<String> headers = new ArrayList<>(List.of(w.text("training.record.name")));
      for (int i = 1; i <= f.sessions.size(); i++) {
        headers.add(String.valueOf(i));
      }
      headers.addAll(
          List.of(
              w.text("training.record.attendedHours"),
              w.text("training.record.percent"),
              w.text("training.record.state")));
      List<List<String>> rows = new ArrayList<>();
      for (EvaluationSheet.Row r : f.sheet.rows()) {
        List<String> cells = new ArrayList<>(List.of(r.name()));
        for (TrainingSession s : f.sessions) {
          cells.add(markLetter(w, f.mark(r.userId(), s)));
        }
        cells.add(decimal(w, r.attendedHours()));
        cells.add(decimal(w, r.percent().toPlainString()) + " %");
        cells.add(state(w, r.state()));
        rows.add(cells);
      }
      float[] shares = new float[headers.size()];
      java.util.Arrays.fill(shares, 1.1f);
      shares[0] = 6;
      shares[shares.length - 3] = 2.4f;
      shares[shares.length - 2] = 2.4f;
      shares[shares.length - 1] = 3.4f;
      pdf.table(headers, rows, shares).space();
      pdf.line(w.text("training.record.markLegend"));
      for (int i = 0; i < f.sessions.size(); i++) {
        TrainingSession s = f.sessions.get(i);
        pdf.line(
            w.text(
                "training.record.sessionLine",
                Map.of(
                    "number", i + 1,
                    "when", when(w, s),
                    "hours", decimal(w, TrainingActions.hours(s.minutes())))));
      }
      return pdf.bytes();
    }
  }

  private String when(Translations w, TrainingSession s) {
    return w.dateTime(s.startsAt().atZone(zone));
  }

  /** A mark in one letter of the reader's language, for the sheet's grid; a dash when none. */
  private static String markLetter(Translations w, AttendanceStore.Mark mark) {
    if (mark == null) {
      return "–";
    }
    String letter =
        w.text("training.record.letter." + mark.status().name().toLowerCase(Locale.ROOT));
    return mark.status() == AttendanceSheet.Mark.LATE ? letter + mark.lateMinutes() : letter;
  }

  /** A mark in words, for the spreadsheet; empty when none. */
  private static String markWords(Translations w, AttendanceStore.Mark mark) {
    if (mark == null) {
      return "";
    }
    String word = w.text("training.record.mark." + mark.status().name().toLowerCase(Locale.ROOT));
    return mark.status() == AttendanceSheet.Mark.LATE
        ? word + " (" + mark.lateMinutes() + " min)"
        : word;
  }

  public byte[] evaluationPdf(Session session, String actionId) {
    Facts f = facts(session, actionId, null);
    try (RecordPdf pdf = new RecordPdf(true)) {
      about(pdf.heading(f.words.text("training.record.evaluationTitle")), f);
      pdf.line(policy(f));
      pdf.space();
      List<List<String>> rows = new ArrayList<>();
      for (EvaluationSheet.Row r : f.sheet.rows()) {
        rows.add(evaluationCells(f, r, true));
      }
      int criteria = f.action.policy().criteria().size();
      float[] shares = new float[5 + criteria + 2];
      java.util.Arrays.fill(shares, 2);
      shares[0] = 6;
      shares[3] = 3;
      shares[shares.length - 1] = 3;
      pdf.table(evaluationHeaders(f), rows, shares);
      SatisfactionRecord.print(pdf, f.words, f.satisfaction);
      return pdf.bytes();
    }
  }

  /** A trainee's certificate summary; a trainee may have only their own. */
  public byte[] certificate(Session session, String actionId, String userId) {
    Facts f = facts(session, actionId, userId);
    EvaluationSheet.Row r =
        f.sheet.rows().stream()
            .filter(row -> row.userId().equals(userId))
            .findFirst()
            .orElseThrow(
                () -> ApiException.notFound(Reason.TRAINEE_NOT_FOUND, "trainee " + userId));
    Translations w = f.words;
    try (RecordPdf pdf = new RecordPdf(false)) {
      pdf.heading(w.text("training.record.certificateTitle"));
      if (f.action.status() == TrainingAction.Status.OPEN) {
        // Issued only when the action closes; before that, a summary that says it may change.
        pdf.line(w.text("training.record.provisional"), true).space();
      }
      pdf.line(r.name(), true).space();
      about(pdf, f);
      pdf.line(
          w.text(
              "training.record.certifies",
              Map.of(
                  "name",
                  r.name(),
                  "hours",
                  decimal(w, r.attendedHours()),
                  "joint",
                  decimal(w, TrainingActions.hours(f.action.jointMinutes())),
                  "percent",
                  decimal(w, r.percent().toPlainString()))));
      pdf.line(w.text("training.record.attendanceState") + ": " + state(w, r.state()));
      pdf.line(
          r.graded()
              ? w.text(
                  "training.record.gradeLine",
                  Map.of(
                      "grade",
                      decimal(w, r.grade().toPlainString()),
                      "mention",
                      mention(w, r.mention())))
              : w.text("training.record.notGraded"));
      pdf.space();
      pdf.line(
          w.text(
              "training.record.issued",
              Map.of("date", w.date(LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC)))));
      return pdf.bytes();
    }
  }

  private Facts facts(Session session, String actionId, String certificateOf) {
    return Transaction.run(
        dataSource,
        "training records",
        c -> {
          TrainingAccess.Standing standing = access.of(c, session, actionId);
          boolean own = certificateOf != null && certificateOf.equals(session.lmsUserId());
          if (!own) {
            standing.requireTrainer();
          }
          if (certificateOf != null && !store.isTrainee(c, actionId, certificateOf)) {
            throw ApiException.notFound(Reason.TRAINEE_NOT_FOUND, "trainee " + certificateOf);
          }
          Translations words = Translations.in(people.languages().of(c, session));
          List<String> trainerIds = store.trainers(c, actionId);
          Map<String, String> names = people.names(c, trainerIds);
          List<String> trainers =
              trainerIds.stream().map(id -> names.getOrDefault(id, "User " + id)).sorted().toList();
          List<TrainingSession> sessions =
              store.sessionsOf(c, actionId).stream().filter(TrainingSession::scheduled).toList();
          return new Facts(
              words,
              standing.action(),
              trainers,
              evaluation.sheet(c, standing, session),
              satisfaction.view(c, standing, session),
              sessions,
              certificateOf == null ? marks.ofAction(c, actionId) : Map.of());
        });
  }

  /** The action's particulars, under a record's heading. */
  private void about(RecordPdf pdf, Facts f) {
    Translations w = f.words;
    TrainingStore.Row a = f.action;
    pdf.line(w.text("training.record.action") + ": " + a.title(), true);
    pdf.line(w.text("training.record.modality") + ": " + modality(w, a));
    if (a.code() != null) {
      pdf.line(w.text("training.record.code") + ": " + a.code());
    }
    pdf.line(hours(f));
    if (a.startsOn() != null || a.endsOn() != null) {
      pdf.line(w.text("training.record.dates") + ": " + dates(f));
    }
    pdf.line(w.text("training.record.trainers") + ": " + String.join(", ", f.trainers));
    pdf.line(minimum(f));
    pdf.space();
  }

  private Csv preamble(Facts f) {
    Translations w = f.words;
    TrainingStore.Row a = f.action;
    Csv csv = new Csv();
    csv.row(List.of(w.text("training.record.action"), a.title()));
    csv.row(List.of(w.text("training.record.modality"), modality(w, a)));
    csv.row(List.of(w.text("training.record.code"), a.code() == null ? "" : a.code()));
    csv.row(List.of(w.text("training.record.jointHours"), TrainingActions.hours(a.jointMinutes())));
    csv.row(
        List.of(
            w.text("training.record.autonomousHours"),
            TrainingActions.hours(a.autonomousMinutes())));
    csv.row(List.of(w.text("training.record.dates"), dates(f)));
    csv.row(List.of(w.text("training.record.trainers"), String.join(", ", f.trainers)));
    csv.row(
        List.of(
            w.text("training.record.minimumHours"),
            TrainingActions.hours(f.sheet.minimumMinutes())));
    csv.row(List.of());
    return csv;
  }

  private List<String> evaluationHeaders(Facts f) {
    Translations w = f.words;
    List<String> headers = new ArrayList<>();
    headers.add(w.text("training.record.name"));
    headers.add(w.text("training.record.attendedHours"));
    headers.add(w.text("training.record.percent"));
    headers.add(w.text("training.record.state"));
    headers.add(w.text("training.record.reflection"));
    for (EvaluationPolicy.Criterion c : f.action.policy().criteria()) {
      headers.add(criterion(w, c.name()) + " (" + c.weight() + ")");
    }
    headers.add(w.text("training.record.grade"));
    headers.add(w.text("training.record.mention"));
    return headers;
  }

  private List<String> evaluationCells(Facts f, EvaluationSheet.Row r, boolean printed) {
    Translations w = f.words;
    List<String> cells = new ArrayList<>();
    cells.add(r.name());
    cells.add(printed ? decimal(w, r.attendedHours()) : r.attendedHours());
    String percent = r.percent().toPlainString();
    cells.add(printed ? decimal(w, percent) + " %" : percent);
    cells.add(state(w, r.state()));
    cells.add(
        w.text(r.finalReflection() ? "training.record.submitted" : "training.record.missing"));
    for (EvaluationPolicy.Criterion c : f.action.policy().criteria()) {
      BigDecimal mark = r.marks() == null ? null : r.marks().get(c.name());
      String text = mark == null ? "" : mark.toPlainString();
      cells.add(printed ? decimal(w, text) : text);
    }
    String grade = r.graded() ? r.grade().toPlainString() : "";
    cells.add(printed ? decimal(w, grade) : grade);
    cells.add(r.graded() ? mention(w, r.mention()) : w.text("training.record.notGraded"));
    return cells;
  }

  private String hours(Facts f) {
    return f.words.text(
        "training.record.hours",
        Map.of(
            "joint",
            decimal(f.words, TrainingActions.hours(f.action.jointMinutes())),
            "autonomous",
            decimal(f.words, TrainingActions.hours(f.action.autonomousMinutes()))));
  }

  private String minimum(Facts f) {
    AttendanceRule rule = f.action.rule();
    return f.words.text(
        "training.record.minimum",
        Map.of(
            "hours",
            decimal(f.words, TrainingActions.hours(f.sheet.minimumMinutes())),
            "fraction",
            rule.numerator() + "/" + rule.denominator()));
  }

  private String policy(Facts f) {
    EvaluationPolicy p = f.action.policy();
    return f.words.text(
        "training.record.scale",
        Map.of(
            "min", decimal(f.words, p.scaleMin().toPlainString()),
            "max", decimal(f.words, p.scaleMax().toPlainString()),
            "decimals", p.decimals()));
  }

  private static String dates(Facts f) {
    TrainingStore.Row a = f.action;
    String from = a.startsOn() == null ? "" : f.words.date(a.startsOn());
    String to = a.endsOn() == null ? "" : f.words.date(a.endsOn());
    return from + " – " + to;
  }

  private static String modality(Translations w, TrainingStore.Row a) {
    return w.text("training.modality." + a.modality().name().toLowerCase(Locale.ROOT));
  }

  private static String state(Translations w, AttendanceSummary.State state) {
    return w.text("training.state." + state.name().toLowerCase(Locale.ROOT));
  }

  /** A built-in mention translated; a trainer's own words as they are. */
  static String mention(Translations w, String mention) {
    String key = "training.mention." + mention;
    return w.has(key) ? w.text(key) : mention;
  }

  private static String criterion(Translations w, String name) {
    String key = "training.criterion." + name;
    return w.has(key) ? w.text(key) : name;
  }

  /** An exact decimal as the reader writes it: a decimal comma outside English. */
  static String decimal(Translations w, String plain) {
    return w.language().equals("en") ? plain : plain.replace('.', ',');
  }

  /** Spreadsheet text: UTF-8 with a byte-order mark, formulas defused. */
  private static final class Csv {
    private final StringBuilder text = new StringBuilder("\uFEFF");

    void row(List<String> cells) {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          text.append(',');
        }
        text.append(cell(cells.get(i)));
      }
      text.append("\r\n");
    }

    String text() {
      return text.toString();
    }

    /** Quoted when needed; a leading formula character is defused so it shows as text. */
    private static String cell(String value) {
      String v = value == null ? "" : value;
      if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
        v = "'" + v;
      }
      if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
        v = "\"" + v.replace("\"", "\"\"") + "\"";
      }
      return v;
    }
  }
}
