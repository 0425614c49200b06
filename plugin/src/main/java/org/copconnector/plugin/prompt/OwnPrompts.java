package org.copconnector.plugin.prompt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.discussion.RichText;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.prompt.PromptLibrary.Characteristic;
import org.copconnector.plugin.prompt.PromptLibrary.Moment;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Prompts facilitators write for their community, shared with chosen communities or with every
 * community of the site. The communities they reach find them next to the built-in library.
 */
public final class OwnPrompts {

  /** A prompt to write. */
  public record NewPrompt(
      @Length(max = 36) String communityId,
      @Length(max = 10) String language,
      Characteristic characteristic,
      Moment moment,
      @Length(min = 1, max = 300, reason = "title_length") String title,
      @Length(min = 1, max = OwnPrompts.MAX_TEXT_HTML, reason = "prompt_length") String text,
      Boolean asksEvidence) {}

  /** Where to share a prompt: named communities, and/or every community of the site. */
  public record Sharing(
      @Length(max = 36, entries = OwnPrompts.MAX_SHARES, reason = "too_many_shares")
          List<String> communityIds,
      Boolean all) {}

  /**
   * A written prompt as one community sees it; {@code sharedWith} is shown to its own community's
   * facilitators only.
   */
  public record OwnPrompt(
      String id,
      String communityId,
      String communityName,
      String language,
      Characteristic characteristic,
      Moment moment,
      String title,
      String text,
      boolean asksEvidence,
      boolean sharedWithAll,
      List<String> sharedWith) {}

  static final int MAX_SHARES = 200;

  /** What a prompt's sanitised HTML may take, its formatting included (the column holds it). */
  static final int MAX_TEXT_HTML = 20_000;

  private final DataSource dataSource;
  private final CommunityAccess access;
  private final Clock clock;

  public OwnPrompts(DataSource dataSource, PeopleStore people, Clock clock) {
    this.dataSource = dataSource;
    this.access = new CommunityAccess(people);
    this.clock = clock;
  }

