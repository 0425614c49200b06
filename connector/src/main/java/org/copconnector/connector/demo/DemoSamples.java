package org.copconnector.connector.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.community.Community;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.resource.Resource;

/**
 * What the demo schools hold when the demo starts: communities with their discussions, an opened
 * prompt with answers, a survey with rounds and a resource bank. Times are days before the start.
 */
public record DemoSamples(List<CommunitySample> communities) {

  public DemoSamples {
    communities = orEmpty(communities);
  }

  /** A community of one demo course and everything written in it. */
  public record CommunitySample(
      String course,
      String name,
      String domain,
      Community.Profile profile,
      Community.Joining joining,
      String facilitator,
      List<String> coFacilitators,
      List<String> members,
      List<String> requests,
      double startedDaysAgo,
      boolean forum,
      List<ThreadSample> threads,
      PromptSample prompt,
      SurveySample survey,
      List<FileSample> bank) {

    public CommunitySample {
      coFacilitators = orEmpty(coFacilitators);
      members = orEmpty(members);
      requests = orEmpty(requests);
      threads = orEmpty(threads);
      bank = orEmpty(bank);
    }
  }

  /** A thread and its replies (written a few hours apart). */
  public record ThreadSample(
      String author,
      double daysAgo,
      boolean pinned,
      String title,
      String body,
      List<ReplySample> replies) {

    public ThreadSample {
      replies = orEmpty(replies);
    }
  }

  /**
   * A reply; {@code to} is the position of the earlier reply it answers (none: the thread's first
   * post, or the prompt answer it follows). {@code helpedBy} said "this helped me".
   */
  public record ReplySample(String author, Integer to, String body, List<String> helpedBy) {

    public ReplySample {
      helpedBy = orEmpty(helpedBy);
    }
  }

  /** A prompt opened at once by a facilitator, and the answers shared in its thread. */
  public record PromptSample(
      String author,
      double daysAgo,
      int openDays,
      String title,
      String body,
      List<AnswerSample> answers) {

    public PromptSample {
      answers = orEmpty(answers);
    }
  }

  /** A shared answer to the prompt and the conversation that followed it. */
  public record AnswerSample(String author, String body, List<ReplySample> replies) {

    public AnswerSample {
      replies = orEmpty(replies);
    }
  }

  /** A survey of the facilitator's own statements and its rounds. */
  public record SurveySample(
      String author, String title, List<String> items, List<RoundSample> rounds) {

    public SurveySample {
      items = orEmpty(items);
      rounds = orEmpty(rounds);
    }
  }

  /**
   * A round: it opened some days ago and closed ({@code closesDaysAgo}) or is still open ({@code
   * closesInDays}); each respondent's agreements, item by item.
   */
  public record RoundSample(
      int opensDaysAgo,
      Integer closesDaysAgo,
      Integer closesInDays,
      Map<String, List<Integer>> answers) {

    public RoundSample {
      answers = answers == null ? Map.of() : answers;
    }
  }

  /**
   * A file of the bank: {@code text} is its content (an OpenDocument text's lines for {@code
   * .odt}), with what colleagues did with it.
   */
  public record FileSample(
      String author,
      double daysAgo,
      String file,
      Resource.Kind kind,
      String title,
      String description,
      List<String> subjects,
      List<String> cycles,
      String language,
      List<String> tags,
      String text,
      Map<String, Integer> ratings,
      List<UseSample> uses,
      List<CommentSample> comments) {

    public FileSample {
      subjects = orEmpty(subjects);
      cycles = orEmpty(cycles);
      tags = orEmpty(tags);
      ratings = ratings == null ? Map.of() : ratings;
      uses = orEmpty(uses);
      comments = orEmpty(comments);
    }
  }

  /** "I used this in class", with a note. */
  public record UseSample(String by, String note) {}

  /** A comment on a file of the bank. */
  public record CommentSample(String by, String text) {}

  /** The sample content shipped with the connector. */
  public static DemoSamples load() {
    try (Reader reader =
        new InputStreamReader(
            DemoSamples.class.getResourceAsStream("/demo/samples.json"), StandardCharsets.UTF_8)) {
      // Strict: a misspelt field in the samples fails every demo start (and its test), not
      // silently.
      return Json.strict().fromJson(reader, DemoSamples.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo's sample content", e);
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
