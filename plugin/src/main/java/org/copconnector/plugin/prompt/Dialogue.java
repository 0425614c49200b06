package org.copconnector.plugin.prompt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * The dialogue view: per community, how each opened prompt was answered over time; per prompt, the
 * answers and the replies between them, and for facilitators who has answered. Only what was shared
 * in the thread counts: journal entries stay their authors' own.
 */
public final class Dialogue {

  /**
   * One opened prompt in the community's dialogue view: how many members answered, how many answers
   * reply to a colleague rather than to the prompt (dialogue, not monologue), and the median length
   * of answers.
   */
  public record DialogueRow(
      String threadId,
      String title,
      LocalDate date,
      Instant closesAt,
      boolean open,
      boolean asksEvidence,
      boolean answeredByMe,
      int members,
      int respondents,
      double responseRate,
      int answers,
      int repliesToColleagues,
      double dialogueShare,
      int medianWords) {}

  /** One prompt, its answers with the replies between them, and the caller's journal on it. */
  public record PromptPage(
      String threadId,
      String communityId,
      String communityName,
      String title,
      String prompt,
      LocalDate date,
      Instant closesAt,
      boolean open,
      boolean asksEvidence,
      boolean canAnswer,
      List<Answer> answers,
      List<Respondent> respondents,
      List<Reflections.Reflection> journal) {}

  /** A thread's prompt, without its answers. */
  public record PromptOpening(
      String threadId,
      String title,
      LocalDate date,
      Instant closesAt,
      boolean open,
      boolean asksEvidence) {}

  /** An answer to the prompt and the conversation that followed it. */
  public record Answer(
      String postId,
      String authorName,
      String body,
      Reflections.Evidence evidence,
      Instant writtenAt,
      List<Reply> replies) {}

  /** A reply within an answer's conversation; {@code parentId} is the post it replies to. */
  public record Reply(
      String postId, String parentId, String authorName, String body, Instant writtenAt) {}

  /** A member and whether they have answered (shown to facilitators only). */
  public record Respondent(String userId, String name, boolean answered) {}

  /** A shared post of a prompt's thread (its first post, the prompt itself, excluded). */
  private record Written(
      String id, String parentId, String authorId, String authorName, String body, Instant at) {}

  static final int MAX_POSTS = 2000;

  private final DataSource dataSource;
  private final CommunityAccess access;
  private final PeopleStore people;
  private final Reflections reflections;
  private final Clock clock;

  public Dialogue(DataSource dataSource, PeopleStore people, Reflections reflections, Clock clock) {
    this.dataSource = dataSource;
    this.access = new CommunityAccess(people);
    this.people = people;
    this.reflections = reflections;
    this.clock = clock;
  }

  /** The community's prompts over time, oldest first; members and administrators. */
  public List<DialogueRow> community(Session session, String communityId) {
    return Transaction.run(
        dataSource,
        "dialogue view",
        c -> {
          CommunityAccess.Access caller = access.of(c, session, communityId);
          if (!caller.member() && !caller.canModerate()) {
            throw new ApiException(
                Reason.MEMBERS_ONLY_DIALOGUE, "the dialogue view is for the community's members");
          }
          int members = access.activeMembers(c, communityId).size();
          Instant now = Instant.now(clock);
          List<DialogueRow> rows = new ArrayList<>();
          Map<String, List<Written>> written =
              written(
                  c,
                  "JOIN prompt_opening o ON o.thread_id = p.thread_id"
                      + " JOIN prompt_schedule s ON s.id = o.schedule_id WHERE s.community_id = ?",
                  communityId,
                  0);
          for (Opening opening : Opening.ofCommunity(c, communityId)) {
            rows.add(
                row(
                    opening,
                    written.getOrDefault(opening.threadId(), List.of()),
                    members,
                    session,
                    now));
          }
          return rows;
        });
  }

