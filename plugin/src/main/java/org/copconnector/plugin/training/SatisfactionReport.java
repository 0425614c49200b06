package org.copconnector.plugin.training;

import java.time.Instant;
import java.util.List;
import org.copconnector.plugin.survey.Survey;
import org.copconnector.plugin.survey.SurveyReport;

/**
 * A training action's satisfaction questionnaire as the caller may see it. Everyone sees how many
 * trainees answered; a trainee whether they have; trainers and administrators the aggregate report
 * and the comments once the questionnaire has closed (so that no answer can be matched to who just
 * sent it), and only with enough answers. Null fields are left out.
 */
public record SatisfactionReport(
    boolean opened,
    Instant opensAt,
    Instant closesAt,
    Boolean open,
    int trainees,
    Integer respondents,
    Double responseRate,
    Integer minRespondents,
    List<Survey.Statement> statements,
    Boolean answeredByMe,
    SurveyReport report,
    List<String> comments) {

  static SatisfactionReport notOpened(int trainees) {
    return new SatisfactionReport(
        false, null, null, null, trainees, null, null, null, null, null, null, null);
  }

  /** The report with its figures shown: closed, with enough answers. */
  boolean shown() {
    return report != null && report.shown();
  }
}
