package org.copconnector.plugin.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.community.Membership;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.WebLink;

/**
 * Continuous-training actions: facilitators of a course start them with their own community of
 * practice, trainers plan the joint sessions and manage the trainees, and closing one freezes its
 * records while the community goes on.
 */
public final class TrainingActions {

  /** Moodle's teaching roles: their holders are not taken as trainees by default. */
  private static final Set<String> TEACHING_ROLES =
      Set.of("editingteacher", "teacher", "manager", "coursecreator");

  /** The most people one search for trainees lists. */
  private static final int MAX_CANDIDATES = 20;

  private final DataSource dataSource;
  private final PeopleStore people;
  private final Communities communities;
  private final CommunityAccess communityAccess;
  private final Attendance attendance;
  private final SessionCalendar calendar;
  private final Clock clock;
  private final TrainingStore store = new TrainingStore();
  private final AttendanceStore marks = new AttendanceStore();
  private final TrainingAccess access;

  public TrainingActions(
      DataSource dataSource,
      PeopleStore people,
      Communities communities,
      Attendance attendance,
      SessionCalendar calendar,
      Clock clock) {
    this.dataSource = dataSource;
    this.people = people;
    this.communities = communities;
    this.communityAccess = new CommunityAccess(people);
    this.attendance = attendance;
    this.calendar = calendar;
    this.clock = clock;
    this.access = new TrainingAccess(store, communityAccess);
  }

  /** Starts an action in the caller's course; the caller is its first trainer. */
  public TrainingAction create(Session session, TrainingRequests.NewAction request) {
    if (session.role() == ProductRole.MEMBER) {
      throw new ApiException(
          Reason.FACILITATORS_START_TRAINING,
          "only a course's facilitators start training actions");
    }
    if (session.courseId() == null) {
      throw ApiException.invalid(
          Reason.COURSE_REQUIRED, "courseId", "open the connector from the action's course");
    }
    TrainingStore.Row action = newAction(session.courseId(), request);
    return write(
        c -> {
          Set<String> trainers = new LinkedHashSet<>();
          trainers.add(session.lmsUserId());
          trainers.addAll(known(c, session, action.courseId(), "trainerIds", request.trainerIds()));
          List<String> trainees =
              request.traineeIds() == null
                  ? defaultTrainees(c, action.courseId(), trainers)
                  : known(c, session, action.courseId(), "traineeIds", request.traineeIds());
          String communityId = request.communityId();
          if (communityId == null) {
            communityId =
                communities
                    .createIn(
                        c,
                        action.courseId(),
                        action.title(),
                        Community.Framework.TRAINING_ACTION,
                        session.lmsUserId())
                    .id();
          } else {
            CommunityAccess.Access chosen = communityAccess.of(c, session, communityId);
            chosen.requireModerate();
            if (chosen.community().archived()) {
              throw new ApiException(Reason.COMMUNITY_ARCHIVED, "this community is archived");
            }
          }
          TrainingStore.Row stored = action.inCommunity(communityId);
          Instant now = Instant.now(clock);
          store.insert(c, stored, session.lmsUserId(), now);
          for (String trainer : trainers) {
            store.addTrainer(c, stored.id(), trainer);
          }
          for (String trainee : trainees) {
            if (!trainers.contains(trainee)) {
              store.addTrainee(c, stored.id(), trainee, now);
            }
          }
          communities.addMembers(c, communityId, trainers, Membership.Role.FACILITATOR);
          communities.addMembers(
              c, communityId, store.trainees(c, stored.id()), Membership.Role.MEMBER);
          return view(c, access.of(c, session, stored.id()), session);
        });
  }

  /** The actions of a course the caller trains, takes part in, or (administrators) all. */
  public List<TrainingAction.Summary> list(Session session, String courseId) {
    return read(
        c -> {
          List<TrainingAction.Summary> listed = new ArrayList<>();
          Instant now = Instant.now(clock);
          for (TrainingStore.Row action : store.inCourse(c, courseId)) {
            boolean trainer = store.isTrainer(c, action.id(), session.lmsUserId());
            boolean trainee = store.isTrainee(c, action.id(), session.lmsUserId());
            boolean admin = session.role() == ProductRole.ADMIN;
            if (!trainer && !trainee && !admin) {
              continue;
            }
            List<String> trainees = store.trainees(c, action.id());
            List<String> counted = trainer || admin ? trainees : List.of(session.lmsUserId());
            long atRisk =
                attendance.summary(c, action, counted, now).rows().stream()
                    .filter(
                        r ->
                            r.state() == AttendanceSummary.State.AT_RISK
                                || r.state() == AttendanceSummary.State.LOST)
                    .count();
            TrainingSession next =
                store.sessionsOf(c, action.id()).stream()
                    .filter(s -> s.scheduled() && now.isBefore(s.endsAt()))
                    .findFirst()
                    .orElse(null);
            listed.add(
                new TrainingAction.Summary(
                    action.id(),
                    action.title(),
                    action.modality(),
                    action.status(),
                    action.startsOn(),
                    action.endsOn(),
                    trainer,
                    trainee,
                    next,
                    trainees.size(),
                    (int) atRisk));
          }
          return listed;
        });
  }