  /** One prompt's answers and replies; anyone who can read the community. */
  public PromptPage prompt(Session session, String threadId) {
    return Transaction.run(
        dataSource,
        "prompt page",
        c -> {
          Opening opening =
              Opening.ofThread(c, threadId)
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              Reason.PROMPT_THREAD_NOT_FOUND, "prompt thread " + threadId));
          CommunityAccess.Access caller = access.of(c, session, opening.communityId());
          caller.requireRead();
          List<Written> written =
              written(c, "WHERE p.thread_id = ?", threadId, MAX_POSTS)
                  .getOrDefault(threadId, List.of());
          Map<String, Reflections.Evidence> evidence = reflections.evidenceIn(c, threadId);
          Community community = caller.community();
          return new PromptPage(
              threadId,
              community.id(),
              community.name(),
              opening.title(),
              org.copconnector.plugin.store.Sql.first(
                      c, "SELECT body FROM post WHERE thread_id = ? AND seq = 1", threadId)
                  .orElse(""),
              opening.date(),
              opening.closesAt(),
              opening.openAt(Instant.now(clock)),
              opening.asksEvidence(),
              caller.canWrite(),
              conversations(written, evidence),
              caller.canModerate() ? respondents(c, opening.communityId(), written) : null,
              reflections.journal(c, session, threadId));
        });
  }

  /** Whether a thread is an opened prompt's (anyone who can read it): one indexed look-up. */
  public PromptOpening opening(Session session, String threadId) {
    return Transaction.run(
        dataSource,
        "prompt opening",
        c -> {
          Opening opening =
              Opening.ofThread(c, threadId)
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              Reason.PROMPT_THREAD_NOT_FOUND, "prompt thread " + threadId));
          access.of(c, session, opening.communityId()).requireRead();
          return new PromptOpening(
              threadId,
              opening.title(),
              opening.date(),
              opening.closesAt(),
              opening.openAt(Instant.now(clock)),
              opening.asksEvidence());
        });
  }

  /**
   * The community's response rate and dialogue share per prompt over time, as an SVG chart in the
   * reader's language.
   */
  public String chart(Session session, String communityId) {
    List<DialogueRow> rows = community(session, communityId);
    return DialogueChart.svg(rows, Translations.in(people.languages().of(session)));
  }

  /** Answers to the prompt in order, each with the replies that descend from it. */
  private static List<Answer> conversations(
      List<Written> written, Map<String, Reflections.Evidence> evidence) {
    Map<String, String> rootOf = new HashMap<>();
    Map<String, List<Reply>> replies = new LinkedHashMap<>();
    List<Written> roots = new ArrayList<>();
    for (Written w : written) {
      // Posts come in order, so a parent's root is known before its replies.
      String root = w.parentId() == null ? w.id() : rootOf.getOrDefault(w.parentId(), null);
      if (root == null) {
        root = w.id(); // replies to a hidden or missing post start a conversation of their own
      }
      rootOf.put(w.id(), root);
      if (root.equals(w.id())) {
        roots.add(w);
        replies.put(w.id(), new ArrayList<>());
      } else {
        replies.get(root).add(new Reply(w.id(), w.parentId(), w.authorName(), w.body(), w.at()));
      }
    }
    return roots.stream()
        .map(
            r ->
                new Answer(
                    r.id(),
                    r.authorName(),
                    r.body(),
                    evidence.get(r.id()),
                    r.at(),
                    replies.get(r.id())))
        .toList();
  }

  private List<Respondent> respondents(Connection c, String communityId, List<Written> written)
      throws SQLException {
    Set<String> answered = new HashSet<>();
    written.forEach(w -> answered.add(w.authorId()));
    List<String> members = access.activeMembers(c, communityId);
    Map<String, String> names = people.names(c, members);
    return members.stream()
        .map(m -> new Respondent(m, names.getOrDefault(m, m), answered.contains(m)))
        .sorted(
            java.util.Comparator.comparing(Respondent::answered)
                .thenComparing(r -> r.name().toLowerCase(java.util.Locale.ROOT)))
        .toList();
  }

  private static DialogueRow row(
      Opening opening, List<Written> written, int members, Session session, Instant now) {
    List<Integer> words = new ArrayList<>();
    Set<String> respondents = new HashSet<>();
    int toColleagues = 0;
    Set<String> ids = new HashSet<>();
    written.forEach(w -> ids.add(w.id()));
    for (Written w : written) {
      respondents.add(w.authorId());
      if (w.parentId() != null && ids.contains(w.parentId())) {
        toColleagues++;
      }
      words.add(SafeHtml.words(w.body()));
    }
    Collections.sort(words);
    int median =
        words.isEmpty()
            ? 0
            : words.size() % 2 == 1
                ? words.get(words.size() / 2)
                : (words.get(words.size() / 2 - 1) + words.get(words.size() / 2)) / 2;
    return new DialogueRow(
        opening.threadId(),
        opening.title(),
        opening.date(),
        opening.closesAt(),
        opening.openAt(now),
        opening.asksEvidence(),
        respondents.contains(session.lmsUserId()),
        members,
        respondents.size(),
        members == 0 ? 0 : Math.round(1000.0 * respondents.size() / members) / 10.0,
        words.size(),
        toColleagues,
        words.isEmpty() ? 0 : Math.round(1000.0 * toColleagues / words.size()) / 10.0,
        median);
  }

  /**
   * The visible answers and replies of prompts' threads, in order, by thread ({@code maxRows} 0:
   * all).
   */
  private static Map<String, List<Written>> written(
      Connection c, String where, String value, int maxRows) throws SQLException {
    Map<String, List<Written>> byThread = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.thread_id, p.id, p.parent_id, p.author_id, p.author_name, p.body, p.created_at"
                + " FROM post p "
                + where
                + " AND p.seq > 1 AND p.hidden = FALSE ORDER BY p.thread_id, p.seq")) {
      ps.setString(1, value);
      ps.setMaxRows(maxRows);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byThread
              .computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
              .add(
                  new Written(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getTimestamp(7).toInstant()));
        }
      }
    }
    return byThread;
  }
}
