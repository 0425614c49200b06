package org.copconnector.plugin.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.copconnector.plugin.i18n.Translations;
import org.junit.jupiter.api.Test;

/** Every count and percentage of the descriptive table, from known answer counts. */
class SurveyReportTest {

  private static final List<Survey.Statement> TEXTS =
      List.of(
          new Survey.Statement(1, null, "First statement"),
          new Survey.Statement(2, null, "Second statement"),
          new Survey.Statement(3, null, "Third"));
  private static final Translations ENGLISH = Translations.in("en");

  @Test
  void countsPercentagesPositiveAgreementAndSkipsAreExact() {
    int[][] counts = {{1, 2, 3, 4, 5}, {0, 0, 1, 1, 1}, {0, 0, 0, 0, 0}};
    SurveyReport report = SurveyReport.of("s", "r", 16, 3, TEXTS, counts, null, ENGLISH);
    assertTrue(report.shown());
    SurveyReport.Item first = report.items().get(0);
    assertEquals(15, first.answered());
    assertEquals(1, first.skipped());
    assertEquals(List.of(1, 2, 3, 4, 5), first.counts());
    assertEquals(Arrays.asList(6.7, 13.3, 20.0, 26.7, 33.3), first.percents());
    assertEquals(9, first.positiveCount());
    assertEquals(60.0, first.positivePercent());
    assertNull(first.change(), "no previous round");
    SurveyReport.Item second = report.items().get(1);
    assertEquals(3, second.answered());
    assertEquals(13, second.skipped());
    assertEquals(Arrays.asList(0.0, 0.0, 33.3, 33.3, 33.3), second.percents());
    assertEquals(66.7, second.positivePercent(), "from the exact 2/3, not from summed roundings");
    SurveyReport.Item third = report.items().get(2);
    assertEquals(0, third.answered());
    assertEquals(16, third.skipped());
    assertEquals(Arrays.asList(null, null, null, null, null), third.percents());
    assertNull(third.positivePercent());
  }

  @Test
  void halvesRoundUpAndChangeIsAgainstThePreviousShownRound() {
    int[][] before = {{1, 2, 3, 3, 3}, {1, 1, 1, 0, 0}, {0, 0, 0, 0, 0}};
    SurveyReport previous = SurveyReport.of("s", "r0", 12, 3, TEXTS, before, null, ENGLISH);
    int[][] now = {{1, 2, 3, 4, 5}, {0, 0, 1, 1, 1}, {15, 1, 0, 0, 0}};
    SurveyReport report = SurveyReport.of("s", "r1", 16, 3, TEXTS, now, previous, ENGLISH);
    assertEquals(10.0, report.items().get(0).change(), "60.0 now, 50.0 before");
    assertEquals(66.7, report.items().get(1).change(), "66.67 now, 0 before");
    assertNull(report.items().get(2).change(), "nobody answered it before");
    assertEquals(6.3, report.items().get(2).percents().get(1), "1/16 = 6.25 rounds half up");
    assertEquals(93.8, report.items().get(2).percents().get(0), "15/16 = 93.75");
    assertEquals(12.5, SurveyReport.percent(1, 8));
  }

  @Test
  void belowTheMinimumNothingButTheFactIsShown() {
    int[][] counts = {{0, 0, 0, 1, 1}, {0, 0, 0, 0, 2}, {0, 0, 0, 0, 0}};
    SurveyReport report = SurveyReport.of("s", "r", 2, 3, TEXTS, counts, null, ENGLISH);
    assertFalse(report.shown());
    assertTrue(report.items().isEmpty());
    assertTrue(report.reason().contains("at least 3 people"), report.reason());
    assertTrue(
        SurveyReport.of("s", "r", 2, 3, TEXTS, counts, null, Translations.in("pt"))
            .reason()
            .contains("pelo menos 3 pessoas"),
        "in the reader's language");
  }
}
