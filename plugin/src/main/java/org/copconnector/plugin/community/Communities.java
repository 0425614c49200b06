package org.copconnector.plugin.community;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Membership.Role;
import org.copconnector.plugin.community.Membership.Status;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Communities of practice and voluntary membership. Every change to membership is stored together
 * with the outbox messages that mirror it into the anchors' Moodle groups.
 */
public final class Communities {

  /**
   * A community with its members as the caller may see them; {@code courses} (the community in each
   * of its courses, and whether a Moodle forum is chosen there) for its facilitators only.
   */
  public record Details(
      Community community,
      Integer activeMembers,
      Membership mine,
      List<Member> members,
      List<CourseAnchor> courses) {}

  /** The community in one of its courses: the course's title and whether a forum is chosen. */
  public record CourseAnchor(String courseId, String title, boolean forumChosen) {}

  /** Someone of the community's courses who is not in it (nor invited, nor asking) yet. */
  public record Candidate(String userId, String name) {}

  /** The most candidates one search lists. */
  static final int MAX_CANDIDATES = 20;

  /** A member as listed on the community page. */
  public record Member(
      String lmsUserId, String name, Membership.Role role, Membership.Status status) {}

  /**
   * A forum a facilitator may choose for an anchor, with a warning when it cannot keep to the
   * group.
   */
  public record ForumChoice(
      String id, String name, String type, int groupMode, boolean chosen, String warning) {}

  /** Filters for browsing; nulls match everything. */
  public record Query(String text, String subject, String cycle, String focus) {}

  private final DataSource dataSource;
  private final CommunityStore store = new CommunityStore();
  private final PeopleStore people;
  private final CommunityAccess access;
  private final Outbox outbox;
  private final Lms lms;
  private final CourseSettings courseSettings;
  private final Clock clock;

  public Communities(
      DataSource dataSource,
      PeopleStore people,
      Outbox outbox,
      Lms lms,
      CourseSettings courseSettings,
      Clock clock) {
    this.courseSettings = courseSettings;
    this.dataSource = dataSource;
    this.people = people;
    this.access = new CommunityAccess(people);
    this.outbox = outbox;
    this.lms = lms;
    this.clock = clock;
  }

  /** Starts a community; its creator is its first facilitator. */
  public Community create(Session session, NewCommunity request) {
    List<String> courses =
        request.courseIds().isEmpty() && session.courseId() != null
            ? List.of(session.courseId())
            : request.courseIds();
    if (courses.isEmpty()) {
      throw ApiException.invalid(
          Reason.COURSE_REQUIRED, "courseIds", "a community lives in at least one course");
    }
    // Facilitators start communities; other teachers only where every course of it allows them to.
    boolean allowed =
        session.role() != ProductRole.MEMBER
            || courses.stream()
                .allMatch(course -> courseSettings.of(course).teachersMayStartCommunities());
    if (!allowed) {
      throw new ApiException(
          Reason.FACILITATORS_START_COMMUNITIES,
          "only facilitators start communities in this course");
    }
    Set<String> mine = coursesOf(session);
    for (String course : courses) {
      if (session.role() != ProductRole.ADMIN && !mine.contains(course)) {
        throw new ApiException(
            Reason.NOT_YOUR_COURSE,
            "you can only anchor a community in your own courses (" + course + " is not one)",
            Map.of("course", course));
      }
    }
    Instant now = Instant.now(clock);
    Community community =
        new Community(
            UUID.randomUUID().toString(),
            request.name(),
            request.domain(),
            request.profile(),
            request.joining(),
            courses,
            session.lmsUserId(),
            now,
            null);
    return inTransaction(c -> insert(c, community, session.lmsUserId(), now));
  }

  /**
   * Starts a community in the caller's transaction, for a feature that makes one with its own
   * records (a training action's): anchored in {@code courseId}, joined by invitation, {@code
   * creator} its first facilitator. The name is cut to the longest a community takes.
   */
  public Community createIn(
      Connection c, String courseId, String name, Community.Framework framework, String creator)
      throws SQLException {
    Instant now = Instant.now(clock);
    String shortName =
        name.length() > NewCommunity.MAX_NAME ? name.substring(0, NewCommunity.MAX_NAME) : name;
    Community community =
        new Community(
            UUID.randomUUID().toString(),
            shortName,
            name.length() > NewCommunity.MAX_DOMAIN
                ? name.substring(0, NewCommunity.MAX_DOMAIN)
                : name,
            new Community.Profile(null, null, null, framework, null, null),
            Community.Joining.INVITATION,
            List.of(courseId),
            creator,
            now,
            null);
    return insert(c, community, creator, now);
  }

