package org.copconnector.connector.lti;

import java.util.Locale;
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
    UNKNOWN_DEPLOYMENT;

    /** What to check, in the language of {@code t}. */
    public String whatToCheck(Translations t) {
      return t.text("lti.refused." + name().toLowerCase(Locale.ROOT));
    }
  }

  private final Reason reason;

  public LaunchRefused(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
