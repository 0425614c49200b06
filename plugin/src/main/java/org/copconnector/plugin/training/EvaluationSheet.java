package org.copconnector.plugin.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of a training action: per trainee the attendance figures, whether the final
 * reflection is in, the marks, the final grade and its mention (absent until graded). Trainers and
 * administrators see every trainee and the corrections made after closing; a trainee their own row.
 */
public record EvaluationSheet(
    EvaluationPolicy policy, long minimumMinutes, List<Row> rows, List<Correction> corrections) {

  /** One trainee; {@code attendedHours} as exact decimal text ("22.5"). */
  public record Row(
      String userId,
      String name,
      long attendedMinutes,
      String attendedHours,
      BigDecimal percent,
      AttendanceSummary.State state,
      boolean finalReflection,
      Map<String, BigDecimal> marks,
      BigDecimal grade,
      String mention,
      String comment,
      Instant gradedAt,
      Gradebook gradebook) {

    boolean graded() {
      return grade != null;
    }
  }

  /**
   * Whether the last grade reached the LMS's gradebook: {@code pending}, {@code in_gradebook},
   * {@code waiting} (for the LMS to say where its gradebook is) or {@code failed}; {@code failure}
   * names why the last attempt did not succeed ({@code delivery.failure.<failure>}). Trainers only.
   */
  public record Gradebook(String state, String failure) {}

  /**
   * What an administrator changed in the closed action, who and when: {@code what} in plain words;
   * the parts for a page to say it in the reader's language: {@code kind} ("grade" or
   * "attendance"), whose record, the session of an attendance mark, the state before and after
   * ({@code grade} and {@code mention}; {@code status}, {@code lateMinutes} and {@code note};
   * before is absent when there was none), and why. Corrections logged before these parts were kept
   * have only {@code what}.
   */
  public record Correction(
      String what,
      String madeBy,
      Instant madeAt,
      String madeByName,
      String kind,
      String userId,
      String name,
      String sessionId,
      Instant sessionStartsAt,
      Map<String, String> before,
      Map<String, String> after,
      String reason) {}
}
