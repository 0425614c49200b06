package org.copconnector.plugin.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.i18n.Translations;

/**
 * The descriptive table such studies publish: per item, the count and percentage of each scale
 * point over those who answered the item (one decimal), positive agreement (agree + totally agree),
 * answered and skipped, and the change since the previous round. Below the minimum number of
 * respondents nothing but that fact is shown.
 */
public record SurveyReport(
    String surveyId,
    String roundId,
    int respondents,
    int minRespondents,
    boolean shown,
    String reason,
    List<String> scale,
    List<Item> items) {

  /** The five points of the agreement scale, from 1 to 5. */
  public static final List<String> SCALE =
      List.of(
          "totally_disagree", "disagree", "neither_agree_nor_disagree", "agree", "totally_agree");

  /**
   * One statement's row; {@code key} names a built-in statement's string in the bundles (else
   * null). {@code change} is in percentage points of positive agreement.
   */
  public record Item(
      int position,
      String key,
      String text,
      int answered,
      int skipped,
      List<Integer> counts,
      List<Double> percents,
      int positiveCount,
      Double positivePercent,
      Double change) {}

  /**
   * Builds the report from the answer counts ({@code counts[item][point]}, points 0..4) for a
   * reader, in their language; {@code previous} is the previous round's shown report, or null.
   */
  static SurveyReport of(
      String surveyId,
      String roundId,
      int respondents,
      int minRespondents,
      List<Survey.Statement> statements,
      int[][] counts,
      SurveyReport previous,
      Translations reader) {
    if (respondents < minRespondents) {
      return new SurveyReport(
          surveyId,
          roundId,
          respondents,
          minRespondents,
          false,
          reader.text("survey.report.tooFew", Map.of("minimum", minRespondents)),
          SCALE,
          List.of());
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      int answered = 0;
      for (int c : counts[i]) {
        answered += c;
      }
      List<Integer> itemCounts = new ArrayList<>();
      List<Double> percents = new ArrayList<>();
      for (int point = 0; point < 5; point++) {
        itemCounts.add(counts[i][point]);
        percents.add(answered == 0 ? null : percent(counts[i][point], answered));
      }
      int positive = counts[i][3] + counts[i][4];
      Double positivePercent = answered == 0 ? null : percent(positive, answered);
      Double change = null;
      if (previous != null && previous.shown() && i < previous.items().size()) {
        Item before = previous.items().get(i);
        if (answered > 0 && before.answered() > 0) {
          BigDecimal now = exact(positive, answered);
          BigDecimal then = exact(before.positiveCount(), before.answered());
          change = now.subtract(then).setScale(1, RoundingMode.HALF_UP).doubleValue();
        }
      }
      items.add(
          new Item(
              i + 1,
              statements.get(i).key(),
              statements.get(i).text(),
              answered,
              respondents - answered,
              itemCounts,
              percents,
              positive,
              positivePercent,
              change));
    }
    return new SurveyReport(
        surveyId, roundId, respondents, minRespondents, true, null, SCALE, items);
  }

  /** count / total as a percentage with one decimal, rounded half up from the exact value. */
  static double percent(int count, int total) {
    return exact(count, total).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  private static BigDecimal exact(int count, int total) {
    return BigDecimal.valueOf(count)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_UP);
  }
}
