package org.copconnector.connector.doctor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web-service functions the external service must include, with the feature needing each, read
 * from {@code config/moodle-functions.txt} (packaged into the jar at build time).
 */
public final class RequiredFunctions {

  private static final String RESOURCE = "/moodle-functions.txt";

  private RequiredFunctions() {}

  /** Function name to the feature that needs it, in file order. */
  public static Map<String, String> load() {
    try (InputStream in = RequiredFunctions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("moodle-functions.txt is missing from the build");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read moodle-functions.txt", e);
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
