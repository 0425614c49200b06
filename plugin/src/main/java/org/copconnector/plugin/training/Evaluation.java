package org.copconnector.plugin.training;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * The evaluation of a training action: trainees hand in a final critical reflection until its last
 * day, trainers give each trainee a mark per criterion and the action's policy makes the final
 * grade and mention. A closed action's grades change only by an administrator, with a reason that
 * is kept.
 */
public final class Evaluation {

  /** The longest final reflection, as sent and as stored (sanitised). */
  public static final int MAX_REFLECTION = 100_000;

  private final DataSource dataSource;
  private final PeopleStore people;
  private final Attendance attendance;
  private final Clock clock;
  private final TrainingStore store = new TrainingStore();
  private final EvaluationStore evaluations = new EvaluationStore();
  private final CorrectionStore corrections = new CorrectionStore();
  private final TrainingAccess access;
  private final GradebookScores gradebook;

  public Evaluation(
      DataSource dataSource,
      PeopleStore people,
      Attendance attendance,
      GradebookScores gradebook,
      Clock clock) {
    this.dataSource = dataSource;
    this.people = people;
    this.attendance = attendance;
    this.gradebook = gradebook;
    this.clock = clock;
    this.access = new TrainingAccess(store, new CommunityAccess(people));
  }

  /** Trainees: hands in or replaces their final reflection. */
  public FinalReflection reflect(
      Session session, String actionId, TrainingRequests.FinalReflectionText request) {
    String body = body(request == null ? null : request.body());
    return Transaction.run(
        dataSource,
        "final reflection",
        c -> {
          TrainingAccess.Standing standing = access.forChange(c, session, actionId).requireOpen();
          String me = session.lmsUserId();
          if (!standing.trainee()) {
            throw new ApiException(
                Reason.TRAINEES_ONLY_REFLECT, "only this action's trainees hand in a reflection");
          }
          if (!editable(c, standing.action(), me)) {
            throw new ApiException(
                Reason.FINAL_REFLECTION_CLOSED,
                "the final reflection can be changed until the action's last day, before grading");
          }
          evaluations.saveReflection(c, actionId, me, body, Instant.now(clock));
          return reflection(c, standing.action(), me);
        });
  }

  /** Trainees: their own final reflection, handed in or not. */
  public FinalReflection ownReflection(Session session, String actionId) {
    return read(
        c -> {
          TrainingAccess.Standing standing = access.of(c, session, actionId);
          if (!standing.trainee()) {
            throw new ApiException(
                Reason.TRAINEES_ONLY_REFLECT, "only this action's trainees hand in a reflection");
          }
          return reflection(c, standing.action(), session.lmsUserId());
        });
  }

  /** Trainers: every trainee's final reflection, and how many are in or missing. */
  public FinalReflection.All reflections(Session session, String actionId) {
    return read(
        c -> {
          TrainingAccess.Standing standing = access.of(c, session, actionId).requireTrainer();
          List<FinalReflection> rows = new ArrayList<>();
          for (String userId : store.trainees(c, actionId)) {
            rows.add(reflection(c, standing.action(), userId));
          }
          rows.sort(java.util.Comparator.comparing(FinalReflection::name));
          int submitted = (int) rows.stream().filter(FinalReflection::submitted).count();
          return new FinalReflection.All(submitted, rows.size() - submitted, rows);
        });
  }

