package org.copconnector.plugin.training;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.survey.HostedSurveys;
import org.copconnector.plugin.survey.Survey;
import org.copconnector.plugin.survey.SurveyReport;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * The trainees' satisfaction questionnaire of a training action: its trainer opens it at the end,
 * each trainee answers once, anonymously, and the aggregate goes into the trainer's final report.
 * It is a survey of the action's community, answered only by the action's trainees; it closes on
 * its date, when the trainer closes it, or with the action.
 */
public final class Satisfaction {

  /** Without a closing date, the questionnaire stays open this long. */
  static final Duration DEFAULT_OPEN = Duration.ofDays(14);

  /** Below this many answers the report shows nothing, as in the communities' surveys. */
  static final int DEFAULT_MINIMUM = 3;

  private final DataSource dataSource;
  private final PeopleStore people;
  private final Clock clock;
  private final TrainingStore store = new TrainingStore();
  private final HostedSurveys surveys = new HostedSurveys();
  private final TrainingAccess access;

  public Satisfaction(DataSource dataSource, PeopleStore people, Clock clock) {
    this.dataSource = dataSource;
    this.people = people;
    this.clock = clock;
    this.access = new TrainingAccess(store, new CommunityAccess(people));
  }

  /** The questionnaire as the caller may see it. */
  public SatisfactionReport get(Session session, String actionId) {
    return Transaction.run(
        dataSource, "satisfaction read", c -> view(c, access.of(c, session, actionId), session));
  }

  /** Trainers: opens the questionnaire, once per action. */
  public SatisfactionReport open(
      Session session, String actionId, TrainingRequests.SatisfactionPlan request) {
    Instant now = Instant.now(clock);
    Instant closesAt =
        request == null || request.closesAt() == null ? now.plus(DEFAULT_OPEN) : request.closesAt();
    if (!closesAt.isAfter(now) || Duration.between(now, closesAt).toDays() > 366) {
      throw ApiException.invalid(
          Reason.ROUND_DATES_ORDER,
          "closesAt",
          "the questionnaire closes after now, within a year",
          Map.of("maxDays", 366));
    }
    int minimum =
        request == null || request.minRespondents() == null
            ? DEFAULT_MINIMUM
            : request.minRespondents();
    if (minimum < 2 || minimum > 1000) {
      throw ApiException.invalid(
          Reason.MIN_RESPONDENTS_RANGE,
          "minRespondents",
          "the minimum of respondents is 2 to 1000",
          Map.of("min", 2, "max", 1000));
    }
    return Transaction.run(
        dataSource,
        "satisfaction open",
        c -> {
          TrainingAccess.Standing standing =
              access.forChange(c, session, actionId).requireTrainer().requireOpen();
          if (find(c, actionId).isPresent()) {
            throw new ApiException(
                Reason.SATISFACTION_ALREADY_OPENED,
                "this action's satisfaction questionnaire is already open");
          }
          TrainingStore.Row action = standing.action();
          HostedSurveys.Opened opened =
              surveys.open(
                  c,
                  action.communityId(),
                  Survey.Template.SATISFACTION,
                  action.title(),
                  session.lmsUserId(),
                  now,
                  closesAt,
                  minimum);
          Sql.update(
              c,
              "INSERT INTO training_satisfaction (action_id, survey_id, round_id) VALUES (?, ?, ?)",
              actionId,
              opened.surveyId(),
              opened.roundId());
          return view(c, standing, session);
        });
  }

  /** Trainers: closes the questionnaire now, so that its report can be read. */
  public SatisfactionReport close(Session session, String actionId) {
    return Transaction.run(
        dataSource,
        "satisfaction close",
        c -> {
          TrainingAccess.Standing standing =
              access.forChange(c, session, actionId).requireTrainer().requireOpen();
          surveys.close(c, opened(c, actionId), Instant.now(clock));
          return view(c, standing, session);
        });
  }

  /** Trainees: their answers, once, while the questionnaire is open. */
  public SatisfactionReport answer(
      Session session, String actionId, TrainingRequests.SatisfactionAnswers request) {
    return Transaction.run(
        dataSource,
        "satisfaction answer",
        c -> {
          TrainingAccess.Standing standing = access.of(c, session, actionId).requireOpen();
          if (!standing.trainee()) {
            throw new ApiException(
                Reason.TRAINEES_ONLY_ANSWER,
                "only this action's trainees answer its satisfaction questionnaire");
          }
          HostedSurveys.Opened survey = opened(c, actionId);
          if (!surveys.round(c, survey).openAt(Instant.now(clock))) {
            throw new ApiException(Reason.ROUND_NOT_OPEN, "the questionnaire is not open");
          }
          surveys.answer(
              c,
              survey,
              session.lmsUserId(),
              request == null ? null : request.agreements(),
              request == null ? null : request.comment());
          return view(c, standing, session);
        });
  }

  /** The questionnaire as {@code standing} may see it, in the caller's language. */
  SatisfactionReport view(Connection c, TrainingAccess.Standing standing, Session session)
      throws SQLException {
    TrainingStore.Row action = standing.action();
    int trainees = store.trainees(c, action.id()).size();
    Optional<HostedSurveys.Opened> found = find(c, action.id());
    if (found.isEmpty()) {
      return SatisfactionReport.notOpened(trainees);
    }
    HostedSurveys.Opened survey = found.get();
    Translations reader = Translations.in(people.languages().of(c, session));
    HostedSurveys.Round round = surveys.round(c, survey);
    boolean open = !action.closed() && round.openAt(Instant.now(clock));
    int respondents = surveys.respondents(c, survey);
    boolean reads = standing.seesEveryone() && !open;
    SurveyReport report = reads ? surveys.report(c, survey, reader) : null;
    return new SatisfactionReport(
        true,
        round.opensAt(),
        round.closesAt(),
        open,
        trainees,
        respondents,
        trainees == 0 ? null : HostedSurveys.percent(respondents, trainees),
        round.minRespondents(),
        surveys.statements(c, survey, reader),
        standing.trainee() ? surveys.answered(c, survey, session.lmsUserId()) : null,
        report,
        report != null && report.shown() ? surveys.comments(c, survey) : null);
  }

  private HostedSurveys.Opened opened(Connection c, String actionId) throws SQLException {
    return find(c, actionId)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    Reason.SATISFACTION_NOT_OPENED,
                    "this action's satisfaction questionnaire has not been opened"));
  }

  private static Optional<HostedSurveys.Opened> find(Connection c, String actionId)
      throws SQLException {
    List<String> ids =
        Sql.strings(
            c,
            "SELECT survey_id || ' ' || round_id FROM training_satisfaction WHERE action_id = ?",
            actionId);
    return ids.stream()
        .findFirst()
        .map(both -> both.split(" "))
        .map(both -> new HostedSurveys.Opened(both[0], both[1]));
  }
}
