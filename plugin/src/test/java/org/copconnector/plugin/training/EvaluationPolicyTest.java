package org.copconnector.plugin.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.copconnector.plugin.web.ApiException;
import org.junit.jupiter.api.Test;

/** Final grades against hand-worked values, at the mention boundaries too. */
class EvaluationPolicyTest {

  private static final EvaluationPolicy PT = EvaluationPolicy.portuguese();

  private static EvaluationPolicy.Result grade(
      EvaluationPolicy policy, String participation, String work, String reflection) {
    return policy.grade(
        Map.of(
            "participation", new BigDecimal(participation),
            "work", new BigDecimal(work),
            "final_reflection", new BigDecimal(reflection)));
  }

  private static void assertGrade(String grade, String mention, EvaluationPolicy.Result result) {
    assertEquals(new BigDecimal(grade), result.grade());
    assertEquals(mention, result.mention());
  }

  @Test
  void theWeightedMeanIsRoundedHalfUpFromItsExactValue() {
    // 30 x 8.5 + 40 x 8.9 + 30 x 9.3 = 255 + 356 + 279 = 890; / 100 = 8.90
    assertGrade("8.9", "very_good", grade(PT, "8.5", "8.9", "9.3"));
    // 8.15 in binary floating point is 8.1499…, which would round down to 8.1.
    assertGrade("8.2", "very_good", grade(PT, "8.15", "8.15", "8.15"));
    // 30 x 7 + 40 x 6 + 30 x 9 = 720 → 7.2
    assertGrade("7.2", "good", grade(PT, "7", "6", "9"));
  }

  @Test
  void mentionsFollowTheRoundedGradeAtEveryBoundary() {
    assertGrade("9.0", "excellent", grade(PT, "8.95", "8.95", "8.95"));
    assertGrade("8.9", "very_good", grade(PT, "8.94", "8.94", "8.94"));
    assertGrade("8.0", "very_good", grade(PT, "7.95", "7.95", "7.95"));
    assertGrade("7.9", "good", grade(PT, "7.94", "7.94", "7.94"));
    assertGrade("6.5", "good", grade(PT, "6.45", "6.45", "6.45"));
    assertGrade("6.4", "fair", grade(PT, "6.44", "6.44", "6.44"));
    assertGrade("5.0", "fair", grade(PT, "4.95", "4.95", "4.95"));
    assertGrade("4.9", "insufficient", grade(PT, "4.94", "4.94", "4.94"));
    assertGrade("10.0", "excellent", grade(PT, "10", "10", "10"));
    assertGrade("1.0", "insufficient", grade(PT, "1", "1", "1"));
  }

  @Test
  void aMeanThatDoesNotEndIsRoundedFromItsExactValue() {
    EvaluationPolicy even =
        new EvaluationPolicy(
            null,
            null,
            1,
            null,
            List.of(
                new EvaluationPolicy.Criterion("participation", 1),
                new EvaluationPolicy.Criterion("work", 1),
                new EvaluationPolicy.Criterion("final_reflection", 1)));
    // 22 / 3 = 7.333…
    assertGrade("7.3", "good", grade(even, "7", "7", "8"));
    // 19.4 / 3 = 6.4666…
    assertGrade("6.5", "good", grade(even, "6.5", "6.5", "6.4"));
    // 19.35 / 3 = 6.45 exactly: half up
    assertGrade("6.5", "good", grade(even, "6.45", "6.45", "6.45"));
  }

  @Test
  void marksMustBeThereOnTheScaleAndOfTheCriteria() {
    assertThrows(ApiException.class, () -> grade(PT, "10.5", "8", "8"));
    assertThrows(ApiException.class, () -> grade(PT, "0.9", "8", "8"));
    assertThrows(ApiException.class, () -> grade(PT, "8.125", "8", "8"));
    assertThrows(
        ApiException.class,
        () -> PT.grade(Map.of("participation", BigDecimal.TEN, "work", BigDecimal.TEN)));
    assertThrows(
        ApiException.class,
        () ->
            PT.grade(
                Map.of(
                    "participation", BigDecimal.TEN,
                    "work", BigDecimal.TEN,
                    "final_reflection", BigDecimal.TEN,
                    "charm", BigDecimal.TEN)));
  }

  @Test
  void aPolicyWithoutAMentionForTheStartOfItsScaleIsRefused() {
    assertThrows(
        ApiException.class,
        () ->
            new EvaluationPolicy(
                null,
                null,
                null,
                List.of(new EvaluationPolicy.Mention("pass", new BigDecimal("5"))),
                null));
  }

  @Test
  void twoThirdsOfTheJointHoursAreComparedExactly() {
    AttendanceRule rule = AttendanceRule.twoThirds();
    long joint = 25 * 60;
    assertEquals(1000, rule.minimumMinutes(joint));
    assertTrue(rule.met(1000, joint));
    assertFalse(rule.met(999, joint));
    assertEquals(67, rule.minimumMinutes(100));
    assertFalse(rule.met(66, 100));
    assertTrue(rule.met(67, 100));
  }
}
