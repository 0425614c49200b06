package org.copconnector.connector.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.copconnector.connector.demo.DemoSamples.AnswerSample;
import org.copconnector.connector.demo.DemoSamples.CommunitySample;
import org.copconnector.connector.demo.DemoSamples.FileSample;
import org.copconnector.connector.demo.DemoSamples.PromptSample;
import org.copconnector.connector.demo.DemoSamples.ReplySample;
import org.copconnector.connector.demo.DemoSamples.RoundSample;
import org.copconnector.connector.demo.DemoSamples.SurveySample;
import org.copconnector.connector.demo.DemoSamples.ThreadSample;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.community.Membership;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionRequests.NewReply;
import org.copconnector.plugin.discussion.DiscussionRequests.NewThread;
import org.copconnector.plugin.discussion.DiscussionThread;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.copconnector.plugin.prompt.Reflections;
import org.copconnector.plugin.resource.NewResource;
import org.copconnector.plugin.resource.Resource;
import org.copconnector.plugin.resource.Uploads;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.survey.Survey;
import org.copconnector.plugin.survey.Surveys;

/**
 * Writes sample communities as their people would, one step after the other, through the product's
 * own services (the API's rules, notifications and mirroring included) at moments of the past
 * weeks. Stops between two steps when asked.
 */
final class SampleWriter {

  private static final double HOURS = 1.0 / 24;
  private static final Object PROMPTS = new Object();

  private final DemoSchools schools;
  private final SampleContent.Services services;
  private final SampleClock clock;
  private final BooleanSupplier stopping;
  private int communities;
  private int posts;
  private int answers;
  private int files;

  SampleWriter(
      DemoSchools schools,
      SampleContent.Services services,
      SampleClock clock,
      BooleanSupplier stopping) {
    this.schools = schools;
    this.services = services;
    this.clock = clock;
    this.stopping = stopping;
  }

  SampleContent.Written written() {
    return new SampleContent.Written(communities, posts, answers, files);
  }

  void community(CommunitySample sample) {
    clock.daysAgo(sample.startedDaysAgo());
    Session facilitator = as(sample.facilitator(), sample.course());
    Community community =
        services
            .communities()
            .create(
                facilitator,
                new NewCommunity(
                    sample.name(),
                    sample.domain(),
                    sample.profile(),
                    sample.joining(),
                    List.of(sample.course())));
    communities++;
    people(sample, community.id(), facilitator);
    if (sample.forum()) {
      // The forum of the course's groups, as a facilitator would choose it on the community page.
      services.communities().forums(facilitator, community.id(), sample.course()).stream()
          .filter(forum -> forum.warning() == null)
          .findFirst()
          .ifPresent(
              forum ->
                  services
                      .communities()
                      .chooseForum(facilitator, community.id(), sample.course(), forum.id()));
    }
    for (ThreadSample thread : sample.threads()) {
      thread(sample.course(), community.id(), facilitator, thread);
    }
    if (sample.prompt() != null) {
      prompt(sample.course(), community.id(), sample.prompt());
    }
    if (sample.survey() != null) {
      survey(sample.course(), community.id(), sample.survey());
    }
    for (FileSample file : sample.bank()) {
      file(sample.course(), community.id(), file);
    }
  }

  /** Members join (let in by the facilitator where joining is by request); some only ask. */
  private void people(CommunitySample sample, String id, Session facilitator) {
    double at = sample.startedDaysAgo() - 2 * HOURS;
    for (String member : sample.members()) {
      clock.daysAgo(at -= HOURS);
      Membership joined = services.communities().join(as(member, sample.course()), id);
      if (!joined.active()) {
        services.communities().approve(facilitator, id, member);
      }
    }
    for (String asking : sample.requests()) {
      clock.daysAgo(at -= HOURS);
      services.communities().join(as(asking, sample.course()), id);
    }
    for (String coFacilitator : sample.coFacilitators()) {
      services.communities().setRole(facilitator, id, coFacilitator, Membership.Role.FACILITATOR);
    }
  }

  private void thread(String course, String communityId, Session facilitator, ThreadSample sample) {
    clock.daysAgo(sample.daysAgo());
    DiscussionThread thread =
        services
            .discussions()
            .start(
                as(sample.author(), course),
                new NewThread(communityId, sample.title(), html(sample.body())));
    posts++;
    if (sample.pinned()) {
      services.discussions().pin(facilitator, thread.id(), true);
    }
    replies(course, thread.id(), null, sample.replies(), sample.daysAgo());
  }

  /** Replies a few hours apart after {@code daysAgo}; returns when the last was written. */
  private double replies(
      String course, String threadId, String parentId, List<ReplySample> replies, double daysAgo) {
    List<String> written = new ArrayList<>();
    double at = daysAgo;
    for (ReplySample reply : replies) {
      clock.daysAgo(at -= 5 * HOURS);
      String parent = reply.to() == null ? parentId : written.get(reply.to());
      String postId =
          services
              .discussions()
              .reply(
                  as(reply.author(), course),
                  threadId,
                  new NewReply(html(reply.body()), parent, null))
              .id();
      written.add(postId);
      posts++;
      for (String helped : reply.helpedBy()) {
        services.discussions().helped(as(helped, course), postId, true);
      }
    }
    return at;
  }

