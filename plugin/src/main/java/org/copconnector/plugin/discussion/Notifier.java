package org.copconnector.plugin.discussion;

import com.google.gson.Gson;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxHandler;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.people.PersonLanguages;
import org.copconnector.plugin.store.SqlStates;
import org.copconnector.plugin.store.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells members about new posts as LMS notifications, through the outbox: at once for those who
 * chose every post, once a day for those who chose the digest (one message per person per day,
 * whatever the number of communities), never for the others. Each message is written in its
 * recipient's language.
 */
public final class Notifier {

  /** Kind of the message that sends one notification to one person. */
  public static final String KIND = "notify.message";

  /** One notification. */
  record Message(String userId, String text) {}

  /** What one community brings to one person's digest. */
  private record DigestPart(Community community, List<Post> news, Map<String, String> titles) {}

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
  private static final Gson GSON = Json.lenient();
  private static final int EXCERPT = 200;

  private final DataSource dataSource;
  private final Outbox outbox;
  private final CommunityAccess access;
  private final PersonLanguages languages;
  private final ZoneId zone;
  private final Clock clock;
  private final DiscussionStore store = new DiscussionStore();
  private final ConversationStore conversations = new ConversationStore();

  /**
   * @param zone where a day starts and ends for the digest
   */
  public Notifier(
      DataSource dataSource, Outbox outbox, PeopleStore people, ZoneId zone, Clock clock) {
    this.dataSource = dataSource;
    this.outbox = outbox;
    this.access = new CommunityAccess(people);
    this.languages = people.languages();
    this.zone = zone;
    this.clock = clock;
  }

  /**
   * Queues a notification of {@code post} to each member who hears of the thread's posts at once
   * (they chose every post, or follow the thread: see {@link ThreadFollowers}), but its author.
   */
  void queueEveryPost(
      Connection c,
      Community community,
      DiscussionThread thread,
      Post post,
      List<String> members,
      Map<String, NotificationChoice> choices)
      throws SQLException {
    ThreadFollowers followers = conversations.followers(c, thread.id());
    List<String> recipients =
        members.stream()
            .filter(
                member ->
                    !member.equals(post.authorId())
                        && followers.atOnce(
                            member, choices.getOrDefault(member, NotificationChoice.DEFAULT)))
            .toList();
    if (recipients.isEmpty()) {
      return;
    }
    Map<String, String> language = languages.of(c, recipients);
    Map<String, String> texts = new HashMap<>();
    for (String member : recipients) {
      String text =
          texts.computeIfAbsent(
              language.get(member),
              lang -> instantText(Translations.in(lang), community, thread, post));
      outbox.enqueue(
          c, KIND, "notify:" + post.id() + ":" + member, GSON.toJson(new Message(member, text)));
    }
  }

  /**
   * Queues a notification to each member mentioned in {@code post}, at once whatever their choice
   * (a digest would bury a mention), unless they chose no notifications, muted the thread or wrote
   * the post. A person hears of a post's mention once, however often it is edited: the outbox keeps
   * one message per key.
   */
  void queueMentions(
      Connection c,
      Community community,
      DiscussionThread thread,
      Post post,
      Set<String> mentioned,
      Map<String, NotificationChoice> choices)
      throws SQLException {
    // Muting a thread silences it wholly, its mentions too.
    ThreadFollowers followers = conversations.followers(c, thread.id());
    List<String> recipients =
        mentioned.stream()
            .filter(
                member -> {
                  NotificationChoice choice =
                      choices.getOrDefault(member, NotificationChoice.DEFAULT);
                  return !member.equals(post.authorId())
                      && choice != NotificationChoice.NONE
                      && followers.of(member, choice) != ThreadFollow.MUTED;
                })
            .toList();
    if (recipients.isEmpty()) {
      return;
    }
    Map<String, String> language = languages.of(c, recipients);
    for (String member : recipients) {
      String text =
          notificationText(
              Translations.in(language.get(member)),
              "moodle.notify.mentioned",
              community,
              thread,
              post);
      outbox.enqueue(
          c, KIND, "mention:" + post.id() + ":" + member, GSON.toJson(new Message(member, text)));
    }
  }

  /**
   * Queues one notification in the caller's transaction; a second with the same {@code key} is not
   * queued.
   */
  public void queue(Connection c, String key, String userId, String html) throws SQLException {
    outbox.enqueue(c, KIND, key, GSON.toJson(new Message(userId, html)));
  }

  /**
   * Queues the digests of the day before today (in the digest's zone), once: asking again the same
   * day, or from another instance, adds nothing. Returns how many digests were queued.
   */
  public int queueYesterdaysDigests() {
    return queueDigests(LocalDate.now(clock.withZone(zone)).minusDays(1));
  }