  public TrainingAction get(Session session, String id) {
    return read(c -> view(c, access.of(c, session, id), session));
  }

  /** Trainers: adds trainees, who become members of the action's community. */
  public TrainingAction addTrainees(Session session, String id, TrainingRequests.People request) {
    return write(
        c -> {
          TrainingAccess.Standing standing =
              access.forChange(c, session, id).requireTrainer().requireOpen();
          TrainingStore.Row action = standing.action();
          List<String> added =
              known(
                  c,
                  session,
                  action.courseId(),
                  "userIds",
                  request == null ? null : request.userIds());
          if (added.isEmpty()) {
            throw ApiException.invalid(Reason.PERSON_REQUIRED, "userIds", "name who to add");
          }
          Instant now = Instant.now(clock);
          Set<String> trainers = Set.copyOf(store.trainers(c, id));
          List<String> joined = new ArrayList<>();
          for (String userId : added) {
            if (!trainers.contains(userId) && store.addTrainee(c, id, userId, now)) {
              joined.add(userId);
            }
          }
          if (action.communityId() != null) {
            communities.addMembers(c, action.communityId(), joined, Membership.Role.MEMBER);
          }
          return view(c, standing, session);
        });
  }

  /**
   * Trainers: takes someone off the action (their marks stay stored); they stay in the community,
   * where membership is theirs to keep or leave.
   */
  public TrainingAction removeTrainee(Session session, String id, String userId) {
    return write(
        c -> {
          TrainingAccess.Standing standing =
              access.forChange(c, session, id).requireTrainer().requireOpen();
          if (!store.removeTrainee(c, id, userId)) {
            throw ApiException.notFound(Reason.TRAINEE_NOT_FOUND, "trainee " + userId);
          }
          return view(c, standing, session);
        });
  }

  /**
   * Trainers: people of the action's course whose name contains {@code text} and who are neither
   * its trainers nor its trainees now (someone taken off can be added again); at most {@link
   * #MAX_CANDIDATES}, by name.
   */
  public List<TrainingAction.Person> candidates(Session session, String id, String text) {
    return read(
        c -> {
          TrainingAccess.Standing standing = access.of(c, session, id).requireTrainer();
          Set<String> taken = new LinkedHashSet<>(store.trainers(c, id));
          taken.addAll(store.trainees(c, id));
          List<TrainingAction.Person> found = new ArrayList<>();
          for (PeopleStore.Person person :
              people.inCourses(
                  c, List.of(standing.action().courseId()), text, MAX_CANDIDATES + taken.size())) {
            if (!taken.contains(person.lmsUserId()) && found.size() < MAX_CANDIDATES) {
              found.add(new TrainingAction.Person(person.lmsUserId(), person.name()));
            }
          }
          return found;
        });
  }

  /** Trainers: closes the action; its records are frozen, its community stays as it is. */
  public TrainingAction close(Session session, String id) {
    return write(
        c -> {
          access.forChange(c, session, id).requireTrainer().requireOpen();
          store.close(c, id, Instant.now(clock));
          return view(c, access.of(c, session, id), session);
        });
  }

  /** Trainers: plans a joint session, within the action's joint hours. */
  public TrainingSession addSession(
      Session session, String actionId, TrainingRequests.SessionPlan plan) {
    return write(
        c -> {
          TrainingAccess.Standing standing =
              access.forChange(c, session, actionId).requireTrainer().requireOpen();
          TrainingSession planned =
              planned(
                  UUID.randomUUID().toString(), actionId, plan, TrainingSession.Status.SCHEDULED);
          withinJointHours(c, standing.action(), planned);
          store.insertSession(c, planned, Instant.now(clock));
          calendar.queue(c, planned.id());
          return planned;
        });
  }

