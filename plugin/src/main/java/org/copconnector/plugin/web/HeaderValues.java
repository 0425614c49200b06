package org.copconnector.plugin.web;

import java.util.Map;

/** Reads request headers whose values the client encodes, refusing malformed ones as bad input. */
public final class HeaderValues {

  private HeaderValues() {}

  /** A percent-encoded UTF-8 header value, decoded; absent is empty. */
  public static String percentDecoded(String header, String value) {
    if (value == null) {
      return "";
    }
    try {
      return PercentEncoding.decode(value);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          Reason.HEADER_INVALID,
          header + " must be percent-encoded UTF-8",
          Map.of("header", header));
    }
  }
}
