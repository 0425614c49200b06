package org.copconnector.plugin.discussion;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.community.CommunityAccess.Access;
import org.copconnector.plugin.discussion.DiscussionRequests.Edit;
import org.copconnector.plugin.discussion.DiscussionRequests.NewReply;
import org.copconnector.plugin.discussion.DiscussionRequests.NewThread;
import org.copconnector.plugin.discussion.DiscussionRequests.Quote;
import org.copconnector.plugin.discussion.DiscussionViews.History;
import org.copconnector.plugin.discussion.DiscussionViews.ListedThread;
import org.copconnector.plugin.discussion.DiscussionViews.PostView;
import org.copconnector.plugin.discussion.DiscussionViews.ThreadList;
import org.copconnector.plugin.discussion.DiscussionViews.ThreadPage;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Threads and replies of communities. Each new post is stored with the outbox messages that mirror
 * it into the anchors' forums and notify members who asked for every post.
 */
public final class Discussions {

  static final int THREADS_PER_PAGE = 30;
  static final int POSTS_PER_PAGE = 50;

  private final DataSource dataSource;
  private final CommunityAccess access;
  private final PeopleStore people;
  private final DiscussionLimits limits;
  private final Clock clock;
  private final DiscussionStore store = new DiscussionStore();
  private final PostWriter writer;
  private final Quotes quotes = new Quotes(store);
  private final PostAttachments attachments = new PostAttachments(new PostFileStore());
  private final PostViews views;
  private final PostText text;
  private final Notifier notifier;
  private final Mentions mentions;
  private final Conversations conversations = new Conversations(store);

  public Discussions(
      DataSource dataSource,
      PeopleStore people,
      Outbox outbox,
      Notifier notifier,
      DiscussionLimits limits,
      Clock clock) {
    this.dataSource = dataSource;
    this.access = new CommunityAccess(people);
    this.people = people;
    this.limits = limits;
    this.clock = clock;
    this.writer = new PostWriter(access, people, outbox, notifier, store);
    this.views = new PostViews(limits, clock);
    this.text = new PostText(limits);
    this.notifier = notifier;
    this.mentions = new Mentions(access, people);
  }

