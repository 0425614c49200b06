package org.copconnector.plugin.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.json.Range;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * How a training action's trainees are evaluated: a scale, the decimals a final grade keeps
 * (rounded half up), the mentions that name ranges of it and the weighted criteria it is made of.
 * The defaults are those of accredited continuous training in Portugal; every part can be changed.
 */
public record EvaluationPolicy(
    @Range(min = 0, max = 1000) BigDecimal scaleMin,
    @Range(min = 1, max = 1000) BigDecimal scaleMax,
    @Range(min = 0, max = 2) Integer decimals,
    List<Mention> mentions,
    List<Criterion> criteria) {

  /**
   * A mention given from {@code from} up to the next one: a built-in name ({@code excellent},
   * translated on the pages) or a trainer's own words.
   */
  public record Mention(
      @Length(min = 1, max = 40) String name, @Range(min = 0, max = 1000) BigDecimal from) {}

  /** A part of the evaluation and its weight against the others. */
  public record Criterion(
      @Length(min = 1, max = 40) String name, @Range(min = 1, max = 100) Integer weight) {}

  /** A final grade and its mention. */
  public record Result(BigDecimal grade, String mention) {}

  static final int MAX_PARTS = 10;

  private static final List<Mention> PORTUGUESE_MENTIONS =
      List.of(
          new Mention("excellent", new BigDecimal("9")),
          new Mention("very_good", new BigDecimal("8")),
          new Mention("good", new BigDecimal("6.5")),
          new Mention("fair", new BigDecimal("5")),
          new Mention("insufficient", BigDecimal.ONE));

  private static final List<Criterion> PORTUGUESE_CRITERIA =
      List.of(
          new Criterion("participation", 30),
          new Criterion("work", 40),
          new Criterion("final_reflection", 30));

  public EvaluationPolicy {
    scaleMin = scaleMin == null ? BigDecimal.ONE : scaleMin;
    scaleMax = scaleMax == null ? BigDecimal.TEN : scaleMax;
    decimals = decimals == null ? 1 : decimals;
    mentions = mentions == null ? PORTUGUESE_MENTIONS : List.copyOf(mentions);
    criteria = criteria == null ? PORTUGUESE_CRITERIA : List.copyOf(criteria);
    // Read from JSON, the declared ranges are checked after this constructor: a scale out of its
    // range is named as such here, before the rules that relate it to the rest.
    inRange("policy.scaleMin", scaleMin, 0);
    inRange("policy.scaleMax", scaleMax, 1);
    BigDecimal low = scaleMin;
    BigDecimal high = scaleMax;
    if (scaleMin.compareTo(scaleMax) >= 0) {
      throw ApiException.invalid(
          Reason.EVALUATION_POLICY, "policy.scaleMax", "the scale ends above where it starts");
    }
    if (mentions.isEmpty()
        || mentions.size() > MAX_PARTS
        || mentions.stream().anyMatch(m -> m == null || m.name() == null || m.from() == null)
        || mentions.stream().noneMatch(m -> m.from().compareTo(low) <= 0)
        || mentions.stream().anyMatch(m -> m.from().compareTo(high) > 0)
        || !distinct(mentions.stream().map(Mention::from).map(BigDecimal::stripTrailingZeros))) {
      throw ApiException.invalid(
          Reason.EVALUATION_POLICY,
          "policy.mentions",
          "1 to "
              + MAX_PARTS
              + " mentions, each from a different point of the scale, the lowest"
              + " from its start");
    }
    if (criteria.isEmpty()
        || criteria.size() > MAX_PARTS
        || criteria.stream().anyMatch(c -> c == null || c.name() == null || c.weight() == null)
        || !distinct(criteria.stream().map(Criterion::name))) {
      throw ApiException.invalid(
          Reason.EVALUATION_POLICY,
          "policy.criteria",
          "1 to " + MAX_PARTS + " criteria with different names and a weight each");
    }
    mentions = mentions.stream().sorted(Comparator.comparing(Mention::from).reversed()).toList();
  }

  /**
   * Accredited continuous training in Portugal: 1 to 10 with one decimal; Excelente 9–10, Muito Bom
   * 8–8.9, Bom 6.5–7.9, Regular 5–6.4, Insuficiente 1–4.9; participation, work produced and the
   * final critical reflection weighed 30/40/30.
   */
  public static EvaluationPolicy portuguese() {
    return new EvaluationPolicy(null, null, null, null, null);
  }

  /**
   * The final grade of these marks (one per criterion, on the scale, at most two decimals): the
   * weighted mean, rounded half up to the policy's decimals from its exact value, and its mention.
   */
  public Result grade(Map<String, BigDecimal> marks) {
    BigDecimal weighted = BigDecimal.ZERO;
    long weights = 0;
    for (Criterion criterion : criteria) {
      BigDecimal mark = marks == null ? null : marks.get(criterion.name());
      String field = "marks." + criterion.name();
      if (mark == null) {
        throw ApiException.invalid(
            Reason.MARK_REQUIRED, field, "a mark for " + criterion.name() + " is required");
      }
      if (mark.compareTo(scaleMin) < 0
          || mark.compareTo(scaleMax) > 0
          || mark.stripTrailingZeros().scale() > 2) {
        throw ApiException.invalid(
            Reason.MARK_RANGE,
            field,
            "a mark from " + scaleMin + " to " + scaleMax + ", with at most two decimals",
            Map.of("min", scaleMin, "max", scaleMax));
      }
      weighted = weighted.add(mark.multiply(BigDecimal.valueOf(criterion.weight())));
      weights += criterion.weight();
    }
    if (marks != null && marks.size() != criteria.size()) {
      String unknown =
          marks.keySet().stream()
              .filter(k -> criteria.stream().noneMatch(c -> c.name().equals(k)))
              .findFirst()
              .orElse("");
      String field = "marks." + unknown;
      throw ApiException.invalid(
          Reason.MARK_UNKNOWN, field, "not a criterion of this action: " + unknown);
    }
    // divide(…, scale, mode) rounds the exact quotient: no intermediate rounding.
    BigDecimal grade = weighted.divide(BigDecimal.valueOf(weights), decimals, RoundingMode.HALF_UP);
    return new Result(grade, mentionOf(grade));
  }

  /** The mention of a final grade: the highest whose start it reaches. */
  public String mentionOf(BigDecimal grade) {
    return mentions.stream()
        .filter(m -> grade.compareTo(m.from()) >= 0)
        .findFirst()
        .orElse(mentions.get(mentions.size() - 1))
        .name();
  }

  private static void inRange(String field, BigDecimal value, int min) {
    if (value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(1000)) > 0) {
      throw ApiException.invalid(
          Reason.NUMBER_RANGE,
          field,
          "a number from " + min + " to 1000",
          Map.of("min", min, "max", 1000));
    }
  }

  private static boolean distinct(java.util.stream.Stream<?> values) {
    Set<Object> seen = new HashSet<>();
    return values.allMatch(seen::add);
  }
}
