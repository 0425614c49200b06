package org.copconnector.plugin.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.discussion.Notifier;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.search.IndexCatchUp;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.SearchText;
import org.copconnector.plugin.web.WebLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource bank: resources of communities' banks, their versions, sharing, search, and what
 * teachers did with them. Every change is logged for the search index in its own transaction.
 */
public final class Resources {

  /** A resource as one person sees it. */
  public record View(
      Resource resource,
      String communityName,
      List<Version> versions,
      List<String> sharedWith,
      List<String> adaptations,
      List<Comment> comments,
      List<Usage> uses,
      boolean canEdit,
      int myUsedVersion,
      boolean newerThanMine,
      int myRating) {}

  /** A search result. */
  public record Found(Resource resource, Map<String, String> highlights) {}

  /** A page of search results. */
  public record Page(List<Found> results, long total, int page, int pageSize) {}

  /** A new version: an upload or a link, and what changed. */
  public record NewVersion(
      @Length(max = 36) String uploadId,
      @Length(max = WebLink.MAX_LENGTH) String url,
      @Length(max = 1000, reason = "note_length") String note) {}

  /** A file to send. */
  public record Download(Path path, String fileName, String mediaType, long size, String sha256) {}

  private static final Logger LOG = LoggerFactory.getLogger(Resources.class);
  static final int PAGE_SIZE = 20;

  // A search takes in at most this many changes before it looks, waiting this long for a round
  // already under way (a rebuild takes long: the search then goes on without).
  private static final int BRIEF_CATCH_UP = 500;
  private static final Duration BRIEF_WAIT = Duration.ofMillis(300);

  private final DataSource dataSource;
  private final BlobStore blobs;
  private final ResourceIndex index;
  private final CommunityAccess access;
  private final PeopleStore people;
  private final Notifier notifier;
  private final Clock clock;
  private final ResourceStore store = new ResourceStore();
  private final IndexCatchUp catchUp;

  public Resources(
      DataSource dataSource,
      BlobStore blobs,
      ResourceIndex index,
      PeopleStore people,
      Notifier notifier,
      Clock clock) {
    this.dataSource = dataSource;
    this.blobs = blobs;
    this.index = index;
    this.access = new CommunityAccess(people);
    this.people = people;
    this.notifier = notifier;
    this.clock = clock;
    this.catchUp =
        new IndexCatchUp(
            "resource bank",
            dataSource,
            index.lucene(),
            ResourceStore.CHANGES,
            (c, ids) -> entries(c, ids).stream().map(ResourceIndex::document).toList(),
            clock);
  }

  /** Adds a resource to a community's bank (its members only); may adapt another resource. */
  public Resource create(Session session, NewResource request) {
    Resource created =
        write(
            c -> {
              CommunityAccess.Access caller = access.of(c, session, request.communityId());
              caller.requireWrite();
              if (request.adaptedFrom() != null) {
                Resource source = readable(c, session, request.adaptedFrom());
                store.countAdaptation(c, source.id());
                store.changed(c, source.id());
              }
              Instant now = Instant.now(clock);
              Resource resource =
                  new Resource(
                      UUID.randomUUID().toString(),
                      request.communityId(),
                      request.title(),
                      request.description(),
                      request.kind(),
                      request.subjects(),
                      request.cycles(),
                      request.language(),
                      request.licence(),
                      request.tags(),
                      request.authors().isEmpty()
                          ? List.of(session.displayName())
                          : request.authors(),
                      request.visibility(),
                      request.adaptedFrom(),
                      session.lmsUserId(),
                      now,
                      1,
                      new Resource.Counts(0, 0, 0, 0, 0));
              store.insert(c, resource);
              store.insertVersion(
                  c,
                  resource.id(),
                  version(c, session, 1, request.uploadId(), request.url(), "", now));
              store.changed(c, resource.id());
              return resource;
            });
    refreshIndex();
    return created;
  }

