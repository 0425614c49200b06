package org.copconnector.plugin.prompt;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.discussion.DiscussionLimits;
import org.copconnector.plugin.discussion.Discussions;
import org.copconnector.plugin.discussion.Post;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.resource.Resources;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.WebLink;

/**
 * Answers to prompts: shared in the prompt's thread, or kept as private journal entries that only
 * their author sees until they share them. Either may carry evidence (a bank resource or a link).
 * Every teacher can gather all their reflections, across communities, for a portfolio.
 */
public final class Reflections {

  /** Evidence offered with an answer: a resource of the bank, or a link. */
  public record EvidenceRequest(
      @Length(max = 36) String resourceId, @Length(max = WebLink.MAX_LENGTH) String link) {}

  /** An answer to an opened prompt; private (a journal entry) unless {@code shared}. */
  public record NewReflection(
      @Length(max = 36) String threadId,
      @Length(min = 1, max = DiscussionLimits.BODY_CEILING, reason = "body_length") String body,
      Boolean shared,
      EvidenceRequest evidence) {}

  /** A journal entry's new text and evidence. */
  public record Change(
      @Length(min = 1, max = DiscussionLimits.BODY_CEILING, reason = "body_length") String body,
      EvidenceRequest evidence) {}

  /**
   * Evidence as shown: the resource's title is read when shown (absent once the resource was
   * removed).
   */
  public record Evidence(String resourceId, String resourceTitle, String link) {}

  /** One reflection of the caller, with the prompt it answers. */
  public record Reflection(
      String id,
      String threadId,
      String communityId,
      String communityName,
      String promptTitle,
      String prompt,
      LocalDate date,
      String body,
      boolean shared,
      String postId,
      Evidence evidence,
      int replies,
      Instant writtenAt,
      Instant sharedAt) {}

  /** Everything a teacher reflected, newest first, for their professional portfolio. */
  public record Portfolio(String name, Instant generatedAt, List<Reflection> reflections) {}

  private final DataSource dataSource;
  private final Discussions discussions;
  private final EvidenceRules evidenceRules;
  private final PeopleStore people;
  private final CommunityAccess access;
  private final Clock clock;
  private final ReflectionStore store = new ReflectionStore();

  public Reflections(
      DataSource dataSource,
      Discussions discussions,
      Resources resources,
      PeopleStore people,
      Clock clock) {
    this.dataSource = dataSource;
    this.discussions = discussions;
    this.evidenceRules = new EvidenceRules(resources);
    this.people = people;
    this.access = new CommunityAccess(people);
    this.clock = clock;
  }

  /** Writes an answer to an opened prompt; members of its community only. */
  public Reflection write(Session session, NewReflection request) {
    if (request == null || request.threadId() == null || request.threadId().isBlank()) {
      throw ApiException.invalid(
          Reason.PROMPT_REQUIRED, "threadId", "say which prompt this answers");
    }
    String body = discussions.cleanBody(request.body());
    EvidenceRequest evidence = evidenceRules.checked(session, request.evidence());
    boolean shared = Boolean.TRUE.equals(request.shared());
    String id = UUID.randomUUID().toString();
    return Transaction.run(
        dataSource,
        "write reflection",
        c -> {
          Opening opening = opening(c, request.threadId());
          access.of(c, session, opening.communityId()).requireWrite();
          Instant now = Instant.now(clock);
          ReflectionStore.Row row =
              new ReflectionStore.Row(
                  id,
                  opening.threadId(),
                  session.lmsUserId(),
                  body,
                  evidence == null ? null : evidence.resourceId(),
                  evidence == null ? null : evidence.link(),
                  null,
                  now,
                  now,
                  null);
          if (shared) {
            row = post(c, session, opening, row, now);
          }
          store.insert(c, row);
          return view(c, row);
        });
  }

  /** Shares a journal entry in its prompt's thread (once); its author only. */
  public Reflection share(Session session, String id) {
    return Transaction.run(
        dataSource,
        "share reflection",
        c -> {
          ReflectionStore.Row row = mine(c, session, id);
          if (row.shared()) {
            throw new ApiException(
                Reason.REFLECTION_ALREADY_SHARED, "this reflection is already shared");
          }
          Opening opening = opening(c, row.threadId());
          access.of(c, session, opening.communityId()).requireWrite();
          ReflectionStore.Row posted = post(c, session, opening, row, Instant.now(clock));
          store.update(c, posted);
          return view(c, posted);
        });
  }

  /** Rewrites a journal entry; shared answers are edited as posts of the thread. */
  public Reflection edit(Session session, String id, Change change) {
    if (change == null) {
      throw ApiException.invalid(Reason.BODY_REQUIRED, "body", "send the entry's new text");
    }
    String body = discussions.cleanBody(change.body());
    EvidenceRequest evidence = evidenceRules.checked(session, change.evidence());
    return Transaction.run(
        dataSource,
        "edit reflection",
        c -> {
          ReflectionStore.Row row = mine(c, session, id);
          if (row.shared()) {
            throw new ApiException(
                Reason.SHARED_REFLECTION_EDIT, "a shared reflection is edited in its thread");
          }
          ReflectionStore.Row changed =
              new ReflectionStore.Row(
                  row.id(),
                  row.threadId(),
                  row.authorId(),
                  body,
                  evidence == null ? null : evidence.resourceId(),
                  evidence == null ? null : evidence.link(),
                  null,
                  row.createdAt(),
                  Instant.now(clock),
                  null);
          store.update(c, changed);
          return view(c, changed);
        });
  }

