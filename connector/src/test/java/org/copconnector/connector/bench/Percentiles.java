package org.copconnector.connector.bench;

import java.util.Arrays;

/** Percentiles of a set of timings, nearest-rank. */
final class Percentiles {

  private final double[] sorted;

  Percentiles(double[] values) {
    sorted = values.clone();
    Arrays.sort(sorted);
  }

  double at(double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  String summary(String unit) {
    return String.format(
        "p50 %.2f %s, p95 %.2f %s, p99 %.2f %s, max %.2f %s (n=%d)",
        at(50), unit, at(95), unit, at(99), unit, sorted[sorted.length - 1], unit, sorted.length);
  }
}
