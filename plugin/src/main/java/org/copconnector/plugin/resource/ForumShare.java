package org.copconnector.plugin.resource;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Anchor;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.community.GroupMirror;
import org.copconnector.plugin.discussion.ForumMirror;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.LmsMappings;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxHandler;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.WebLink;

/**
 * Shares a resource into its community's Moodle forums as a discussion in the community's group,
 * the file attached (uploaded to a draft area first, then given as {@code attachmentsid}); through
 * the outbox, found again by its reference after a lost answer.
 */
public final class ForumShare {

  /** Kind of the outbox message. */
  public static final String KIND = "forum.share-resource";

  /** What one message posts, and where; {@code language} is the sharer's (null: English). */
  record Target(
      String resourceId,
      int version,
      String anchorId,
      String courseId,
      String forumId,
      String communityName,
      String sharedByName,
      String language) {}

  private static final Gson GSON = Json.lenient();

  private final DataSource dataSource;
  private final BlobStore blobs;
  private final Outbox outbox;
  private final CommunityAccess access;
  private final PeopleStore people;
  private final ResourceStore store = new ResourceStore();

  public ForumShare(DataSource dataSource, BlobStore blobs, Outbox outbox, PeopleStore people) {
    this.dataSource = dataSource;
    this.blobs = blobs;
    this.outbox = outbox;
    this.access = new CommunityAccess(people);
    this.people = people;
  }

  /**
   * The author or a facilitator posts the resource's current version into every forum the community
   * uses; returns how many forums it goes to (asking twice posts nothing new).
   */
  public int share(Session session, String resourceId) {
    return Transaction.run(
        dataSource,
        "share into forums",
        c -> {
          Resource r =
              store
                  .find(c, resourceId)
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              Reason.RESOURCE_NOT_FOUND, "resource " + resourceId));
          CommunityAccess.Access caller = access.of(c, session, r.communityId());
          if (!r.createdBy().equals(session.lmsUserId()) && !caller.canModerate()) {
            throw new ApiException(
                Reason.AUTHOR_OR_FACILITATORS_FORUM,
                "only the author or the community's facilitators post it to the forum");
          }
          caller.requireWrite();
          Community community = caller.community();
          String name =
              people
                  .names(c, List.of(session.lmsUserId()))
                  .getOrDefault(session.lmsUserId(), session.displayName());
          String language = people.languages().of(c, session);
          int queued = 0;
          for (Anchor anchor : access.anchors(c, community.id())) {
            if (anchor.forumId() == null) {
              continue;
            }
            Target target =
                new Target(
                    r.id(),
                    r.currentVersion(),
                    anchor.id(),
                    anchor.courseId(),
                    anchor.forumId(),
                    community.name(),
                    name,
                    language);
            if (outbox.enqueue(
                c,
                KIND,
                "resource-share:" + key(target),
                "resource-share:" + r.id() + "@" + anchor.id(),
                GSON.toJson(target))) {
              queued++;
            }
          }
          if (queued == 0
              && access.anchors(c, community.id()).stream().noneMatch(a -> a.forumId() != null)) {
            throw new ApiException(
                Reason.NO_FORUM_CHOSEN, "the community has no Moodle forum chosen yet");
          }
          return queued;
        });
  }

  private static String key(Target t) {
    return t.resourceId() + ":v" + t.version() + "@" + t.anchorId();
  }

  /** The handler that delivers shares. */
  public OutboxHandler handler(Lms lms, LmsMappings mappings, GroupMirror groups) {
    return OutboxHandler.of(
        KIND,
        message -> {
          Target target = GSON.fromJson(message.payload(), Target.class);
          DeliveryFailure.translating(
              () -> post(lms, mappings, groups, target, message.triedBefore()));
        });
  }

  private void post(
      Lms lms, LmsMappings mappings, GroupMirror groups, Target t, boolean triedBefore) {
    if (mappings.find(ForumMirror.RESOURCE_MAPPING, key(t)).isPresent()) {
      return;
    }
    Resource r =
        Transaction.run(dataSource, "share read", c -> store.find(c, t.resourceId()).orElseThrow());
    Version v =
        Transaction.run(dataSource, "share read", c -> store.versions(c, t.resourceId())).stream()
            .filter(x -> x.version() == t.version())
            .findFirst()
            .orElseThrow();
    String group = groups.groupFor(t.anchorId(), t.courseId(), t.communityName());
    String reference = ForumMirror.reference(t.resourceId()) + "-v" + t.version();
    Optional<Lms.PostedDiscussion> made =
        triedBefore ? lms.findDiscussion(t.forumId(), group, reference) : Optional.empty();
    Lms.PostedDiscussion discussion =
        made.orElseGet(
            () -> {
              String attachment = null;
              if (v.sha256() != null) {
                try {
                  attachment =
                      lms.stageAttachment(
                          v.fileName(), Files.readAllBytes(blobs.path(v.sha256())), v.mediaType());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
              return lms.startDiscussion(
                  new Lms.NewDiscussion(
                      t.courseId(),
                      t.forumId(),
                      group,
                      r.title(),
                      html(r, v, t, reference),
                      attachment));
            });
    mappings.put(ForumMirror.RESOURCE_MAPPING, key(t), discussion.discussionId());
  }

  /** The post, in the sharer's language: it is written on their behalf. */
  private static String html(Resource r, Version v, Target t, String reference) {
    Translations words = Translations.in(t.language());
    StringBuilder html = new StringBuilder("<p>");
    html.append(
            SafeHtml.escape(
                words.text(
                    "moodle.share.intro",
                    Map.of("name", t.sharedByName(), "title", r.title(), "version", v.version()))))
        .append("</p>");
    if (!r.description().isEmpty()) {
      html.append(r.description()); // sanitised HTML
    }
    if (WebLink.isWebLink(v.url())) {
      html.append("<p><a href=\"")
          .append(SafeHtml.escape(v.url()))
          .append("\">")
          .append(SafeHtml.escape(v.url()))
          .append("</a></p>");
    } else if (v.url() != null) {
      // A link stored before links were checked, and not a web address: shown, never linked.
      html.append("<p>").append(SafeHtml.escape(v.url())).append("</p>");
    }
    html.append("<p><small>")
        .append(
            SafeHtml.escape(words.text("licence." + r.licence().name().toLowerCase(Locale.ROOT))))
        .append(" · ")
        .append(reference)
        .append("</small></p>");
    return html.toString();
  }
}
