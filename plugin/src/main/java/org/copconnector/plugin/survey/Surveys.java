package org.copconnector.plugin.survey;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.json.Range;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.people.PersonLanguages;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Communities' self-assessment surveys: facilitators start them and open rounds; members answer
 * once per round, anonymously; everyone in the community reads the aggregate report.
 */
public final class Surveys {

  /** A new survey: a built-in template, or the facilitator's own statements. */
  public record NewSurvey(
      @Length(max = 36) String communityId,
      Survey.Template template,
      @Length(max = 300, reason = "title_length") String title,
      @Length(min = 1, max = 500, entries = Surveys.MAX_ITEMS, reason = "survey_items")
          List<String> items) {}

  /** A new round; {@code minRespondents} defaults to {@link #DEFAULT_MINIMUM}. */
  public record NewRound(
      Instant opensAt, Instant closesAt, @Range(min = 2, max = 1000) Integer minRespondents) {}

  /** One person's answers, item by item (1 to 5, or null to skip). */
  public record Answers(@Range(min = 1, max = 5) List<Integer> agreements) {}

  /** Below this many respondents a report shows nothing. */
  public static final int DEFAULT_MINIMUM = 3;

  static final int MAX_ITEMS = 40;

  private final DataSource dataSource;
  private final CommunityAccess access;
  private final PersonLanguages languages;
  private final Clock clock;
  private final SurveyStore store = new SurveyStore();

  public Surveys(DataSource dataSource, PeopleStore people, Clock clock) {
    this.dataSource = dataSource;
    this.access = new CommunityAccess(people);
    this.languages = people.languages();
    this.clock = clock;
  }

  public Survey create(Session session, NewSurvey request) {
    // A satisfaction questionnaire belongs to a training action, which opens it.
    if (request == null
        || request.communityId() == null
        || request.template() == null
        || request.template() == Survey.Template.SATISFACTION) {
      throw ApiException.invalid(
          Reason.SURVEY_TEMPLATE_REQUIRED,
          "template",
          "say the community and the template (mirror, collaboration or custom)");
    }
    List<String> items = SurveyTemplates.stored(request.template());
    List<String> extra =
        request.items() == null
            ? List.of()
            : request.items().stream().map(i -> i == null ? "" : i.strip()).toList();
    if (extra.size() > MAX_ITEMS || extra.stream().anyMatch(i -> i.isEmpty() || i.length() > 500)) {
      throw ApiException.invalid(
          Reason.SURVEY_ITEMS,
          "items",
          "up to " + MAX_ITEMS + " statements of 1 to 500 characters",
          Map.of("maxEntries", MAX_ITEMS, "maxLength", 500));
    }
    List<String> all = new ArrayList<>(items);
    all.addAll(extra);
    if (all.isEmpty()) {
      throw ApiException.invalid(
          Reason.SURVEY_EMPTY, "items", "a survey needs at least one statement");
    }
    String given = request.title() == null ? "" : request.title().strip();
    if (given.length() > 300) {
      throw ApiException.invalid(
          Reason.TITLE_LENGTH,
          "title",
          "a title is at most 300 characters",
          Map.of("min", 1, "max", 300));
    }
    String id = UUID.randomUUID().toString();
    return write(
        c -> {
          CommunityAccess.Access caller = access.of(c, session, request.communityId());
          caller.requireModerate();
          // Without a title, the template's, in the words of the facilitator who starts it.
          String title =
              given.isEmpty()
                  ? Translations.in(languages.of(c, session))
                      .text(SurveyTemplates.titleKey(request.template()))
                  : given;
          store.insertSurvey(
              c,
              new SurveyStore.Row(id, request.communityId(), request.template(), title),
              all,
              session.lmsUserId(),
              Instant.now(clock));
          return view(c, session, id);
        });
  }

  public List<Survey> list(Session session, String communityId) {
    return read(
        c -> {
          access.of(c, session, communityId).requireRead();
          List<Survey> surveys = new ArrayList<>();
          for (String id : store.surveysOf(c, communityId)) {
            Survey survey = view(c, session, id);
            if (survey.template() != Survey.Template.SATISFACTION) {
              surveys.add(survey);
            }
          }
          return surveys;
        });
  }

  public Survey get(Session session, String surveyId) {
    return read(
        c -> {
          readable(c, session, surveyId);
          return view(c, session, surveyId);
        });
  }