  /**
   * Makes people active members (or facilitators) of a community in the caller's transaction,
   * mirrored into its Moodle groups like any other joining; those already active keep their role
   * unless they become facilitators.
   */
  public void addMembers(Connection c, String communityId, Collection<String> userIds, Role role)
      throws SQLException {
    Community community = store.find(c, communityId).orElseThrow();
    Instant now = Instant.now(clock);
    for (String userId : userIds) {
      Optional<Membership> existing = store.membership(c, communityId, userId);
      boolean active = existing.isPresent() && existing.get().active();
      if (active && (role == Role.MEMBER || existing.get().role() == Role.FACILITATOR)) {
        continue;
      }
      store.saveMembership(
          c,
          new Membership(
              communityId, userId, role, Status.ACTIVE, active ? existing.get().since() : now));
      if (!active) {
        mirror(c, community, userId, true);
      }
    }
  }

  private Community insert(Connection c, Community community, String creator, Instant now)
      throws SQLException {
    store.insert(c, community);
    for (String course : community.courseIds()) {
      store.insertAnchor(c, new Anchor(UUID.randomUUID().toString(), community.id(), course, null));
    }
    store.saveMembership(
        c, new Membership(community.id(), creator, Role.FACILITATOR, Status.ACTIVE, now));
    mirror(c, community, creator, true);
    return store.find(c, community.id()).orElseThrow();
  }

  /**
   * Facilitators: change the name, domain, profile and joining mode, checked as at creation, in one
   * update (the courses stay).
   */
  public Community edit(Session session, String id, CommunityChange change) {
    return inTransaction(
        c -> {
          facilitated(c, session, id);
          store.update(c, id, change.name(), change.domain(), change.profile(), change.joining());
          return store.find(c, id).orElseThrow();
        });
  }

  /**
   * Facilitators: people of the community's courses whose name contains {@code text} and who are
   * not members, invited or asking yet; at most {@link #MAX_CANDIDATES}, by name.
   */
  public List<Candidate> candidates(Session session, String id, String text) {
    return inTransaction(
        c -> {
          Community community = facilitated(c, session, id);
          Set<String> known =
              store.members(c, id).stream()
                  .map(Membership::lmsUserId)
                  .collect(java.util.stream.Collectors.toSet());
          List<Candidate> found = new ArrayList<>();
          for (PeopleStore.Person person :
              people.inCourses(c, community.courseIds(), text, MAX_CANDIDATES + known.size())) {
            if (!known.contains(person.lmsUserId()) && found.size() < MAX_CANDIDATES) {
              found.add(new Candidate(person.lmsUserId(), person.name()));
            }
          }
          return found;
        });
  }

  /**
   * Communities of the caller's courses, filtered; archived ones only for their facilitators and
   * administrators.
   */
  public List<Details> browse(Session session, Query query) {
    return inTransaction(
        c -> {
          List<Community> found = store.inCourses(c, access.coursesOf(c, session));
          Map<String, Integer> counts =
              store.activeCounts(c, found.stream().map(Community::id).toList());
          List<Details> listed = new ArrayList<>();
          for (Community community : found) {
            Membership mine = store.membership(c, community.id(), session.lmsUserId()).orElse(null);
            boolean canSeeArchived =
                session.role() == ProductRole.ADMIN || (mine != null && mine.activeFacilitator());
            if ((community.archived() && !canSeeArchived) || !matches(community, query)) {
              continue;
            }
            listed.add(
                new Details(community, counts.getOrDefault(community.id(), 0), mine, null, null));
          }
          return listed;
        });
  }