  /**
   * A new version by the author or a facilitator of its community; older versions stay reachable
   * and everyone who used the resource is told.
   */
  public View addVersion(Session session, String id, NewVersion request) {
    if (request == null) {
      throw ApiException.invalid(
          Reason.FILE_OR_LINK, "uploadId", "give an uploaded file or a link");
    }
    String url = NewResource.checkSource(request.uploadId(), request.url());
    String note = request.note() == null ? "" : request.note().strip();
    if (note.length() > 1000) {
      throw ApiException.invalid(
          Reason.NOTE_LENGTH, "note", "a note is at most 1000 characters", Map.of("max", 1000));
    }
    write(
        c -> {
          Resource resource = editable(c, session, id);
          Instant now = Instant.now(clock);
          int next = resource.currentVersion() + 1;
          store.insertVersion(c, id, version(c, session, next, request.uploadId(), url, note, now));
          store.changed(c, id);
          List<String> users =
              store.users(c, id).stream().filter(u -> !u.equals(session.lmsUserId())).toList();
          Map<String, String> languages = people.languages().of(c, users);
          for (String user : users) {
            String text =
                "<p>"
                    + SafeHtml.escape(
                        Translations.in(languages.get(user))
                            .text(
                                note.isEmpty()
                                    ? "moodle.resource.newVersion"
                                    : "moodle.resource.newVersionNote",
                                Map.of("version", next, "title", resource.title(), "note", note)))
                    + "</p>";
            notifier.queue(c, "resource-version:" + id + ":" + next + ":" + user, user, text);
          }
          return null;
        });
    refreshIndex();
    return get(session, id);
  }

  public View get(Session session, String id) {
    return read(
        c -> {
          Resource resource = readable(c, session, id);
          Community home = access.find(c, resource.communityId());
          int used = store.usedVersion(c, id, session.lmsUserId());
          return new View(
              resource,
              home == null ? null : home.name(),
              store.versions(c, id),
              store.shares(c, id),
              store.adaptations(c, id),
              store.comments(c, id),
              named(c, store.uses(c, id)),
              mayEdit(c, session, resource),
              used,
              used > 0 && used < resource.currentVersion(),
              store.rating(c, id, session.lmsUserId()));
        });
  }

  /** The author shares a resource into another community's bank they belong to. */
  public View share(Session session, String id, String communityId) {
    write(
        c -> {
          Resource resource = readable(c, session, id);
          if (!resource.createdBy().equals(session.lmsUserId())
              && session.role() != ProductRole.ADMIN) {
            throw new ApiException(
                Reason.AUTHOR_ONLY_SHARE, "only the author shares a resource into other banks");
          }
          access.of(c, session, communityId).requireWrite();
          if (!communityId.equals(resource.communityId())
              && store.share(c, id, communityId, session.lmsUserId(), Instant.now(clock))) {
            store.changed(c, id);
          }
          return null;
        });
    refreshIndex();
    return get(session, id);
  }

  /** Who may find it: its communities, the author's courses, or the whole site. */
  public View setVisibility(Session session, String id, Resource.Visibility visibility) {
    if (visibility == null) {
      throw ApiException.invalid(
          Reason.VISIBILITY_INVALID,
          "visibility",
          "visibility is community, courses or site",
          Map.of("allowed", "community, courses, site"));
    }
    write(
        c -> {
          editable(c, session, id);
          store.setVisibility(c, id, visibility);
          store.changed(c, id);
          return null;
        });
    refreshIndex();
    return get(session, id);
  }