  public Survey openRound(Session session, String surveyId, NewRound request) {
    if (request == null || request.opensAt() == null || request.closesAt() == null) {
      throw ApiException.invalid(
          Reason.ROUND_DATES_REQUIRED, "opensAt", "a round needs an opening and a closing date");
    }
    if (!request.closesAt().isAfter(request.opensAt())
        || Duration.between(request.opensAt(), request.closesAt()).toDays() > 366) {
      throw ApiException.invalid(
          Reason.ROUND_DATES_ORDER,
          "closesAt",
          "a round closes after it opens, within a year",
          Map.of("maxDays", 366));
    }
    int minimum = request.minRespondents() == null ? DEFAULT_MINIMUM : request.minRespondents();
    if (minimum < 2 || minimum > 1000) {
      throw ApiException.invalid(
          Reason.MIN_RESPONDENTS_RANGE,
          "minRespondents",
          "the minimum of respondents is 2 to 1000",
          Map.of("min", 2, "max", 1000));
    }
    return write(
        c -> {
          SurveyStore.Row survey = readable(c, session, surveyId);
          access.of(c, session, survey.communityId()).requireModerate();
          store.lock(c, surveyId);
          refuseOverlap(store.rounds(c, surveyId), request, Instant.now(clock));
          store.insertRound(
              c,
              new SurveyStore.RoundRow(
                  UUID.randomUUID().toString(),
                  surveyId,
                  request.opensAt(),
                  request.closesAt(),
                  minimum),
              Instant.now(clock));
          return view(c, session, surveyId);
        });
  }

  /**
   * One round at a time: a new round may not overlap another, open (the specific refusal the pages
   * explain) or planned.
   */
  private static void refuseOverlap(
      List<SurveyStore.RoundRow> rounds, NewRound request, Instant now) {
    for (SurveyStore.RoundRow r : rounds) {
      boolean open = !now.isBefore(r.opensAt()) && now.isBefore(r.closesAt());
      boolean overlaps =
          request.opensAt().isBefore(r.closesAt()) && r.opensAt().isBefore(request.closesAt());
      if (overlaps) {
        throw new ApiException(
            open ? Reason.ROUND_ALREADY_OPEN : Reason.ROUND_OVERLAPS,
            open
                ? "a round of this survey is open until "
                    + r.closesAt()
                    + ": open the next after it"
                : "another round of this survey runs from " + r.opensAt() + " to " + r.closesAt(),
            Map.of(
                "roundId",
                r.id(),
                "opensAt",
                r.opensAt().toString(),
                "closesAt",
                r.closesAt().toString()));
      }
    }
  }

  /** A member's answers to an open round, once. */
  public void answer(Session session, String surveyId, String roundId, Answers answers) {
    write(
        c -> {
          SurveyStore.Row survey = readable(c, session, surveyId);
          CommunityAccess.Access caller = access.of(c, session, survey.communityId());
          if (!caller.member()) {
            throw new ApiException(
                Reason.MEMBERS_ONLY_ANSWER, "only the community's members answer its surveys");
          }
          SurveyStore.RoundRow round = round(c, surveyId, roundId);
          Instant now = Instant.now(clock);
          if (now.isBefore(round.opensAt()) || !now.isBefore(round.closesAt())) {
            throw new ApiException(Reason.ROUND_NOT_OPEN, "this round is not open");
          }
          List<Integer> given =
              checked(
                  store.items(c, surveyId).size(), answers == null ? null : answers.agreements());
          if (!store.answer(c, roundId, session.lmsUserId(), given)) {
            throw new ApiException(Reason.ALREADY_ANSWERED, "you have already answered this round");
          }
          return null;
        });
  }

  /** One answer per statement, each 1 to 5 or null (skipped). */
  static List<Integer> checked(int items, List<Integer> agreements) {
    List<Integer> given = agreements == null ? List.of() : agreements;
    if (given.size() != items) {
      throw ApiException.invalid(
          Reason.ANSWER_COUNT,
          "agreements",
          "one answer per statement (" + items + "), null to skip one",
          Map.of("count", items));
    }
    if (given.stream().anyMatch(a -> a != null && (a < 1 || a > 5))) {
      throw ApiException.invalid(
          Reason.AGREEMENT_RANGE,
          "agreements",
          "answers are 1 (totally disagree) to 5 (totally agree)",
          Map.of("min", 1, "max", 5));
    }
    return given;
  }