  /**
   * Trainers: grades one trainee, the final grade and mention computed by the action's policy. On a
   * closed action only an administrator may, saying why; what changed is kept.
   */
  public EvaluationSheet.Row grade(
      Session session, String actionId, String userId, TrainingRequests.Grade request) {
    if (request == null) {
      throw new ApiException(Reason.MISSING_BODY, "a grade needs marks");
    }
    return Transaction.run(
        dataSource,
        "training grade",
        c -> {
          TrainingAccess.Standing standing =
              access.forChange(c, session, actionId).requireTrainer();
          TrainingStore.Row action = standing.action();
          String reason = standing.correctionReason(request.reason());
          if (!store.isTrainee(c, actionId, userId)) {
            throw ApiException.notFound(Reason.TRAINEE_NOT_FOUND, "trainee " + userId);
          }
          EvaluationPolicy.Result result = action.policy().grade(request.marks());
          Map<String, BigDecimal> marks = new LinkedHashMap<>();
          for (EvaluationPolicy.Criterion criterion : action.policy().criteria()) {
            marks.put(criterion.name(), request.marks().get(criterion.name()));
          }
          Instant now = Instant.now(clock);
          String comment = request.comment() == null ? "" : request.comment().strip();
          EvaluationStore.Grade before = evaluations.grade(c, actionId, userId).orElse(null);
          EvaluationStore.Grade after =
              new EvaluationStore.Grade(
                  marks, result.grade(), result.mention(), comment, session.lmsUserId(), now);
          evaluations.saveGrade(c, actionId, userId, after);
          gradebook.enqueue(c, action, userId, after);
          if (reason != null) {
            corrections.log(
                c,
                actionId,
                new CorrectionStore.Made(
                    correction(userId, before, after, reason),
                    CorrectionStore.Kind.GRADE,
                    userId,
                    null,
                    before == null ? Map.of() : state(before),
                    state(after),
                    reason,
                    session.lmsUserId(),
                    now));
          }
          return sheet(c, action, List.of(userId), true, now).rows().get(0);
        });
  }

  /** Trainers see every trainee's evaluation; a trainee their own row. */
  public EvaluationSheet sheet(Session session, String actionId) {
    return read(
        c -> {
          TrainingAccess.Standing standing = access.of(c, session, actionId);
          return sheet(c, standing, session);
        });
  }

  /** The sheet as {@code standing} may see it. */
  EvaluationSheet sheet(Connection c, TrainingAccess.Standing standing, Session session)
      throws SQLException {
    List<String> shown =
        standing.seesEveryone()
            ? store.trainees(c, standing.action().id())
            : List.of(session.lmsUserId());
    return sheet(c, standing.action(), shown, standing.seesEveryone(), Instant.now(clock));
  }

  private EvaluationSheet sheet(
      Connection c,
      TrainingStore.Row action,
      List<String> userIds,
      boolean trainerView,
      Instant now)
      throws SQLException {
    AttendanceSummary figures = attendance.summary(c, action, userIds, now);
    // Whether grades reached the LMS is the trainers' business.
    Map<String, EvaluationSheet.Gradebook> delivered =
        trainerView ? gradebook.states(c, action.id()) : Map.of();
    Map<String, EvaluationStore.Grade> grades = evaluations.grades(c, action.id());
    Map<String, EvaluationStore.Reflection> reflections = evaluations.reflections(c, action.id());
    int decimals = action.policy().decimals();
    List<EvaluationSheet.Row> rows = new ArrayList<>();
    for (AttendanceSummary.Row f : figures.rows()) {
      EvaluationStore.Grade g = grades.get(f.userId());
      rows.add(
          new EvaluationSheet.Row(
              f.userId(),
              f.name(),
              f.attendedMinutes(),
              TrainingActions.hours(f.attendedMinutes()),
              f.percent(),
              f.state(),
              reflections.containsKey(f.userId()),
              g == null ? null : g.marks(),
              // Stored with two decimals; shown with the policy's, which it was rounded to.
              g == null ? null : g.grade().setScale(decimals, java.math.RoundingMode.HALF_UP),
              g == null ? null : g.mention(),
              g == null ? null : g.comment(),
              g == null ? null : g.gradedAt(),
              g == null ? null : delivered.get(f.userId())));
    }
    List<EvaluationSheet.Correction> logged = trainerView ? corrections(c, action.id()) : List.of();
    return new EvaluationSheet(action.policy(), figures.minimumMinutes(), rows, logged);
  }