  /** Trainers: moves or changes a session. */
  public TrainingSession changeSession(
      Session session, String sessionId, TrainingRequests.SessionPlan plan) {
    return write(
        c -> {
          TrainingSession current = access.session(c, session, sessionId);
          TrainingAccess.Standing standing =
              access.forChange(c, session, current.actionId()).requireTrainer().requireOpen();
          TrainingSession changed = planned(sessionId, current.actionId(), plan, current.status());
          withinJointHours(c, standing.action(), changed);
          store.updateSession(c, changed);
          calendar.queue(c, sessionId);
          return changed;
        });
  }

  /** Trainers: cancels a session; its minutes and marks no longer count. */
  public TrainingSession cancelSession(Session session, String sessionId) {
    return write(
        c -> {
          TrainingSession current = access.session(c, session, sessionId);
          access.forChange(c, session, current.actionId()).requireTrainer().requireOpen();
          TrainingSession cancelled =
              new TrainingSession(
                  current.id(),
                  current.actionId(),
                  current.startsAt(),
                  current.minutes(),
                  current.mode(),
                  current.place(),
                  current.link(),
                  TrainingSession.Status.CANCELLED);
          store.updateSession(c, cancelled);
          calendar.queue(c, sessionId);
          return cancelled;
        });
  }

  /** Trainers: whether each session of the action is in the LMS calendar yet. */
  public List<SessionCalendar.Status> calendar(Session session, String actionId) {
    return read(c -> calendar.statuses(c, access.of(c, session, actionId).requireTrainer()));
  }

  private TrainingAction view(Connection c, TrainingAccess.Standing standing, Session session)
      throws SQLException {
    TrainingStore.Row action = standing.action();
    List<String> trainerIds = store.trainers(c, action.id());
    List<String> traineeIds =
        standing.seesEveryone() ? store.trainees(c, action.id()) : List.of(session.lmsUserId());
    Set<String> everyone = new LinkedHashSet<>(trainerIds);
    everyone.addAll(traineeIds);
    Map<String, String> names = people.names(c, everyone);
    return new TrainingAction(
        action.id(),
        action.courseId(),
        action.communityId(),
        action.title(),
        action.modality(),
        action.code(),
        action.jointMinutes(),
        action.autonomousMinutes(),
        action.startsOn(),
        action.endsOn(),
        action.rule(),
        action.policy(),
        action.status(),
        named(trainerIds, names),
        named(traineeIds, names),
        store.sessionsOf(c, action.id()),
        new TrainingAction.Mine(
            standing.trainer(),
            standing.trainee(),
            standing.trainee() ? marks.sessionsMarked(c, action.id(), session.lmsUserId()) : null));
  }

  private static List<TrainingAction.Person> named(List<String> ids, Map<String, String> names) {
    return ids.stream()
        .map(id -> new TrainingAction.Person(id, names.getOrDefault(id, "User " + id)))
        .sorted(java.util.Comparator.comparing(TrainingAction.Person::name))
        .toList();
  }

  /** The checked row of a new action, not yet in a community. */
  private TrainingStore.Row newAction(String courseId, TrainingRequests.NewAction request) {
    if (request == null) {
      throw new ApiException(Reason.MISSING_BODY, "a training action needs a body");
    }
    String title = request.title() == null ? "" : request.title().strip();
    if (title.isEmpty()) {
      throw ApiException.invalid(
          Reason.TITLE_LENGTH,
          "title",
          "a title is 1 to 300 characters",
          Map.of("min", 1, "max", 300));
    }
    if (request.modality() == null) {
      throw ApiException.invalid(
          Reason.MODALITY_REQUIRED,
          "modality",
          "say the modality: course, workshop, study_circle or short_action");
    }
    int joint = minutes("jointHours", request.jointHours());
    if (joint == 0) {
      throw ApiException.invalid(
          Reason.JOINT_HOURS_REQUIRED, "jointHours", "an action has some joint hours");
    }
    int autonomous =
        request.autonomousHours() == null
            ? 0
            : minutes("autonomousHours", request.autonomousHours());
    if (request.startsOn() != null
        && request.endsOn() != null
        && request.endsOn().isBefore(request.startsOn())) {
      throw ApiException.invalid(
          Reason.TRAINING_DATES_ORDER, "endsOn", "an action ends on or after the day it starts");
    }
    String code =
        request.code() == null || request.code().isBlank() ? null : request.code().strip();
    return new TrainingStore.Row(
        UUID.randomUUID().toString(),
        courseId,
        null,
        title,
        request.modality(),
        code,
        joint,
        autonomous,
        request.startsOn(),
        request.endsOn(),
        request.minimumAttendance() == null
            ? AttendanceRule.twoThirds()
            : request.minimumAttendance(),
        request.policy() == null ? EvaluationPolicy.portuguese() : request.policy(),
        TrainingAction.Status.OPEN);
  }