  /**
   * Members of the community a writer may mention whose name contains {@code text} (accents and
   * case ignored), the writer left out; for those who may write there.
   */
  public List<DiscussionViews.Mentionable> mentionable(
      Session session, String communityId, String text) {
    if (communityId == null || communityId.isBlank()) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "community", "say whose members: ?community={id}");
    }
    return inTransaction(
        c -> {
          access.of(c, session, communityId).requireWrite();
          return mentions.suggestions(c, communityId, text, session.lmsUserId());
        });
  }

  public ThreadList threads(Session session, String communityId, int page) {
    int p = Math.max(0, page);
    return inTransaction(
        c -> {
          access.of(c, session, communityId).requireRead();
          List<ListedThread> listed =
              store
                  .threads(
                      c, communityId, session.lmsUserId(), THREADS_PER_PAGE, p * THREADS_PER_PAGE)
                  .stream()
                  .map(l -> new ListedThread(l.thread(), l.unread(), l.answered()))
                  .toList();
          if (p == 0) {
            conversations.visited(c, communityId, session.lmsUserId(), Instant.now(clock));
          }
          return new ThreadList(listed, store.threadCount(c, communityId), p, THREADS_PER_PAGE);
        });
  }

  /** Starts a thread; members only, while the community is open for writing. */
  public DiscussionThread start(Session session, NewThread request) {
    if (request == null) {
      throw ApiException.invalid(
          Reason.THREAD_INCOMPLETE, "body", "a thread needs a title and a body");
    }
    String communityId = request.communityId();
    if (communityId == null || communityId.isBlank()) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "communityId", "say which community the thread is for");
    }
    String title = text.title(request.title());
    String body = text.body(request.body());
    return inTransaction(
        c -> {
          Access caller = access.of(c, session, communityId);
          caller.requireWrite();
          String shown = attachments.pictures(c, communityId, session.lmsUserId(), body);
          text.requireContent(shown);
          List<String> files =
              attachments.attachments(c, communityId, session.lmsUserId(), request.attachments());
          Instant now = Instant.now(clock);
          DiscussionThread thread =
              new DiscussionThread(
                  UUID.randomUUID().toString(),
                  communityId,
                  title,
                  session.lmsUserId(),
                  nameOf(c, session.lmsUserId()),
                  false,
                  0,
                  now,
                  now);
          store.insertThread(c, thread);
          Post first =
              writer.add(
                  c,
                  caller.community(),
                  thread,
                  null,
                  session.lmsUserId(),
                  thread.authorName(),
                  shown,
                  null,
                  Post.Origin.HUB,
                  now,
                  null);
          attachments.bind(c, first.id(), shown, files);
          return store.thread(c, thread.id()).orElseThrow(() -> lost(first.id()));
        });
  }

  /** Replies in a thread, optionally to a given post and quoting one. */
  public PostView reply(Session session, String threadId, NewReply request) {
    if (request == null) {
      throw ApiException.invalid(Reason.BODY_REQUIRED, "body", "a reply needs a body");
    }
    String body = text.body(request.body());
    return inTransaction(
        c -> {
          DiscussionThread thread = thread(c, threadId);
          Access caller = access.of(c, session, thread.communityId());
          caller.requireWrite();
          if (request.parentId() != null) {
            quotes.postOfThread(c, request.parentId(), threadId, "parentId");
          }
          Quote quote = quotes.checked(c, request.quote(), threadId);
          Post post =
              hubReply(
                  c,
                  session,
                  caller,
                  thread,
                  request.parentId(),
                  body,
                  quote,
                  request.attachments());
          return views.of(
              post,
              Set.of(),
              session.lmsUserId(),
              false,
              quotes.authors(c, List.of(post)),
              attachmentsOf(c, post));
        });
  }

  /** A page of a thread (the last page when {@code page} is negative); marks it read. */
  public ThreadPage read(Session session, String threadId, int page) {
    return read(session, threadId, page, false);
  }

  /**
   * A page of a thread: with {@code firstUnread}, the page of the reader's first unread post (the
   * last page when all are read), else {@code page} (the last when negative). Marks it read.
   */
  public ThreadPage read(Session session, String threadId, int page, boolean firstUnread) {
    return inTransaction(
        c -> {
          DiscussionThread thread = thread(c, threadId);
          Access caller = access.of(c, session, thread.communityId());
          caller.requireRead();
          int pages = Math.max(1, (thread.postCount() + POSTS_PER_PAGE - 1) / POSTS_PER_PAGE);
          int seenBefore = conversations.seenBefore(c, caller, thread, session.lmsUserId());
          int p =
              firstUnread && seenBefore < thread.postCount()
                  ? seenBefore / POSTS_PER_PAGE
                  : page < 0 || page >= pages ? pages - 1 : page;
          int from = p * POSTS_PER_PAGE + 1;
          int to = Math.min(thread.postCount(), from + POSTS_PER_PAGE - 1);
          List<Post> posts = store.posts(c, threadId, from, to);
          Set<String> helped = store.helpedBy(c, session.lmsUserId(), posts);
          // Kept only when it moves on: reading a page read before writes nothing.
          if (caller.member() && to > seenBefore) {
            store.markRead(c, threadId, session.lmsUserId(), to);
          }
          boolean moderates = caller.canModerate();
          Map<String, String> quoted = quotes.authors(c, posts);
          Map<String, List<DiscussionViews.Attachment>> files = attachments.of(c, posts);
          List<PostView> shown =
              posts.stream()
                  .map(
                      post ->
                          views.of(
                              post,
                              helped,
                              session.lmsUserId(),
                              moderates,
                              quoted,
                              files.getOrDefault(post.id(), List.of())))
                  .toList();
          Conversations.Reading reading =
              conversations.reading(c, caller, thread, session.lmsUserId(), seenBefore);
          return new ThreadPage(
              thread,
              caller.community().name(),
              shown,
              p,
              pages,
              caller.canWrite(),
              moderates,
              store.isPrompt(c, threadId),
              conversations.tree(c, threadId, posts, POSTS_PER_PAGE),
              reading.seenBefore(),
              POSTS_PER_PAGE,
              reading.follow(),
              reading.acceptedPostId(),
              reading.canAccept());
        });
  }

  /** The author edits a post within the edit window; the earlier text is kept. */
  public PostView edit(Session session, String postId, Edit request) {
    if (request == null) {
      throw ApiException.invalid(Reason.BODY_REQUIRED, "body", "an edit needs a body");
    }
    String body = text.body(request.body());
    String title = request.title() == null ? null : text.title(request.title());
    return inTransaction(
        c -> {
          Post post = post(c, postId);
          DiscussionThread thread = thread(c, post.threadId());
          Access caller = access.of(c, session, thread.communityId());
          caller.requireWrite();
          if (!post.authorId().equals(session.lmsUserId()) || post.origin() != Post.Origin.HUB) {
            throw new ApiException(Reason.AUTHOR_ONLY_EDIT, "only the author can edit a post");
          }
          Instant now = Instant.now(clock);
          if (now.isAfter(post.createdAt().plus(limits.editWindow()))) {
            throw new ApiException(
                Reason.EDIT_WINDOW_PASSED,
                "posts can be edited for " + limits.editWindow().toMinutes() + " minutes",
                Map.of("minutes", limits.editWindow().toMinutes()));
          }
          if (title != null && !post.first()) {
            throw ApiException.invalid(
                Reason.TITLE_ONLY_FIRST_POST, "title", "only a thread's first post has a title");
          }
          String shown = attachments.pictures(c, thread.communityId(), post.authorId(), body);
          text.requireContent(shown);
          Mentions.Checked checked = mentions.check(c, thread.communityId(), shown);
          store.edit(c, post, thread.title(), title, checked.html(), now);
          attachments.bind(c, postId, checked.html(), List.of());
          writer.edited(c, thread.communityId(), post, store.revisions(c, postId).size());
          // Whom the edit mentions first is told now; the others were told already.
          notifier.queueMentions(
              c,
              caller.community(),
              thread,
              post(c, postId),
              checked.mentioned(),
              store.choices(c, thread.communityId()));
          return views.of(
              post(c, postId),
              store.helpedBy(c, session.lmsUserId(), List.of(post)),
              session.lmsUserId(),
              false,
              quotes.authors(c, List.of(post)),
              attachmentsOf(c, post));
        });
  }

  /** Earlier versions of a post, for whoever may read the thread. */
  public History history(Session session, String postId) {
    return inTransaction(
        c -> {
          Post post = post(c, postId);
          Access caller = access.of(c, session, thread(c, post.threadId()).communityId());
          caller.requireRead();
          if (post.hidden()
              && !caller.canModerate()
              && !post.authorId().equals(session.lmsUserId())) {
            throw new ApiException(Reason.POST_HIDDEN, "this post was hidden by a facilitator");
          }
          return new History(post, store.revisions(c, postId));
        });
  }

  /** "This helped me" on someone else's reply. */
  public PostView helped(Session session, String postId, boolean helped) {
    return inTransaction(
        c -> {
          Post post = post(c, postId);
          Access caller = access.of(c, session, thread(c, post.threadId()).communityId());
          caller.requireWrite();
          if (post.first()) {
            throw ApiException.invalid(
                Reason.HELPED_IS_FOR_REPLIES, "postId", "\"this helped me\" is for replies");
          }
          if (post.authorId().equals(session.lmsUserId())) {
            throw ApiException.invalid(
                Reason.HELPED_OWN_POST, "postId", "your own post cannot help you");
          }
          store.setHelped(c, postId, session.lmsUserId(), helped, Instant.now(clock));
          Post now = post(c, postId);
          return views.of(
              now,
              helped ? Set.of(postId) : Set.of(),
              session.lmsUserId(),
              false,
              quotes.authors(c, List.of(now)));
        });
  }

  /** Facilitators pin a thread to the top of the list, or unpin it. */
  public DiscussionThread pin(Session session, String threadId, boolean pinned) {
    return inTransaction(
        c -> {
          DiscussionThread thread = thread(c, threadId);
          access.of(c, session, thread.communityId()).requireModerate();
          store.setPinned(c, threadId, pinned);
          return thread(c, threadId);
        });
  }

  /** Facilitators hide a post from members (kept, and shown again on request), or show it. */
  public PostView hide(Session session, String postId, boolean hidden) {
    return inTransaction(
        c -> {
          Post post = post(c, postId);
          access.of(c, session, thread(c, post.threadId()).communityId()).requireModerate();
          store.setHidden(c, postId, hidden);
          if (hidden) {
            conversations.hidden(c, postId);
          }
          return views.of(post(c, postId), Set.of(), session.lmsUserId(), true, Map.of());
        });
  }

  /**
   * The thread's author or a facilitator marks a reply as the thread's accepted answer (one per
   * thread: marking another moves the mark), or takes the mark off.
   */
  public DiscussionViews.AcceptedAnswer accept(Session session, String postId, boolean accepted) {
    return inTransaction(
        c -> {
          Post post = post(c, postId);
          DiscussionThread thread = thread(c, post.threadId());
          Access caller = access.of(c, session, thread.communityId());
          caller.requireRead();
          return conversations.accept(
              c, caller, thread, post, session.lmsUserId(), accepted, Instant.now(clock));
        });
  }

  /** A member follows the thread, mutes it, or leaves it to their community choice. */
  public ThreadFollow follow(Session session, String threadId, ThreadFollow state) {
    return inTransaction(
        c -> {
          DiscussionThread thread = thread(c, threadId);
          Access caller = access.of(c, session, thread.communityId());
          caller.requireRead();
          return conversations.follow(
              c, caller, thread, session.lmsUserId(), state, Instant.now(clock));
        });
  }

  public NotificationChoice notifications(Session session, String communityId) {
    return inTransaction(
        c -> {
          access.of(c, session, communityId);
          return store
              .choice(c, communityId, session.lmsUserId())
              .orElse(NotificationChoice.DEFAULT);
        });
  }

  public NotificationChoice setNotifications(
      Session session, String communityId, NotificationChoice choice) {
    if (choice == null) {
      throw ApiException.invalid(
          Reason.DELIVERY_INVALID,
          "delivery",
          "delivery is every_post, daily_digest or none",
          Map.of("allowed", "every_post, daily_digest, none"));
    }
    return inTransaction(
        c -> {
          if (!access.of(c, session, communityId).member()) {
            throw new ApiException(
                Reason.MEMBERS_ONLY_NOTIFICATIONS,
                "only members choose how they hear about new posts");
          }
          store.setChoice(c, communityId, session.lmsUserId(), choice);
          return choice;
        });
  }

  /**
   * Stores a post written directly in an LMS forum (the import), mirrors it into the community's
   * other forums and notifies members, in the caller's transaction.
   */
  Post recordImported(
      Connection c,
      Community community,
      DiscussionThread thread,
      String parentId,
      String authorId,
      String authorName,
      String html,
      Instant at,
      String fromAnchorId)
      throws SQLException {
    String body = importedBody(html);
    return writer.add(
        c,
        community,
        thread,
        parentId,
        authorId,
        authorName,
        body,
        null,
        Post.Origin.LMS,
        at,
        fromAnchorId);
  }

  /**
   * Opens a thread on behalf of {@code authorId} from a scheduled prompt, in the caller's
   * transaction: mirrored and notified like any thread.
   */
  public DiscussionThread startScheduled(
      Connection c, String communityId, String authorId, String title, String html, Instant at)
      throws SQLException {
    Community community = access.find(c, communityId);
    String name = nameOf(c, authorId);
    DiscussionThread thread =
        new DiscussionThread(
            UUID.randomUUID().toString(), communityId, title, authorId, name, false, 0, at, at);
    store.insertThread(c, thread);
    writer.add(
        c,
        community,
        thread,
        null,
        authorId,
        name,
        SafeHtml.sanitize(html),
        null,
        Post.Origin.HUB,
        at,
        null);
    return store.thread(c, thread.id()).orElseThrow();
  }

  /**
   * Answers a thread's opening post in the caller's transaction with an already cleaned body (see
   * {@link #cleanBody}): members only, mirrored and notified like any reply.
   */
  public Post answerIn(Connection c, Session session, String threadId, String cleanBody)
      throws SQLException {
    DiscussionThread thread = thread(c, threadId);
    Access caller = access.of(c, session, thread.communityId());
    caller.requireWrite();
    return hubReply(c, session, caller, thread, null, cleanBody, null, List.of());
  }

  /**
   * A reply written from the hub by a caller already checked to write in the thread, with the
   * pictures of its body and the files it names.
   */
  private Post hubReply(
      Connection c,
      Session session,
      Access caller,
      DiscussionThread thread,
      String parentId,
      String body,
      Quote quote,
      List<String> attachmentIds)
      throws SQLException {
    String communityId = thread.communityId();
    String shown = attachments.pictures(c, communityId, session.lmsUserId(), body);
    text.requireContent(shown);
    List<String> files =
        attachments.attachments(c, communityId, session.lmsUserId(), attachmentIds);
    Post post =
        writer.add(
            c,
            caller.community(),
            thread,
            parentId,
            session.lmsUserId(),
            nameOf(c, session.lmsUserId()),
            shown,
            quote,
            Post.Origin.HUB,
            Instant.now(clock),
            null);
    attachments.bind(c, post.id(), shown, files);
    return post;
  }

  private List<DiscussionViews.Attachment> attachmentsOf(Connection c, Post post)
      throws SQLException {
    return attachments.of(c, List.of(post)).getOrDefault(post.id(), List.of());
  }

  /**
   * Members of the community who have not written in the thread and did not turn notifications off
   * for it (for the community or by muting the thread): those a reminder may go to.
   */
  public List<String> notYetAnswered(Connection c, String communityId, String threadId)
      throws SQLException {
    Map<String, NotificationChoice> choices = store.choices(c, communityId);
    java.util.Set<String> wrote =
        new java.util.HashSet<>(
            org.copconnector.plugin.store.Sql.strings(
                c, "SELECT DISTINCT author_id FROM post WHERE thread_id = ?", threadId));
    java.util.Set<String> muted = new java.util.HashSet<>(conversations.muted(c, threadId));
    return access.activeMembers(c, communityId).stream()
        .filter(m -> !wrote.contains(m) && !muted.contains(m))
        .filter(m -> choices.getOrDefault(m, NotificationChoice.DEFAULT) != NotificationChoice.NONE)
        .toList();
  }

  /**
   * Records an edit made in an LMS forum of an imported post, as an edit made in the hub is (the
   * earlier text kept, the post marked edited at {@code at}, the search index told): its new HTML,
   * its new subject when it is the thread's first post, and, when {@code attachmentIds} is not
   * null, its new attachments. Carried to the community's other forums, never back to the one it
   * came from. Returns whether anything changed.
   */
  boolean recordImportedEdit(
      Connection c,
      Post post,
      String subject,
      String html,
      List<String> attachmentIds,
      Instant at,
      String fromAnchorId)
      throws SQLException {
    DiscussionThread thread = store.thread(c, post.threadId()).orElseThrow();
    String body = mentions.check(c, thread.communityId(), importedBody(html)).html();
    String title = null;
    if (post.first() && subject != null && !subject.isBlank()) {
      String bounded = importedTitle(subject);
      title = bounded.equals(thread.title()) ? null : bounded;
    }
    if (body.equals(post.body()) && title == null && attachmentIds == null) {
      return false;
    }
    store.edit(c, post, thread.title(), title, body, at);
    attachments.bind(c, post.id(), body, List.of());
    if (attachmentIds != null) {
      attachments.replaceAttachments(c, post.id(), attachmentIds);
    }
    writer.edited(
        c, thread.communityId(), post, store.revisions(c, post.id()).size(), fromAnchorId);
    return true;
  }

  /** A subject written in the LMS as the hub keeps a title: stripped, within the ceiling. */
  private static String importedTitle(String subject) {
    String title = subject.strip();
    return title.substring(0, Math.min(title.length(), DiscussionLimits.TITLE_CEILING));
  }

  /** A post written in the LMS as the hub keeps it: sanitised, within the ceiling. */
  private static String importedBody(String html) {
    String body = SafeHtml.sanitize(html);
    if (body.length() > DiscussionLimits.BODY_CEILING) {
      body = SafeHtml.escape(SafeHtml.text(body));
      body = body.substring(0, Math.min(body.length(), DiscussionLimits.BODY_CEILING));
    }
    return body;
  }

  /** Stores a thread started directly in an LMS forum, without its first post. */
  DiscussionThread recordImportedThread(
      Connection c,
      String communityId,
      String title,
      String authorId,
      String authorName,
      Instant at)
      throws SQLException {
    DiscussionThread thread =
        new DiscussionThread(
            UUID.randomUUID().toString(),
            communityId,
            title == null || title.isBlank() ? "(no subject)" : importedTitle(title),
            authorId,
            authorName,
            false,
            0,
            at,
            at);
    store.insertThread(c, thread);
    return thread;
  }

  /** A post's body as it would be stored: sanitised and within the configured bounds. */
  public String cleanBody(String raw) {
    return text.body(raw);
  }

  private String nameOf(Connection c, String lmsUserId) throws SQLException {
    return people.names(c, List.of(lmsUserId)).getOrDefault(lmsUserId, "User " + lmsUserId);
  }

  private DiscussionThread thread(Connection c, String id) throws SQLException {
    return store
        .thread(c, id)
        .orElseThrow(() -> ApiException.notFound(Reason.THREAD_NOT_FOUND, "thread " + id));
  }

  private Post post(Connection c, String id) throws SQLException {
    return store
        .post(c, id)
        .orElseThrow(() -> ApiException.notFound(Reason.POST_NOT_FOUND, "post " + id));
  }

  private static IllegalStateException lost(String postId) {
    return new IllegalStateException("post " + postId + " was stored without its thread");
  }

  private <T> T inTransaction(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "discussion change", work);
  }
}