  /** Writes a prompt for the caller's community; its facilitators and administrators only. */
  public OwnPrompt write(Session session, NewPrompt request) {
    if (request == null || request.communityId() == null || request.communityId().isBlank()) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "communityId", "say which community the prompt is for");
    }
    String title = bounded(request.title(), "title", Reason.TITLE_LENGTH, 300);
    String text = promptHtml(request.text(), "text");
    String language = request.language() == null ? "" : request.language().strip();
    if (!language.matches("[a-z]{2,3}(-[A-Za-z]{2,4})?")) {
      throw ApiException.invalid(
          Reason.LANGUAGE_INVALID, "language", "a language code such as en or pt");
    }
    if (request.characteristic() == null) {
      throw ApiException.invalid(
          Reason.CHARACTERISTIC_REQUIRED,
          "characteristic",
          "one of shared_values, student_learning, collaboration, deprivatised_practice,"
              + " reflective_dialogue");
    }
    String id = UUID.randomUUID().toString();
    return Transaction.run(
        dataSource,
        "write prompt",
        c -> {
          access.of(c, session, request.communityId()).requireModerate();
          Sql.update(
              c,
              "INSERT INTO own_prompt (id, community_id, language, characteristic, moment, title, text,"
                  + " asks_evidence, shared_with_all, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)",
              id,
              request.communityId(),
              language,
              request.characteristic().name(),
              request.moment() == null ? null : request.moment().name(),
              title,
              text,
              Boolean.TRUE.equals(request.asksEvidence()),
              session.lmsUserId(),
              Timestamp.from(Instant.now(clock)));
          return find(c, id, request.communityId(), true);
        });
  }

  /**
   * Shares a prompt with more communities (adding to earlier shares); facilitators of the community
   * that wrote it.
   */
  public OwnPrompt share(Session session, String promptId, Sharing sharing) {
    if (sharing == null) {
      throw ApiException.invalid(
          Reason.SHARE_TARGETS_REQUIRED, "communityIds", "say which communities to share with");
    }
    Set<String> targets =
        new LinkedHashSet<>(sharing.communityIds() == null ? List.of() : sharing.communityIds());
    if (targets.size() > MAX_SHARES) {
      throw ApiException.invalid(
          Reason.TOO_MANY_SHARES,
          "communityIds",
          "share with at most " + MAX_SHARES + " communities at once",
          Map.of("max", MAX_SHARES));
    }
    boolean all = Boolean.TRUE.equals(sharing.all());
    if (targets.isEmpty() && !all) {
      throw ApiException.invalid(
          Reason.SHARE_TARGETS_REQUIRED, "communityIds", "name communities, or share with all");
    }
    return Transaction.run(
        dataSource,
        "share prompt",
        c -> {
          String owner =
              Sql.first(c, "SELECT community_id FROM own_prompt WHERE id = ?", promptId)
                  .orElseThrow(
                      () -> ApiException.notFound(Reason.PROMPT_NOT_FOUND, "prompt " + promptId));
          access.of(c, session, owner).requireModerate();
          Instant now = Instant.now(clock);
          for (String target : targets) {
            if (target == null || !visible(c, session, target)) {
              throw ApiException.invalid(
                  Reason.SHARE_TARGET_UNKNOWN,
                  "communityIds",
                  "no community " + target + " you can see");
            }
            if (target.equals(owner)
                || Sql.first(
                        c,
                        "SELECT prompt_id FROM own_prompt_share WHERE prompt_id = ? AND community_id = ?",
                        promptId,
                        target)
                    .isPresent()) {
              continue;
            }
            Sql.update(
                c,
                "INSERT INTO own_prompt_share (prompt_id, community_id, shared_by, shared_at) VALUES (?, ?, ?, ?)",
                promptId,
                target,
                session.lmsUserId(),
                Timestamp.from(now));
          }
          if (all) {
            Sql.update(c, "UPDATE own_prompt SET shared_with_all = TRUE WHERE id = ?", promptId);
          }
          return find(c, promptId, owner, true);
        });
  }

  /**
   * The prompts a community may use: its own, those shared with it and those shared with every
   * community; anyone who can read the community.
   */
  public List<OwnPrompt> available(Session session, String communityId) {
    return Transaction.run(
        dataSource,
        "own prompts",
        c -> {
          CommunityAccess.Access caller = access.of(c, session, communityId);
          caller.requireRead();
          List<String> ids =
              Sql.strings(
                  c,
                  "SELECT id FROM own_prompt WHERE community_id = ? OR shared_with_all = TRUE"
                      + " OR id IN (SELECT prompt_id FROM own_prompt_share WHERE community_id = ?)"
                      + " ORDER BY created_at, id",
                  communityId,
                  communityId);
          List<OwnPrompt> prompts = new ArrayList<>();
          for (String id : ids) {
            prompts.add(find(c, id, communityId, caller.canModerate()));
          }
          return prompts;
        });
  }

  private OwnPrompt find(Connection c, String id, String viewingCommunity, boolean moderates)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT community_id, language, characteristic, moment, title, text, asks_evidence,"
                + " shared_with_all FROM own_prompt WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ApiException.notFound(Reason.PROMPT_NOT_FOUND, "prompt " + id);
        }
        String owner = rs.getString(1);
        Community community = access.find(c, owner);
        boolean ownersView = owner.equals(viewingCommunity) && moderates;
        return new OwnPrompt(
            id,
            owner,
            community == null ? null : community.name(),
            rs.getString(2),
            Characteristic.valueOf(rs.getString(3)),
            rs.getString(4) == null ? null : Moment.valueOf(rs.getString(4)),
            rs.getString(5),
            rs.getString(6),
            rs.getBoolean(7),
            rs.getBoolean(8),
            ownersView
                ? Sql.strings(
                    c,
                    "SELECT community_id FROM own_prompt_share WHERE prompt_id = ? ORDER BY shared_at, community_id",
                    id)
                : null);
      }
    }
  }

  private boolean visible(Connection c, Session session, String communityId) throws SQLException {
    try {
      access.of(c, session, communityId);
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  /**
   * A prompt's text as the sanitised HTML kept (written in the same editor as posts): some words,
   * and one bound with the formatting included, so that what is sent within it is taken.
   */
  static String promptHtml(String raw, String field) {
    return RichText.required(raw, MAX_TEXT_HTML, Reason.PROMPT_LENGTH, field, "prompt");
  }

  private static String bounded(String raw, String field, Reason tooLong, int max) {
    String value = raw == null ? "" : raw.strip();
    if (value.isEmpty() || value.length() > max) {
      throw ApiException.invalid(
          tooLong, field, "1 to " + max + " characters", Map.of("min", 1, "max", max));
    }
    return value;
  }
}
