package org.copconnector.connector.doctor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web-service functions the external service must include, and the capabilities the service
 * user's role must allow, each with the feature needing it, read from {@code
 * config/moodle-functions.txt} and {@code config/moodle-capabilities.txt} (packaged into the jar at
 * build time).
 */
public final class RequiredFunctions {

  private RequiredFunctions() {}

  /** Function name to the feature that needs it, in file order. */
  public static Map<String, String> load() {
    return read("moodle-functions.txt");
  }

  /** Capability to the feature that needs it, in file order. */
  public static Map<String, String> capabilities() {
    return read("moodle-capabilities.txt");
  }

  private static Map<String, String> read(String name) {
    try (InputStream in = RequiredFunctions.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the build");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }

  /**
   * Lines are {@code function_name feature text}; blank lines and {@code #} comments are ignored.
   */
  static Map<String, String> parse(BufferedReader reader) throws IOException {
    Map<String, String> functions = new LinkedHashMap<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 2);
      functions.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    return functions;
  }
}