  /**
   * One community: its profile for anyone in its courses; its member list for members and
   * administrators.
   */
  public Details get(Session session, String id) {
    return inTransaction(
        c -> {
          Community community = visible(c, session, id);
          Membership mine = store.membership(c, id, session.lmsUserId()).orElse(null);
          boolean insider = session.role() == ProductRole.ADMIN || (mine != null && mine.active());
          List<Membership> all = store.members(c, id);
          List<Member> members = insider ? named(c, visibleMembers(all, mine, session)) : null;
          int active = (int) all.stream().filter(Membership::active).count();
          boolean manages =
              session.role() == ProductRole.ADMIN || (mine != null && mine.activeFacilitator());
          return new Details(community, active, mine, members, manages ? courses(c, id) : null);
        });
  }

  /** Joins an open community, asks to join one by request, or accepts an invitation. */
  public Membership join(Session session, String id) {
    return inTransaction(
        c -> {
          Community community = open(c, session, id);
          Optional<Membership> existing = store.membership(c, id, session.lmsUserId());
          if (existing.isPresent() && existing.get().active()) {
            return existing.get();
          }
          Instant now = Instant.now(clock);
          boolean invited = existing.isPresent() && existing.get().status() == Status.INVITED;
          Status status =
              invited || community.joining() == Community.Joining.OPEN
                  ? Status.ACTIVE
                  : community.joining() == Community.Joining.REQUEST ? Status.REQUESTED : null;
          if (status == null) {
            throw new ApiException(
                Reason.INVITATION_ONLY, "this community takes new members by invitation only");
          }
          Membership membership = new Membership(id, session.lmsUserId(), Role.MEMBER, status, now);
          store.saveMembership(c, membership);
          if (status == Status.ACTIVE) {
            mirror(c, community, session.lmsUserId(), true);
          }
          return membership;
        });
  }

  /** Leaves (or withdraws a request); the last facilitator must name another first. */
  public void leave(Session session, String id) {
    inTransaction(
        c -> {
          Community community = visible(c, session, id);
          Membership mine =
              store
                  .membership(c, id, session.lmsUserId())
                  .orElseThrow(
                      () -> ApiException.notFound(Reason.MEMBERSHIP_NOT_FOUND, "your membership"));
          removeMember(c, community, mine);
          return null;
        });
  }

  /** Facilitators: invite a colleague of one of the community's courses. */
  public Membership invite(Session session, String id, String userId) {
    return inTransaction(
        c -> {
          Community community = facilitated(c, session, id);
          boolean colleague =
              community.courseIds().stream().anyMatch(people.coursesOf(c, userId)::contains);
          if (!colleague) {
            throw ApiException.invalid(
                Reason.NOT_IN_COMMUNITY_COURSES,
                "userId",
                "only people of the community's courses can be invited");
          }
          Optional<Membership> existing = store.membership(c, id, userId);
          if (existing.isPresent() && existing.get().active()) {
            throw new ApiException(Reason.ALREADY_MEMBER, "already a member");
          }
          if (existing.isPresent() && existing.get().status() == Status.REQUESTED) {
            return approve(c, community, existing.get());
          }
          Membership invitation =
              new Membership(id, userId, Role.MEMBER, Status.INVITED, Instant.now(clock));
          store.saveMembership(c, invitation);
          return invitation;
        });
  }

