package org.copconnector.connector.doctor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one doctor check. {@code detail} and {@code fix} are English; {@code reason} is a
 * stable key for why it failed or was skipped (empty when it passed without remark) and {@code
 * params} hold the values the text names (a function, a capability…), so a page can say the same in
 * another language.
 */
public record CheckResult(
    Check check,
    Outcome outcome,
    String detail,
    String fix,
    String reason,
    Map<String, String> params) {

  /** Passed, failed, or not run because an earlier check failed. */
  public enum Outcome {
    PASS,
    FAIL,
    SKIP
  }

  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(outcome, "outcome");
    fix = fix == null ? "" : fix;
    reason = reason == null ? "" : reason;
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The English title, as the command line prints it. */
  public String name() {
    return check.title();
  }

  /** The check's stable id. */
  public String id() {
    return check.id();
  }

  static CheckResult pass(Check check, String detail) {
    return new CheckResult(check, Outcome.PASS, detail, "", "", Map.of());
  }

  static CheckResult fail(Check check, String reason, String detail, String fix) {
    return new CheckResult(check, Outcome.FAIL, detail, fix, reason, Map.of());
  }

  static CheckResult skip(Check check, String reason, String why) {
    return new CheckResult(check, Outcome.SKIP, why, "", reason, Map.of());
  }

  /** The same result naming one more value; a null value is left out. */
  CheckResult with(String param, Object value) {
    if (value == null) {
      return this;
    }
    Map<String, String> more = new LinkedHashMap<>(params);
    more.put(param, String.valueOf(value));
    return new CheckResult(check, outcome, detail, fix, reason, more);
  }
}