  /**
   * "I used this in class", with a short note of how it went: once per person; saying it again
   * replaces the person's version, note and date (the count stays).
   */
  public View used(Session session, String id, String note) {
    String n = note == null ? "" : note.strip();
    if (n.length() > 2000) {
      throw ApiException.invalid(
          Reason.NOTE_LENGTH, "note", "a note is at most 2000 characters", Map.of("max", 2000));
    }
    write(
        c -> {
          Resource resource = readable(c, session, id);
          store.recordUse(
              c,
              UUID.randomUUID().toString(),
              id,
              session.lmsUserId(),
              resource.currentVersion(),
              n,
              Instant.now(clock));
          store.changed(c, id);
          return null;
        });
    refreshIndex();
    return get(session, id);
  }

  public View rate(Session session, String id, Integer stars) {
    if (stars == null || stars < 1 || stars > 5) {
      throw ApiException.invalid(
          Reason.RATING_RANGE, "stars", "a rating is 1 to 5", Map.of("min", 1, "max", 5));
    }
    write(
        c -> {
          readable(c, session, id);
          store.rate(c, id, session.lmsUserId(), stars);
          store.changed(c, id);
          return null;
        });
    refreshIndex();
    return get(session, id);
  }

  public View comment(Session session, String id, String text) {
    String body = text == null ? "" : text.strip();
    if (body.isEmpty() || body.length() > 5000) {
      throw ApiException.invalid(
          Reason.COMMENT_LENGTH,
          "text",
          "a comment is 1 to 5000 characters",
          Map.of("min", 1, "max", 5000));
    }
    write(
        c -> {
          readable(c, session, id);
          String name =
              people
                  .names(c, List.of(session.lmsUserId()))
                  .getOrDefault(session.lmsUserId(), session.displayName());
          store.addComment(
              c,
              id,
              new Comment(
                  UUID.randomUUID().toString(),
                  session.lmsUserId(),
                  name,
                  body,
                  Instant.now(clock)));
          store.changed(c, id);
          return null;
        });
    return get(session, id);
  }

  private List<Usage> named(Connection c, List<Usage> uses) throws SQLException {
    Map<String, String> names = people.names(c, uses.stream().map(Usage::lmsUserId).toList());
    return uses.stream().map(u -> u.named(names.get(u.lmsUserId()))).toList();
  }

