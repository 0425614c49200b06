package org.copconnector.connector.lti;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An address with query parameters added, each encoded as plain data. Jersey's UriBuilder reads
 * braces in values as URI templates, and Moodle's {@code lti_message_hint} is JSON.
 */
final class QueryUri {

  private QueryUri() {}

  static URI with(URI base, Map<String, String> parameters) {
    StringBuilder uri = new StringBuilder(base.toString());
    char separator = base.getRawQuery() == null ? '?' : '&';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (parameter.getValue() == null) {
        continue;
      }
      uri.append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return URI.create(uri.toString());
  }
}