  /** Hours with at most two decimals, as whole minutes (1.33 h is 80 min). */
  static int minutes(String field, BigDecimal hours) {
    if (hours == null && field.equals("jointHours")) {
      throw ApiException.invalid(
          Reason.JOINT_HOURS_REQUIRED, field, "an action has some joint hours");
    }
    if (hours.signum() < 0
        || hours.compareTo(BigDecimal.valueOf(TrainingRequests.MAX_HOURS)) > 0
        || hours.stripTrailingZeros().scale() > 2) {
      throw ApiException.invalid(
          Reason.HOURS_INVALID,
          field,
          "hours from 0 to " + TrainingRequests.MAX_HOURS + ", with at most two decimals",
          Map.of("max", TrainingRequests.MAX_HOURS));
    }
    return hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
  }

  private static TrainingSession planned(
      String id,
      String actionId,
      TrainingRequests.SessionPlan plan,
      TrainingSession.Status status) {
    if (plan == null || plan.startsAt() == null || plan.minutes() == null) {
      throw ApiException.invalid(
          Reason.SESSION_TIME_REQUIRED, "startsAt", "a session needs its start and its minutes");
    }
    String place = plan.place() == null || plan.place().isBlank() ? null : plan.place().strip();
    String link =
        plan.link() == null || plan.link().isBlank() ? null : WebLink.check("link", plan.link());
    return new TrainingSession(
        id,
        actionId,
        plan.startsAt(),
        plan.minutes(),
        plan.mode() == null ? TrainingSession.Mode.IN_PERSON : plan.mode(),
        place,
        link,
        status);
  }

  /** Refuses a session that would take the scheduled sessions past the joint hours. */
  private void withinJointHours(Connection c, TrainingStore.Row action, TrainingSession planned)
      throws SQLException {
    if (!planned.scheduled()) {
      return;
    }
    long scheduled = planned.minutes();
    for (TrainingSession s : store.sessionsOf(c, action.id())) {
      if (s.scheduled() && !s.id().equals(planned.id())) {
        scheduled += s.minutes();
      }
    }
    if (scheduled > action.jointMinutes()) {
      throw ApiException.invalid(
          Reason.JOINT_HOURS_EXCEEDED,
          "minutes",
          "the sessions would add up to "
              + hours(scheduled)
              + " h, more than the action's "
              + hours(action.jointMinutes())
              + " joint hours",
          Map.of("jointHours", hours(action.jointMinutes()), "scheduledHours", hours(scheduled)));
    }
  }

  static String hours(long minutes) {
    return BigDecimal.valueOf(minutes)
        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * The people named, each of the action's course or of another course of the caller's; a 422
   * naming {@code field} otherwise.
   */
  private List<String> known(
      Connection c, Session session, String courseId, String field, List<String> userIds)
      throws SQLException {
    if (userIds == null) {
      return List.of();
    }
    Set<String> courses = new java.util.HashSet<>(communityAccess.coursesOf(c, session));
    courses.add(courseId);
    List<String> found = new ArrayList<>();
    for (String userId : new LinkedHashSet<>(userIds)) {
      boolean colleague =
          userId != null && people.coursesOf(c, userId).stream().anyMatch(courses::contains);
      if (!colleague) {
        throw ApiException.invalid(
            Reason.PERSON_NOT_IN_COURSE,
            field,
            "only people of your courses can be trainers or trainees: " + userId);
      }
      found.add(userId);
    }
    return found;
  }

  /** The course's participants without a teaching role, trainers apart. */
  private List<String> defaultTrainees(Connection c, String courseId, Set<String> trainers)
      throws SQLException {
    return people.roster(c, courseId).stream()
        .filter(p -> !trainers.contains(p.lmsUserId()))
        .filter(p -> p.roles().stream().noneMatch(TEACHING_ROLES::contains))
        .map(Participant::lmsUserId)
        .toList();
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "training read", work);
  }

  private <T> T write(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "training change", work);
  }
}
