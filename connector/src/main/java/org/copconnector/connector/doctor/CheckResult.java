package org.copconnector.connector.doctor;

/** The outcome of one doctor check; {@code fix} says what to do when it did not pass. */
public record CheckResult(String name, Outcome outcome, String detail, String fix) {

  /** Passed, failed, or not run because an earlier check failed. */
  public enum Outcome {
    PASS,
    FAIL,
    SKIP
  }

  static CheckResult pass(String name, String detail) {
    return new CheckResult(name, Outcome.PASS, detail, "");
  }

  static CheckResult fail(String name, String detail, String fix) {
    return new CheckResult(name, Outcome.FAIL, detail, fix);
  }

  static CheckResult skip(String name, String why) {
    return new CheckResult(name, Outcome.SKIP, why, "");
  }
}