  /** Deletes a journal entry; a shared answer stays in the thread (its post may be hidden). */
  public void delete(Session session, String id) {
    Transaction.run(
        dataSource,
        "delete reflection",
        c -> {
          ReflectionStore.Row row = mine(c, session, id);
          if (row.shared()) {
            throw new ApiException(
                Reason.SHARED_REFLECTION_DELETE, "a shared reflection belongs to its thread now");
          }
          store.delete(c, id);
          return null;
        });
  }

  /**
   * All the caller's reflections across communities, newest first: journal entries, answers shared
   * from here, and what they wrote in prompts' threads from the hub or from Moodle.
   */
  public Portfolio portfolio(Session session) {
    return Transaction.run(
        dataSource,
        "portfolio",
        c -> {
          List<Reflection> all = new ArrayList<>();
          Set<String> posts = new HashSet<>();
          Map<String, PromptFacts> prompts = new HashMap<>();
          for (ReflectionStore.Row row : store.ofAuthor(c, session.lmsUserId())) {
            all.add(view(c, row, prompts));
            if (row.postId() != null) {
              posts.add(row.postId());
            }
          }
          for (ReflectionStore.Row row : store.threadAnswers(c, session.lmsUserId())) {
            if (!posts.contains(row.postId())) {
              all.add(view(c, row, prompts));
            }
          }
          all.sort(Comparator.comparing(Reflection::writtenAt).reversed());
          String name = people.names(c, List.of(session.lmsUserId())).get(session.lmsUserId());
          return new Portfolio(name, Instant.now(clock), all);
        });
  }

  /** The caller's journal entries about one prompt. */
  List<Reflection> journal(Connection c, Session session, String threadId) throws SQLException {
    List<Reflection> entries = new ArrayList<>();
    for (ReflectionStore.Row row : store.privateOf(c, threadId, session.lmsUserId())) {
      entries.add(view(c, row));
    }
    return entries;
  }

  /** The evidence of a thread's answers shared from the reflection view, by post. */
  Map<String, Evidence> evidenceIn(Connection c, String threadId) throws SQLException {
    Map<String, Evidence> byPost = new HashMap<>();
    for (var entry : store.sharedIn(c, threadId).entrySet()) {
      Evidence evidence = EvidenceRules.shown(c, entry.getValue());
      if (evidence != null) {
        byPost.put(entry.getKey(), evidence);
      }
    }
    return byPost;
  }

  private ReflectionStore.Row post(
      Connection c, Session session, Opening opening, ReflectionStore.Row row, Instant now)
      throws SQLException {
    if (opening.asksEvidence() && row.resourceId() == null && row.link() == null) {
      throw ApiException.invalid(
          Reason.EVIDENCE_REQUIRED,
          "evidence",
          "this prompt asks for evidence: a resource of the bank or a link");
    }
    String html = row.body() + EvidenceRules.html(c, row, people.languages().of(c, session));
    if (html.length() > DiscussionLimits.BODY_CEILING) {
      throw ApiException.invalid(
          Reason.ANSWER_TOO_LONG,
          "body",
          "the answer and its evidence are too long to post",
          Map.of("max", DiscussionLimits.BODY_CEILING));
    }
    Post post = discussions.answerIn(c, session, opening.threadId(), html);
    return new ReflectionStore.Row(
        row.id(),
        row.threadId(),
        row.authorId(),
        row.body(),
        row.resourceId(),
        row.link(),
        post.id(),
        row.createdAt(),
        now,
        now);
  }

  private Reflection view(Connection c, ReflectionStore.Row row) throws SQLException {
    return view(c, row, new HashMap<>());
  }

  /** What a reflection shows of its prompt, read once per prompt when listing many. */
  private record PromptFacts(Opening opening, String communityName, String prompt) {}

  private Reflection view(Connection c, ReflectionStore.Row row, Map<String, PromptFacts> prompts)
      throws SQLException {
    PromptFacts facts = prompts.get(row.threadId());
    if (facts == null) {
      Opening opening = opening(c, row.threadId());
      Community community = access.find(c, opening.communityId());
      facts =
          new PromptFacts(
              opening,
              community == null ? null : community.name(),
              Sql.first(c, "SELECT body FROM post WHERE thread_id = ? AND seq = 1", row.threadId())
                  .orElse(""));
      prompts.put(row.threadId(), facts);
    }
    String body = row.body();
    int replies = 0;
    if (row.postId() != null) {
      body = Sql.first(c, "SELECT body FROM post WHERE id = ?", row.postId()).orElse(row.body());
      replies = Sql.count(c, "SELECT COUNT(*) FROM post WHERE parent_id = ?", row.postId());
    }
    Opening opening = facts.opening();
    return new Reflection(
        row.id(),
        row.threadId(),
        opening.communityId(),
        facts.communityName(),
        opening.title(),
        facts.prompt(),
        opening.date(),
        body,
        row.shared(),
        row.postId(),
        EvidenceRules.shown(c, row),
        replies,
        row.createdAt(),
        row.sharedAt());
  }

  private ReflectionStore.Row mine(Connection c, Session session, String id) throws SQLException {
    return store
        .findForUpdate(c, id)
        .filter(r -> r.authorId().equals(session.lmsUserId()))
        .orElseThrow(() -> ApiException.notFound(Reason.REFLECTION_NOT_FOUND, "reflection " + id));
  }

  private static Opening opening(Connection c, String threadId) throws SQLException {
    return Opening.ofThread(c, threadId)
        .orElseThrow(
            () ->
                ApiException.notFound(Reason.PROMPT_THREAD_NOT_FOUND, "prompt thread " + threadId));
  }
}
