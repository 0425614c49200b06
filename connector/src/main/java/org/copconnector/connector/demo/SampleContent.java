package org.copconnector.connector.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.copconnector.connector.demo.DemoSamples.CommunitySample;
import org.copconnector.plugin.community.Communities;
import org.copconnector.plugin.discussion.Discussions;
import org.copconnector.plugin.prompt.Dialogue;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.copconnector.plugin.prompt.Reflections;
import org.copconnector.plugin.resource.Resources;
import org.copconnector.plugin.resource.Uploads;
import org.copconnector.plugin.survey.Surveys;

/**
 * The demo's sample content being written, in the background once the server answers: its people's
 * communities, discussions, prompt answers, surveys and bank files (see {@link SampleWriter}).
 */
public final class SampleContent implements AutoCloseable {

  /** The services the content goes through, all on the same clock. */
  public record Services(
      Communities communities,
      Discussions discussions,
      PromptSchedules prompts,
      Reflections reflections,
      Dialogue dialogue,
      Surveys surveys,
      Uploads uploads,
      Resources bank) {}

  /** How much was written, for the log. */
  public record Written(int communities, int posts, int answers, int files) {

    Written plus(Written other) {
      return new Written(
          communities + other.communities,
          posts + other.posts,
          answers + other.answers,
          files + other.files);
    }
  }

  /** Communities are written side by side: they are independent, and start-up has two cores. */
  private static final int WRITERS = 2;

  /** A step takes milliseconds; this only bounds a stop that something holds up. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final ExecutorService writers;
  private final CompletableFuture<Written> written;
  private volatile boolean stopping;

  private SampleContent(
      DemoSchools schools, DemoSamples samples, Function<Clock, Services> wiredOn) {
    writers =
        Executors.newFixedThreadPool(
            WRITERS,
            r -> {
              Thread t = new Thread(r, "demo-samples");
              t.setDaemon(true);
              return t;
            });
    Instant start = Instant.now();
    Queue<CommunitySample> waiting = new ConcurrentLinkedQueue<>(samples.communities());
    List<CompletableFuture<Written>> runs = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      runs.add(
          CompletableFuture.supplyAsync(
              () -> {
                // Each writer has its own clock, so their moments do not mix.
                SampleClock clock = new SampleClock(start);
                SampleWriter writer =
                    new SampleWriter(schools, wiredOn.apply(clock), clock, () -> stopping);
                for (CommunitySample next; (next = waiting.poll()) != null; ) {
                  writer.community(next);
                }
                return writer.written();
              },
              writers));
    }
    CompletableFuture<Written> total = CompletableFuture.completedFuture(new Written(0, 0, 0, 0));
    for (CompletableFuture<Written> run : runs) {
      total = total.thenCombine(run, Written::plus);
    }
    written = total;
    writers.shutdown();
  }

  /**
   * Starts writing the samples through the services {@code wiredOn} makes: the product's services
   * over the demo's database and files, running on the clock given (the samples' moments in the
   * past).
   */
  public static SampleContent start(
      DemoSchools schools, DemoSamples samples, Function<Clock, Services> wiredOn) {
    return new SampleContent(schools, samples, wiredOn);
  }

  /** Completes when everything is written, or with what stopped it. */
  public CompletableFuture<Written> written() {
    return written;
  }

  /** Stops the writers after their current step and waits for them (the demo is stopping). */
  @Override
  public void close() {
    stopping = true;
    try {
      if (!writers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        writers.shutdownNow();
      }
    } catch (InterruptedException e) {
      writers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