  /**
   * The round's aggregate table, for anyone who may read the community's surveys, in the reader's
   * language.
   */
  public SurveyReport report(Session session, String surveyId, String roundId) {
    return read(
        c -> {
          SurveyStore.Row survey = readable(c, session, surveyId);
          round(c, surveyId, roundId);
          return report(c, survey, roundId, Translations.in(languages.of(c, session)));
        });
  }

  /**
   * Every round's report of every survey of the community, oldest round first within a survey: what
   * the reflection page draws, read at once instead of one request per round.
   */
  public List<SurveyReport> reports(Session session, String communityId) {
    return read(
        c -> {
          access.of(c, session, communityId).requireRead();
          Translations reader = Translations.in(languages.of(c, session));
          List<SurveyReport> reports = new ArrayList<>();
          for (String id : store.surveysOf(c, communityId)) {
            SurveyStore.Row survey = store.survey(c, id).orElseThrow();
            if (survey.template() != Survey.Template.SATISFACTION) {
              reports.addAll(reports(c, survey, reader));
            }
          }
          return reports;
        });
  }

  /** The report without rights checks (for exports built on it). */
  SurveyReport report(Connection c, SurveyStore.Row survey, String roundId, Translations reader)
      throws SQLException {
    return reports(c, survey, reader).stream()
        .filter(r -> r.roundId().equals(roundId))
        .findFirst()
        .orElseThrow(() -> ApiException.notFound(Reason.ROUND_NOT_FOUND, "round " + roundId));
  }

  /** Each round's report, in order: a round compares itself with the last one shown before it. */
  private List<SurveyReport> reports(Connection c, SurveyStore.Row survey, Translations reader)
      throws SQLException {
    String surveyId = survey.id();
    List<Survey.Statement> items =
        SurveyTemplates.shown(survey.template(), store.items(c, surveyId), reader);
    List<SurveyReport> reports = new ArrayList<>();
    SurveyReport previous = null;
    for (SurveyStore.RoundRow r : store.rounds(c, surveyId)) {
      SurveyReport current =
          SurveyReport.of(
              surveyId,
              r.id(),
              store.respondents(c, r.id()),
              r.minRespondents(),
              items,
              store.counts(c, r.id(), items.size()),
              previous,
              reader);
      reports.add(current);
      previous = current.shown() ? current : previous;
    }
    return reports;
  }

  private Survey view(Connection c, Session session, String id) throws SQLException {
    SurveyStore.Row row =
        store
            .survey(c, id)
            .orElseThrow(() -> ApiException.notFound(Reason.SURVEY_NOT_FOUND, "survey " + id));
    Instant now = Instant.now(clock);
    List<Survey.Round> rounds = new ArrayList<>();
    for (SurveyStore.RoundRow r : store.rounds(c, id)) {
      rounds.add(
          new Survey.Round(
              r.id(),
              r.opensAt(),
              r.closesAt(),
              r.minRespondents(),
              !now.isBefore(r.opensAt()) && now.isBefore(r.closesAt()),
              store.answered(c, r.id(), session.lmsUserId())));
    }
    Translations reader = Translations.in(languages.of(c, session));
    List<Survey.Statement> statements =
        SurveyTemplates.shown(row.template(), store.items(c, id), reader);
    return new Survey(
        row.id(),
        row.communityId(),
        row.template(),
        SurveyTemplates.shownTitle(row.template(), row.title(), reader),
        statements.stream().map(Survey.Statement::text).toList(),
        statements,
        rounds);
  }

  private SurveyStore.Row readable(Connection c, Session session, String surveyId)
      throws SQLException {
    // A training action's questionnaire is reached through the action, which knows its trainees.
    SurveyStore.Row survey =
        store
            .survey(c, surveyId)
            .filter(s -> s.template() != Survey.Template.SATISFACTION)
            .orElseThrow(
                () -> ApiException.notFound(Reason.SURVEY_NOT_FOUND, "survey " + surveyId));
    access.of(c, session, survey.communityId()).requireRead();
    return survey;
  }

  private SurveyStore.RoundRow round(Connection c, String surveyId, String roundId)
      throws SQLException {
    return store.rounds(c, surveyId).stream()
        .filter(r -> r.id().equals(roundId))
        .findFirst()
        .orElseThrow(() -> ApiException.notFound(Reason.ROUND_NOT_FOUND, "round " + roundId));
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "survey read", work);
  }

  private <T> T write(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "survey change", work);
  }
}