  /** The action's corrections, with the names of those who made them and whose record changed. */
  private List<EvaluationSheet.Correction> corrections(Connection c, String actionId)
      throws SQLException {
    List<CorrectionStore.Made> made = corrections.list(c, actionId);
    java.util.Set<String> ids = new java.util.HashSet<>();
    made.forEach(
        m -> {
          ids.add(m.madeBy());
          if (m.userId() != null) {
            ids.add(m.userId());
          }
        });
    Map<String, String> names = people.names(c, ids);
    Map<String, Instant> starts = new java.util.HashMap<>();
    for (TrainingSession s : store.sessionsOf(c, actionId)) {
      starts.put(s.id(), s.startsAt());
    }
    List<EvaluationSheet.Correction> shown = new ArrayList<>();
    for (CorrectionStore.Made m : made) {
      shown.add(
          new EvaluationSheet.Correction(
              m.what(),
              m.madeBy(),
              m.madeAt(),
              names.getOrDefault(m.madeBy(), "User " + m.madeBy()),
              m.kind() == null ? null : m.kind().name().toLowerCase(java.util.Locale.ROOT),
              m.userId(),
              m.userId() == null ? null : names.getOrDefault(m.userId(), "User " + m.userId()),
              m.sessionId(),
              m.sessionId() == null ? null : starts.get(m.sessionId()),
              m.before() == null || m.before().isEmpty() ? null : m.before(),
              m.after(),
              m.reason()));
    }
    return shown;
  }

  private FinalReflection reflection(Connection c, TrainingStore.Row action, String userId)
      throws SQLException {
    String name = people.names(c, List.of(userId)).getOrDefault(userId, "User " + userId);
    EvaluationStore.Reflection r = evaluations.reflection(c, action.id(), userId).orElse(null);
    return new FinalReflection(
        userId,
        name,
        r != null,
        r == null ? null : r.body(),
        r == null ? null : r.submittedAt(),
        editable(c, action, userId));
  }

  /** Open, not past its last day (UTC) and not yet graded. */
  private boolean editable(Connection c, TrainingStore.Row action, String userId)
      throws SQLException {
    LocalDate today = LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    return !action.closed()
        && (action.endsOn() == null || !today.isAfter(action.endsOn()))
        && evaluations.grade(c, action.id(), userId).isEmpty();
  }

  private static String body(String raw) {
    if (raw == null || raw.length() > MAX_REFLECTION) {
      throw ApiException.invalid(
          Reason.BODY_LENGTH,
          "body",
          "a reflection is 1 to " + MAX_REFLECTION + " characters of text or HTML",
          Map.of("min", 1, "max", MAX_REFLECTION));
    }
    String body = SafeHtml.sanitize(raw);
    if (SafeHtml.text(body).isBlank()) {
      throw ApiException.invalid(Reason.BODY_EMPTY, "body", "a reflection needs some text");
    }
    if (body.length() > MAX_REFLECTION) {
      throw ApiException.invalid(
          Reason.BODY_LENGTH,
          "body",
          "a reflection is 1 to " + MAX_REFLECTION + " characters of text or HTML",
          Map.of("min", 1, "max", MAX_REFLECTION));
    }
    return body;
  }

  private static String correction(
      String userId, EvaluationStore.Grade before, EvaluationStore.Grade after, String reason) {
    String was =
        before == null
            ? "not graded"
            : before.grade().toPlainString() + " " + before.mention() + " " + text(before.marks());
    String what =
        "grade of "
            + userId
            + ": "
            + was
            + " -> "
            + after.grade().toPlainString()
            + " "
            + after.mention()
            + " "
            + text(after.marks())
            + "; reason: "
            + reason;
    return what;
  }

  private static Map<String, String> state(EvaluationStore.Grade g) {
    Map<String, String> state = new LinkedHashMap<>();
    state.put("grade", g.grade().toPlainString());
    state.put("mention", g.mention());
    return state;
  }

  private static String text(Map<String, BigDecimal> marks) {
    StringBuilder s = new StringBuilder("{");
    marks.forEach(
        (k, v) ->
            s.append(s.length() > 1 ? ", " : "").append(k).append(' ').append(v.toPlainString()));
    return s.append('}').toString();
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "evaluation read", work);
  }
}
