package org.copconnector.plugin.outbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A delivery's last error as stored: {@code [code] message}, the code naming the kind of failure
 * for the pages to translate, the message kept as the technical detail. Errors stored before codes
 * existed have none: a fault of the connector is recognised by its exception name, the rest is
 * {@code other}.
 */
record LastError(String failure, String detail) {

  /** Errors stored before they had a code that are not a fault of the connector. */
  static final String OTHER = "other";

  private static final Pattern CODED = Pattern.compile("^\\[([a-z_]+)] (.*)$", Pattern.DOTALL);

  /** "java.lang.IllegalStateException: …": a fault of the connector, not a reason to show. */
  private static final Pattern JAVA_EXCEPTION =
      Pattern.compile("^[a-z][\\w$]*(\\.[a-z][\\w$]*)*\\.[A-Z][\\w$]*(Exception|Error)\\b.*");

  /** The text to store for a failure of {@code kind}. */
  static String stored(DeliveryFailure.Kind kind, String message) {
    return "[" + kind.code() + "] " + (message == null ? "" : message);
  }

  /** The stored text read back; null when there is none. */
  static LastError parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return null;
    }
    String text = stored.strip();
    Matcher coded = CODED.matcher(text);
    if (coded.matches() && known(coded.group(1))) {
      return new LastError(coded.group(1), coded.group(2).strip());
    }
    if (JAVA_EXCEPTION.matcher(text).matches()) {
      return new LastError(DeliveryFailure.Kind.UNEXPECTED.code(), text);
    }
    return new LastError(OTHER, text);
  }

  /** Whether the detail is a fault of the connector, whose details belong in its log only. */
  boolean connectorFault() {
    return failure.equals(DeliveryFailure.Kind.UNEXPECTED.code())
        || JAVA_EXCEPTION.matcher(detail).matches();
  }

  private static boolean known(String code) {
    return Arrays.stream(DeliveryFailure.Kind.values())
        .anyMatch(k -> k.name().equals(code.toUpperCase(Locale.ROOT)));
  }
}
