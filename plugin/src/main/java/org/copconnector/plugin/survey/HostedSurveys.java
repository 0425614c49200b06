package org.copconnector.plugin.survey;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Surveys another feature runs for its own people, in its own transaction: that feature decides who
 * answers and who reads; this keeps who answered apart from what was answered, once per person,
 * with an optional open comment, and makes the aggregate report.
 */
public final class HostedSurveys {

  /** The longest open comment. */
  public static final int MAX_COMMENT = 2000;

  /** A hosted survey's single round. */
  public record Opened(String surveyId, String roundId) {}

  /** When a round runs and how many answers its report needs. */
  public record Round(Instant opensAt, Instant closesAt, int minRespondents) {

    public boolean openAt(Instant now) {
      return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
  }

  private final SurveyStore store = new SurveyStore();

  /** A new survey of {@code template}'s statements with one round. */
  public Opened open(
      Connection c,
      String communityId,
      Survey.Template template,
      String title,
      String by,
      Instant opensAt,
      Instant closesAt,
      int minRespondents)
      throws SQLException {
    String surveyId = UUID.randomUUID().toString();
    String roundId = UUID.randomUUID().toString();
    store.insertSurvey(
        c,
        new SurveyStore.Row(surveyId, communityId, template, title),
        SurveyTemplates.stored(template),
        by,
        opensAt);
    store.insertRound(
        c, new SurveyStore.RoundRow(roundId, surveyId, opensAt, closesAt, minRespondents), opensAt);
    return new Opened(surveyId, roundId);
  }

  /** The statements in the reader's language. */
  public List<Survey.Statement> statements(Connection c, Opened survey, Translations reader)
      throws SQLException {
    return SurveyTemplates.shown(template(c, survey), store.items(c, survey.surveyId()), reader);
  }

  public Round round(Connection c, Opened survey) throws SQLException {
    SurveyStore.RoundRow r =
        store.rounds(c, survey.surveyId()).stream()
            .filter(row -> row.id().equals(survey.roundId()))
            .findFirst()
            .orElseThrow(
                () -> ApiException.notFound(Reason.ROUND_NOT_FOUND, "round " + survey.roundId()));
    return new Round(r.opensAt(), r.closesAt(), r.minRespondents());
  }

  public boolean answered(Connection c, Opened survey, String user) throws SQLException {
    return store.answered(c, survey.roundId(), user);
  }

  public int respondents(Connection c, Opened survey) throws SQLException {
    return store.respondents(c, survey.roundId());
  }

  /**
   * One person's answers (1 to 5, or null to skip) and comment (blank for none), once; the caller
   * has checked that they may answer and that the round is open.
   */
  public void answer(
      Connection c, Opened survey, String user, List<Integer> agreements, String comment)
      throws SQLException {
    List<Integer> given = Surveys.checked(store.items(c, survey.surveyId()).size(), agreements);
    String text = comment == null ? "" : comment.strip();
    if (text.length() > MAX_COMMENT) {
      throw ApiException.invalid(
          Reason.COMMENT_LENGTH,
          "comment",
          "a comment is at most " + MAX_COMMENT + " characters",
          Map.of("min", 1, "max", MAX_COMMENT));
    }
    if (!store.answer(c, survey.roundId(), user, given)) {
      throw new ApiException(Reason.ALREADY_ANSWERED, "you have already answered");
    }
    if (!text.isEmpty()) {
      store.comment(c, survey.roundId(), text);
    }
  }

  /** Ends the round now, if it runs later. */
  public void close(Connection c, Opened survey, Instant now) throws SQLException {
    store.closeRound(c, survey.roundId(), now);
  }

  /** The aggregate report in the reader's language (empty below the minimum of respondents). */
  public SurveyReport report(Connection c, Opened survey, Translations reader) throws SQLException {
    List<Survey.Statement> statements = statements(c, survey, reader);
    return SurveyReport.of(
        survey.surveyId(),
        survey.roundId(),
        respondents(c, survey),
        round(c, survey).minRespondents(),
        statements,
        store.counts(c, survey.roundId(), statements.size()),
        null,
        reader);
  }

  /** The open comments, in no order that tells who wrote them or when. */
  public List<String> comments(Connection c, Opened survey) throws SQLException {
    return store.comments(c, survey.roundId());
  }

  /** count / total as a percentage with one decimal, rounded half up. */
  public static double percent(int count, int total) {
    return SurveyReport.percent(count, total);
  }

  private Survey.Template template(Connection c, Opened survey) throws SQLException {
    return store
        .survey(c, survey.surveyId())
        .map(SurveyStore.Row::template)
        .orElseThrow(
            () -> ApiException.notFound(Reason.SURVEY_NOT_FOUND, "survey " + survey.surveyId()));
  }
}