  /** Full-text search over what the caller may see, with filters and an order. */
  public Page search(
      Session session,
      String text,
      ResourceIndex.Filters filters,
      ResourceIndex.Order order,
      int page) {
    SearchText.within(text, 200);
    int p = Math.max(0, page);
    // Two short reads around the index search: no pooled connection is held while Lucene works.
    ResourceIndex.Viewer viewer =
        read(
            c ->
                new ResourceIndex.Viewer(
                    session.role() == ProductRole.ADMIN,
                    access.communitiesOf(c, session.lmsUserId()),
                    List.copyOf(access.coursesOf(c, session))));
    // What was just added, on this instance or another, is found at once.
    catchUp.refreshBriefly(BRIEF_CATCH_UP, BRIEF_WAIT);
    ResourceIndex.Results results;
    try {
      results = index.search(text, filters, viewer, order, p * PAGE_SIZE, PAGE_SIZE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> ids = results.hits().stream().map(ResourceIndex.Hit::id).toList();
    Map<String, Resource> byId = new java.util.HashMap<>();
    read(c -> store.findAll(c, ids)).forEach(r -> byId.put(r.id(), r));
    List<Found> found = new ArrayList<>();
    for (ResourceIndex.Hit hit : results.hits()) {
      Resource r = byId.get(hit.id());
      if (r != null) {
        found.add(new Found(r, hit.highlights()));
      }
    }
    return new Page(found, results.total(), p, PAGE_SIZE);
  }

  /** A version's file, for those who may see the resource. */
  public Download download(Session session, String id, int version) {
    return read(
        c -> {
          readable(c, session, id);
          Version v =
              store.versions(c, id).stream()
                  .filter(x -> x.version() == version)
                  .findFirst()
                  .orElseThrow(
                      () -> ApiException.notFound(Reason.VERSION_NOT_FOUND, "version " + version));
          if (v.sha256() == null) {
            throw ApiException.notFound(
                Reason.VERSION_IS_LINK, "a file for this version (it is a link: " + v.url() + ")");
          }
          return new Download(
              blobs.path(v.sha256()), v.fileName(), v.mediaType(), v.sizeBytes(), v.sha256());
        });
  }

  /**
   * Brings the search index up to the database's change log; starts over when the index is ahead (a
   * new or restored database). Safe to call from several threads.
   */
  public void refreshIndex() {
    catchUp.refresh();
  }

  /** Changes in the database's log the search index has not taken yet (any instance's). */
  public long indexBacklog() {
    return catchUp.backlog();
  }

  /** A scheduled catch-up with other instances' changes; never throws. */
  public void run() {
    catchUp.run();
  }

  private List<ResourceIndex.Entry> entries(Connection c, List<String> ids) throws SQLException {
    List<ResourceIndex.Entry> entries = new ArrayList<>();
    for (Resource r : store.findAll(c, ids)) {
      List<String> communities = new ArrayList<>();
      communities.add(r.communityId());
      communities.addAll(store.shares(c, r.id()));
      List<Version> versions = store.versions(c, r.id());
      Version current = versions.get(versions.size() - 1);
      String text = current.sha256() == null ? "" : store.blobText(c, current.sha256());
      entries.add(
          new ResourceIndex.Entry(
              r, communities, List.copyOf(people.coursesOf(c, r.createdBy())), text));
    }
    return entries;
  }

  private Version version(
      Connection c,
      Session session,
      int number,
      String uploadId,
      String url,
      String note,
      Instant at)
      throws SQLException {
    if (url != null) {
      return new Version(number, null, null, null, null, url, note, session.lmsUserId(), at);
    }
    ResourceStore.Upload upload =
        store
            .upload(c, uploadId)
            .filter(u -> u.uploadedBy().equals(session.lmsUserId()))
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        Reason.UPLOAD_NOT_FOUND, "uploadId", "no upload of yours with this id"));
    return new Version(
        number,
        upload.sha256(),
        upload.fileName(),
        null,
        null,
        null,
        note,
        session.lmsUserId(),
        at);
  }

  private Resource readable(Connection c, Session session, String id) throws SQLException {
    Resource resource =
        store
            .find(c, id)
            .orElseThrow(() -> ApiException.notFound(Reason.RESOURCE_NOT_FOUND, "resource " + id));
    if (session.role() == ProductRole.ADMIN || resource.visibility() == Resource.Visibility.SITE) {
      return resource;
    }
    List<String> mine = access.communitiesOf(c, session.lmsUserId());
    if (mine.contains(resource.communityId())
        || store.shares(c, id).stream().anyMatch(mine::contains)) {
      return resource;
    }
    if (resource.visibility() == Resource.Visibility.COURSES) {
      Set<String> authorCourses = people.coursesOf(c, resource.createdBy());
      if (access.coursesOf(c, session).stream().anyMatch(authorCourses::contains)) {
        return resource;
      }
    }
    throw ApiException.notFound(Reason.RESOURCE_NOT_FOUND, "resource " + id);
  }

  private Resource editable(Connection c, Session session, String id) throws SQLException {
    Resource resource = readable(c, session, id);
    if (!mayEdit(c, session, resource)) {
      throw new ApiException(
          Reason.AUTHOR_OR_FACILITATORS_EDIT,
          "only the author or the community's facilitators change it");
    }
    return resource;
  }

  private boolean mayEdit(Connection c, Session session, Resource resource) throws SQLException {
    if (resource.createdBy().equals(session.lmsUserId()) || session.role() == ProductRole.ADMIN) {
      return true;
    }
    try {
      return access.of(c, session, resource.communityId()).canModerate();
    } catch (ApiException notTheirs) {
      return false; // a site-wide resource seen from outside its community
    }
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "resource bank read", work);
  }

  private <T> T write(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "resource bank change", work);
  }
}