  /** Facilitators: let someone in who asked to join. */
  public Membership approve(Session session, String id, String userId) {
    return inTransaction(
        c -> {
          Community community = facilitated(c, session, id);
          Membership request =
              store
                  .membership(c, id, userId)
                  .filter(m -> m.status() == Status.REQUESTED)
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              Reason.JOIN_REQUEST_NOT_FOUND, "a request to join from " + userId));
          return approve(c, community, request);
        });
  }

  /** Facilitators: remove someone (never the last facilitator). */
  public void remove(Session session, String id, String userId) {
    inTransaction(
        c -> {
          Community community = facilitated(c, session, id);
          Membership member =
              store
                  .membership(c, id, userId)
                  .orElseThrow(
                      () -> ApiException.notFound(Reason.MEMBER_NOT_FOUND, "member " + userId));
          removeMember(c, community, member);
          return null;
        });
  }

  /**
   * Facilitators: name a co-facilitator, or step someone back to member (a community always keeps
   * one).
   */
  public Membership setRole(Session session, String id, String userId, Role role) {
    return inTransaction(
        c -> {
          facilitated(c, session, id);
          Membership member =
              store
                  .membership(c, id, userId)
                  .filter(Membership::active)
                  .orElseThrow(
                      () -> ApiException.notFound(Reason.MEMBER_NOT_FOUND, "member " + userId));
          if (member.role() == Role.FACILITATOR && role == Role.MEMBER) {
            requireAnotherFacilitator(c, id, userId);
          }
          Membership changed = new Membership(id, userId, role, Status.ACTIVE, member.since());
          store.saveMembership(c, changed);
          return changed;
        });
  }

  /**
   * Facilitators and administrators: archive (read-only, hidden from browsing) or restore; nothing
   * is deleted.
   */
  public Community setArchived(Session session, String id, boolean archived) {
    return inTransaction(
        c -> {
          facilitated(c, session, id);
          store.setArchived(c, id, archived ? Instant.now(clock) : null);
          return store.find(c, id).orElseThrow();
        });
  }

  /**
   * Facilitators: the forums of an anchor's course, the chosen one marked, those without groups
   * flagged.
   */
  public List<ForumChoice> forums(Session session, String id, String courseId) {
    Anchor anchor = inTransaction(c -> anchorOf(c, facilitated(c, session, id), courseId));
    Translations words = Translations.in(people.languages().of(session));
    return lms.forums(courseId).stream()
        .filter(Lms.Forum::takesDiscussions)
        .map(f -> choice(f, f.id().equals(anchor.forumId()), words))
        .toList();
  }

  /** Facilitators: the forum the community uses in one of its courses. */
  public ForumChoice chooseForum(Session session, String id, String courseId, String forumId) {
    inTransaction(c -> anchorOf(c, facilitated(c, session, id), courseId)); // rights first
    Lms.Forum forum =
        lms.forums(courseId).stream()
            .filter(f -> f.id().equals(forumId))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        Reason.NOT_A_COURSE_FORUM,
                        "forumId",
                        "not a forum of course " + courseId,
                        Map.of("course", courseId)));
    if (!forum.takesDiscussions()) {
      throw ApiException.invalid(
          Reason.FORUM_CLOSED_TO_TEACHERS,
          "forumId",
          "teachers cannot start discussions in this forum (" + forum.type() + ")",
          Map.of("forumType", String.valueOf(forum.type())));
    }
    inTransaction(
        c -> {
          Anchor anchor = anchorOf(c, facilitated(c, session, id), courseId);
          if (!forum.usesGroups()) {
            // Without groups every discussion of the forum is the community's: one community only.
            for (Anchor other : store.anchorsWithForumIn(c, courseId)) {
              if (other.forumId().equals(forumId) && !other.id().equals(anchor.id())) {
                throw new ApiException(
                    Reason.FORUM_TAKEN,
                    "forum "
                        + forumId
                        + " has no groups and already holds another community's discussions;"
                        + " choose a forum with groups or another forum",
                    Map.of("forumId", forumId));
              }
            }
          }
          store.setForum(c, anchor.id(), forumId);
          return null;
        });
    return choice(forum, true, Translations.in(people.languages().of(session)));
  }

  /**
   * A forum as offered to a facilitator, with a warning in their language when it has no groups.
   */
  private static ForumChoice choice(Lms.Forum f, boolean chosen, Translations words) {
    String warning = f.usesGroups() ? null : words.text("moodle.forum.noGroups");
    return new ForumChoice(f.id(), f.name(), f.type(), f.groupMode(), chosen, warning);
  }

  private Anchor anchorOf(Connection c, Community community, String courseId) throws SQLException {
    return store.anchors(c, community.id()).stream()
        .filter(a -> a.courseId().equals(courseId))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.notFound(
                    Reason.COMMUNITY_COURSE_NOT_FOUND,
                    "course " + courseId + " of this community"));
  }

  private Membership approve(Connection c, Community community, Membership request)
      throws SQLException {
    Membership active =
        new Membership(
            community.id(), request.lmsUserId(), Role.MEMBER, Status.ACTIVE, Instant.now(clock));
    store.saveMembership(c, active);
    mirror(c, community, request.lmsUserId(), true);
    return active;
  }

  private void removeMember(Connection c, Community community, Membership member)
      throws SQLException {
    if (member.activeFacilitator()) {
      requireAnotherFacilitator(c, community.id(), member.lmsUserId());
    }
    store.deleteMembership(c, community.id(), member.lmsUserId());
    if (member.active()) {
      mirror(c, community, member.lmsUserId(), false);
    }
  }

  private void requireAnotherFacilitator(Connection c, String communityId, String leaving)
      throws SQLException {
    boolean another =
        store.members(c, communityId).stream()
            .anyMatch(m -> m.activeFacilitator() && !m.lmsUserId().equals(leaving));
    if (!another) {
      throw new ApiException(
          Reason.LAST_FACILITATOR,
          "a community always keeps a facilitator: name a co-facilitator first");
    }
  }

  /** Queues the group change of every anchor in the person's courses, in this transaction. */
  private void mirror(Connection c, Community community, String userId, boolean add)
      throws SQLException {
    Set<String> theirCourses = people.coursesOf(c, userId);
    for (Anchor anchor : store.anchors(c, community.id())) {
      if (!theirCourses.contains(anchor.courseId())) {
        continue; // not enrolled there: Moodle would refuse, and they take part from their own
        // course
      }
      String payload =
          GroupMirror.payload(
              new GroupMirror.Change(
                  anchor.id(), anchor.courseId(), community.name(), List.of(userId)));
      outbox.enqueue(
          c,
          add ? GroupMirror.ADD : GroupMirror.REMOVE,
          "group:" + anchor.id() + ":" + userId + ":" + UUID.randomUUID(),
          "group:" + anchor.id() + ":" + userId,
          payload);
    }
  }

  private List<CourseAnchor> courses(Connection c, String id) throws SQLException {
    List<Anchor> anchors = store.anchors(c, id);
    Map<String, String> titles =
        people.courseTitles(c, anchors.stream().map(Anchor::courseId).toList());
    return anchors.stream()
        .map(
            a ->
                new CourseAnchor(
                    a.courseId(),
                    titles.getOrDefault(a.courseId(), a.courseId()),
                    a.forumId() != null))
        .toList();
  }

  private Community visible(Connection c, Session session, String id) throws SQLException {
    return access.of(c, session, id).community();
  }

  private Community open(Connection c, Session session, String id) throws SQLException {
    Community community = visible(c, session, id);
    if (community.archived()) {
      throw new ApiException(Reason.COMMUNITY_ARCHIVED, "this community is archived");
    }
    return community;
  }

  private Community facilitated(Connection c, Session session, String id) throws SQLException {
    Community community = visible(c, session, id);
    boolean facilitator =
        store
            .membership(c, id, session.lmsUserId())
            .map(Membership::activeFacilitator)
            .orElse(false);
    if (session.role() != ProductRole.ADMIN && !facilitator) {
      throw new ApiException(
          Reason.FACILITATORS_ONLY, "only this community's facilitators can do that");
    }
    return community;
  }

  /**
   * Members see active members; facilitators and administrators also see requests and invitations.
   */
  private static List<Membership> visibleMembers(
      List<Membership> all, Membership mine, Session session) {
    boolean manages =
        session.role() == ProductRole.ADMIN || (mine != null && mine.activeFacilitator());
    return manages ? all : all.stream().filter(Membership::active).toList();
  }

  private List<Member> named(Connection c, List<Membership> memberships) throws SQLException {
    Map<String, String> names =
        people.names(c, memberships.stream().map(Membership::lmsUserId).toList());
    return memberships.stream()
        .map(
            m ->
                new Member(
                    m.lmsUserId(),
                    names.getOrDefault(m.lmsUserId(), "User " + m.lmsUserId()),
                    m.role(),
                    m.status()))
        .toList();
  }

  private Set<String> coursesOf(Session session) {
    return access.coursesOf(session);
  }

  private static boolean matches(Community community, Query query) {
    Community.Profile p = community.profile();
    return contains(
            List.of(community.name(), community.domain(), String.join(" ", p.focus())),
            query.text())
        && (query.subject() == null
            || p.subjects().stream().anyMatch(s -> s.equalsIgnoreCase(query.subject())))
        && (query.cycle() == null
            || p.cycles().stream().anyMatch(s -> s.equalsIgnoreCase(query.cycle())))
        && (query.focus() == null
            || p.focus().stream().anyMatch(s -> s.equalsIgnoreCase(query.focus())));
  }

  private static boolean contains(List<String> fields, String text) {
    if (text == null || text.isBlank()) {
      return true;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    return fields.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).contains(needle));
  }

  private <T> T inTransaction(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "community change", work);
  }
}