  /** A scheduled round: never throws, so the schedule keeps running. */
  public void run() {
    try {
      int queued = queueYesterdaysDigests();
      if (queued > 0) {
        LOG.info("queued {} daily digest(s)", queued);
      }
    } catch (RuntimeException e) {
      if (e.getCause() instanceof java.sql.SQLException sql && SqlStates.isDuplicate(sql)) {
        // Another instance queued the same digests at the same moment: each is queued once.
        LOG.info("daily digests were queued by another instance");
        return;
      }
      LOG.warn("daily digests failed, the next round will retry: {}", e.toString());
    }
  }

  /** Queues one digest per member who chose it and had news on {@code day}. */
  public int queueDigests(LocalDate day) {
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    return Transaction.run(
        dataSource,
        "daily digests",
        c -> {
          Map<String, List<DigestPart>> partsByPerson = new LinkedHashMap<>();
          for (String communityId : store.communitiesWithPostsBetween(c, from, to)) {
            Community community = access.find(c, communityId);
            List<Post> posts = store.postsBetween(c, List.of(communityId), from, to);
            Map<String, NotificationChoice> choices = store.choices(c, communityId);
            Map<String, String> titles = new LinkedHashMap<>();
            Map<String, ThreadFollowers> followers = new HashMap<>();
            for (Post post : posts) {
              if (!titles.containsKey(post.threadId())) {
                titles.put(
                    post.threadId(),
                    store.thread(c, post.threadId()).map(DiscussionThread::title).orElse(""));
                followers.put(post.threadId(), conversations.followers(c, post.threadId()));
              }
            }
            for (String member : access.activeMembers(c, communityId)) {
              NotificationChoice choice = choices.getOrDefault(member, NotificationChoice.DEFAULT);
              if (choice != NotificationChoice.DAILY_DIGEST) {
                continue;
              }
              // Threads followed came at once, muted ones not at all.
              List<Post> news =
                  posts.stream()
                      .filter(
                          p ->
                              !p.authorId().equals(member)
                                  && followers.get(p.threadId()).inDigest(member, choice))
                      .toList();
              if (!news.isEmpty()) {
                partsByPerson
                    .computeIfAbsent(member, m -> new ArrayList<>())
                    .add(new DigestPart(community, news, titles));
              }
            }
          }
          Map<String, String> language = languages.of(c, partsByPerson.keySet());
          int queued = 0;
          for (Map.Entry<String, List<DigestPart>> person : partsByPerson.entrySet()) {
            String text =
                digestText(Translations.in(language.get(person.getKey())), day, person.getValue());
            if (outbox.enqueue(
                c,
                KIND,
                "digest:" + person.getKey() + ":" + day,
                GSON.toJson(new Message(person.getKey(), text)))) {
              queued++;
            }
          }
          return queued;
        });
  }

  /** Delivers notifications; Moodle cannot say whether one was sent, so none is looked for. */
  public OutboxHandler handler(Lms lms) {
    return OutboxHandler.of(
        KIND,
        message -> {
          Message m = GSON.fromJson(message.payload(), Message.class);
          DeliveryFailure.translating(() -> lms.sendMessage(m.userId(), m.text()));
        });
  }

  private static String instantText(
      Translations t, Community community, DiscussionThread thread, Post post) {
    return notificationText(
        t,
        post.first() ? "moodle.notify.started" : "moodle.notify.replied",
        community,
        thread,
        post);
  }

  /** A headline saying who wrote where, then the start of the post's text. */
  private static String notificationText(
      Translations t, String headlineKey, Community community, DiscussionThread thread, Post post) {
    String excerpt = SafeHtml.text(post.body());
    if (excerpt.length() > EXCERPT) {
      excerpt = excerpt.substring(0, EXCERPT) + "…";
    }
    String headline =
        t.text(
            headlineKey,
            Map.of(
                "author", post.authorName(),
                "title", thread.title(),
                "community", community.name()));
    return "<p>" + SafeHtml.escape(headline) + "</p><p>" + SafeHtml.escape(excerpt) + "</p>";
  }

  /**
   * One person's digest of a day: per community, the threads with news and who wrote in them (no
   * counts, which would need plural forms).
   */
  private static String digestText(Translations t, LocalDate day, List<DigestPart> parts) {
    StringBuilder html =
        new StringBuilder("<p>")
            .append(SafeHtml.escape(t.text("moodle.digest.intro", Map.of("date", t.date(day)))))
            .append("</p>");
    for (DigestPart part : parts) {
      Map<String, Set<String>> authorsByThread = new LinkedHashMap<>();
      for (Post p : part.news()) {
        authorsByThread
            .computeIfAbsent(p.threadId(), thread -> new LinkedHashSet<>())
            .add(p.authorName());
      }
      html.append("<p><strong>")
          .append(SafeHtml.escape(part.community().name()))
          .append("</strong></p><ul>");
      authorsByThread.forEach(
          (thread, authors) ->
              html.append("<li>")
                  .append(
                      SafeHtml.escape(
                          t.text(
                              "moodle.digest.thread",
                              Map.of(
                                  "title",
                                  part.titles().getOrDefault(thread, ""),
                                  "authors",
                                  String.join(", ", authors)))))
                  .append("</li>"));
      html.append("</ul>");
    }
    return html.toString();
  }
}
