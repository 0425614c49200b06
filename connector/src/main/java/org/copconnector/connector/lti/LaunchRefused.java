package org.copconnector.connector.lti;

import java.util.Locale;
import java.util.Map;
import org.copconnector.plugin.i18n.Translations;

/** A launch that failed validation: no session is opened, and the page says what to check. */
public final class LaunchRefused extends Exception {

  /**
   * Why, each with what an administrator or teacher should check: the bundles' {@code
   * lti.refused.<reason>}.
   */
  public enum Reason {
    MISSING_STATE,
    FOREIGN_STATE,
    MALFORMED_TOKEN,
    UNKNOWN_PLATFORM,
    WRONG_ISSUER,
    WRONG_ALGORITHM,
    KEYS_UNAVAILABLE,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    WRONG_AUDIENCE,
    EXPIRED,
    NOT_YET_VALID,
    NONCE_MISMATCH,
    REPLAYED_NONCE,
    WRONG_VERSION,
    UNSUPPORTED_MESSAGE,
    UNKNOWN_DEPLOYMENT,
    /** An address the platform sent (its claim is named) is not an absolute http(s) one. */
    BAD_ADDRESS;

    /** What to check, in the language of {@code t}. */
    public String whatToCheck(Translations t) {
      return whatToCheck(t, null);
    }

    String whatToCheck(Translations t, String field) {
      String key = "lti.refused." + name().toLowerCase(Locale.ROOT);
      return field == null ? t.text(key) : t.text(key, Map.of("field", field));
    }

    /** The answer's status: the platform's keys out of reach, a bad request, or not signed in. */
    int status() {
      return switch (this) {
        case KEYS_UNAVAILABLE -> 502;
        case BAD_ADDRESS -> 400;
        default -> 401;
      };
    }
  }

  private final Reason reason;
  private final String field;

  public LaunchRefused(Reason reason, String detail) {
    this(reason, null, detail);
  }

  /** A refusal about one claim of the launch, {@code field}, that the page names. */
  public LaunchRefused(Reason reason, String field, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
    this.field = field;
  }

  public Reason reason() {
    return reason;
  }

  /** What to check, naming the claim at fault if one is; in the language of {@code t}. */
  public String whatToCheck(Translations t) {
    return reason.whatToCheck(t, field);
  }

  int status() {
    return reason.status();
  }
}