  private void prompt(String course, String communityId, PromptSample sample) {
    clock.daysAgo(sample.daysAgo());
    Session facilitator = as(sample.author(), course);
    PromptSchedules.NewSchedule openNow =
        new PromptSchedules.NewSchedule(
            communityId,
            sample.title(),
            sample.body(),
            null,
            null,
            null,
            null,
            sample.openDays(),
            null,
            false,
            true);
    // Scheduling opens every due prompt: one writer at a time, so each prompt opens at its own
    // writer's moment, not at another's.
    synchronized (PROMPTS) {
      services.prompts().schedule(facilitator, openNow);
    }
    String threadId =
        services.dialogue().community(facilitator, communityId).stream()
            .filter(row -> row.title().equals(sample.title()))
            .reduce((first, last) -> last)
            .orElseThrow(() -> new IllegalStateException("prompt not opened: " + sample.title()))
            .threadId();
    double at = sample.daysAgo();
    for (AnswerSample answer : sample.answers()) {
      clock.daysAgo(at -= 7 * HOURS);
      Reflections.Reflection shared =
          services
              .reflections()
              .write(
                  as(answer.author(), course),
                  new Reflections.NewReflection(threadId, html(answer.body()), true, null));
      answers++;
      at = replies(course, threadId, shared.postId(), answer.replies(), at);
    }
  }

  private void survey(String course, String communityId, SurveySample sample) {
    Session facilitator = as(sample.author(), course);
    int firstOpening = sample.rounds().stream().mapToInt(RoundSample::opensDaysAgo).max().orElse(1);
    clock.daysAgo(firstOpening + 1);
    Survey survey =
        services
            .surveys()
            .create(
                facilitator,
                new Surveys.NewSurvey(
                    communityId, Survey.Template.CUSTOM, sample.title(), sample.items()));
    for (RoundSample round : sample.rounds()) {
      clock.daysAgo(round.opensDaysAgo());
      survey =
          services
              .surveys()
              .openRound(
                  facilitator,
                  survey.id(),
                  new Surveys.NewRound(
                      clock.instant(),
                      round.closesInDays() != null
                          ? clock.daysAhead(round.closesInDays())
                          : clock.daysBefore(round.closesDaysAgo()),
                      null));
      // Rounds are listed by opening; the samples open them in that order.
      String roundId = survey.rounds().get(survey.rounds().size() - 1).id();
      double at = round.opensDaysAgo();
      for (Map.Entry<String, List<Integer>> answer : round.answers().entrySet()) {
        clock.daysAgo(at -= 6 * HOURS);
        services
            .surveys()
            .answer(
                as(answer.getKey(), course),
                survey.id(),
                roundId,
                new Surveys.Answers(answer.getValue()));
      }
    }
  }

  private void file(String course, String communityId, FileSample sample) {
    clock.daysAgo(sample.daysAgo());
    Session author = as(sample.author(), course);
    byte[] content =
        sample.file().endsWith(".odt")
            ? OpenDocumentText.of(sample.text())
            : sample.text().getBytes(StandardCharsets.UTF_8);
    Uploads.Received upload =
        services
            .uploads()
            .receive(author, new ByteArrayInputStream(content), sample.file(), content.length);
    Resource resource =
        services
            .bank()
            .create(
                author,
                new NewResource(
                    communityId,
                    upload.uploadId(),
                    null,
                    sample.title(),
                    sample.description(),
                    sample.kind(),
                    sample.subjects(),
                    sample.cycles(),
                    sample.language(),
                    null,
                    sample.tags(),
                    null,
                    null,
                    null));
    files++;
    double at = sample.daysAgo();
    for (DemoSamples.UseSample use : sample.uses()) {
      clock.daysAgo(at -= 6 * HOURS);
      services.bank().used(as(use.by(), course), resource.id(), use.note());
    }
    for (Map.Entry<String, Integer> rating : sample.ratings().entrySet()) {
      clock.daysAgo(at -= 3 * HOURS);
      services.bank().rate(as(rating.getKey(), course), resource.id(), rating.getValue());
    }
    for (DemoSamples.CommentSample comment : sample.comments()) {
      clock.daysAgo(at -= 4 * HOURS);
      services.bank().comment(as(comment.by(), course), resource.id(), comment.text());
    }
  }

  /** A demo person signed in from the course, as {@code /demo/enter} would sign them in. */
  private Session as(String personId, String courseId) {
    if (stopping.getAsBoolean()) {
      throw new CancellationException("the demo is stopping");
    }
    DemoSchools.Person person = schools.person(personId);
    DemoSchools.Course course = schools.course(courseId);
    if (person == null || course == null || !person.courses().containsKey(courseId)) {
      throw new IllegalStateException(
          "the demo samples name " + personId + ", who is not in course " + courseId);
    }
    return DemoResource.session(person, course, person.locale());
  }

  /** Paragraphs of plain text as the HTML a post holds. */
  private static String html(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.split("\n\\s*\n")) {
      html.append("<p>").append(SafeHtml.escape(paragraph.strip())).append("</p>");
    }
    return html.toString();
  }
}
