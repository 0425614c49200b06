package org.copconnector.connector.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.copconnector.connector.doctor.Check;
import org.copconnector.connector.doctor.CheckResult;
import org.copconnector.connector.doctor.CheckResult.Outcome;

/**
 * The doctor's checklist for the running connector: a run takes seconds against a live Moodle, so
 * its report is kept for a while and shared; one run at a time.
 */
public final class Checkup {

  /** One run's checklist; {@code ok} when every check passed. */
  public record Report(
      boolean demo,
      Instant ranAt,
      long durationMillis,
      boolean ok,
      int passed,
      int failed,
      int skipped,
      List<Item> checks) {}

  /**
   * One check. {@code ok} only when it passed; {@code outcome} is {@code pass}, {@code fail} or
   * {@code skip}. Pages translate by {@code id} and {@code reason} with {@code params}; {@code
   * title}, {@code detail} and {@code fix} are the English text.
   */
  public record Item(
      String id,
      boolean ok,
      String outcome,
      String title,
      String detail,
      String fix,
      String reason,
      Map<String, String> params) {}

  private final Supplier<List<CheckResult>> checklist;
  private final boolean demo;
  private final Clock clock;
  private final Duration freshFor;
  private Report last;

  /**
   * @param checklist runs the checks ({@code Doctor::run})
   * @param freshFor how long a report is answered before the checks run again
   */
  public Checkup(
      Supplier<List<CheckResult>> checklist, boolean demo, Clock clock, Duration freshFor) {
    this.checklist = checklist;
    this.demo = demo;
    this.clock = clock;
    this.freshFor = freshFor;
  }

  /** The demo has no set-up to check: every check passes, said to be the demo's. */
  public static Supplier<List<CheckResult>> demoChecklist() {
    List<CheckResult> all =
        Arrays.stream(Check.values())
            .map(
                check ->
                    new CheckResult(
                        check,
                        Outcome.PASS,
                        "demo mode: the demo schools need no set-up",
                        "",
                        "demo",
                        Map.of()))
            .toList();
    return () -> all;
  }

  /** The latest report while it is fresh, otherwise a new run's. */
  public synchronized Report latest() {
    if (last != null && !Instant.now(clock).isAfter(last.ranAt().plus(freshFor))) {
      return last;
    }
    return run();
  }

  /**
   * A run that starts now, or one that started since this was asked (two administrators asking at
   * once share one run).
   */
  public Report runNow() {
    Instant asked = Instant.now(clock);
    synchronized (this) {
      if (last != null && !last.ranAt().isBefore(asked)) {
        return last;
      }
      return run();
    }
  }

  private Report run() {
    Instant started = Instant.now(clock);
    long startedNanos = System.nanoTime();
    List<Item> items = checklist.get().stream().map(Checkup::item).toList();
    last =
        new Report(
            demo,
            started,
            (System.nanoTime() - startedNanos) / 1_000_000,
            items.stream().allMatch(Item::ok),
            count(items, Outcome.PASS),
            count(items, Outcome.FAIL),
            count(items, Outcome.SKIP),
            items);
    return last;
  }

  private static int count(List<Item> items, Outcome outcome) {
    String name = outcome.name().toLowerCase(Locale.ROOT);
    return (int) items.stream().filter(i -> i.outcome().equals(name)).count();
  }

  private static Item item(CheckResult r) {
    return new Item(
        r.id(),
        r.outcome() == Outcome.PASS,
        r.outcome().name().toLowerCase(Locale.ROOT),
        r.name(),
        r.detail(),
        r.fix(),
        r.reason(),
        r.params());
  }
}
