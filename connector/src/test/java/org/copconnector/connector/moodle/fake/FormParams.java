package org.copconnector.connector.moodle.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Web-service parameters as PHP sees them, with Moodle's validation of names and types. */
final class FormParams {

  private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)\\](?:\\[(\\w+)\\])?$");

  private final Map<String, String> values;

  FormParams(Map<String, String> values) {
    this.values = values;
  }

  Map<String, String> asMap() {
    return values;
  }

  /** Moodle refuses a parameter it does not declare, including an array passed without an index. */
  void allowOnly(String... patterns) {
    for (String name : values.keySet()) {
      boolean known = false;
      for (String pattern : patterns) {
        if (name.matches(pattern)) {
          known = true;
          break;
        }
      }
      if (!known) {
        throw FakeMoodleError.invalidParameter();
      }
    }
  }

  String string(String name) {
    String value = values.get(name);
    if (value == null) {
      throw FakeMoodleError.invalidParameter();
    }
    return value;
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  long integer(String name) {
    try {
      return Long.parseLong(string(name));
    } catch (NumberFormatException e) {
      throw FakeMoodleError.invalidParameter();
    }
  }

  Long integerOrNull(String name) {
    return values.containsKey(name) ? integer(name) : null;
  }

  /** {@code name[0]=…&name[1]=…} in index order. */
  List<String> list(String name) {
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          Matcher m = INDEXED.matcher(key);
          if (m.matches() && m.group(1).equals(name) && m.group(3) == null) {
            byIndex.put(Integer.parseInt(m.group(2)), value);
          }
        });
    return new ArrayList<>(byIndex.values());
  }

  List<Long> integers(String name) {
    try {
      return list(name).stream().map(Long::parseLong).toList();
    } catch (NumberFormatException e) {
      throw FakeMoodleError.invalidParameter();
    }
  }

  /** {@code name[0][field]=…} as one map per index. */
  List<Map<String, String>> structs(String name) {
    TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          Matcher m = INDEXED.matcher(key);
          if (m.matches() && m.group(1).equals(name) && m.group(3) != null) {
            byIndex
                .computeIfAbsent(Integer.parseInt(m.group(2)), i -> new LinkedHashMap<>())
                .put(m.group(3), value);
          }
        });
    return new ArrayList<>(byIndex.values());
  }

  /** Name/value option lists ({@code options[0][name]=…&options[0][value]=…}) as a map. */
  Map<String, String> options(String name) {
    Map<String, String> options = new LinkedHashMap<>();
    for (Map<String, String> option : structs(name)) {
      if (!option.containsKey("name") || !option.containsKey("value")) {
        throw FakeMoodleError.invalidParameter();
      }
      options.put(option.get("name"), option.get("value"));
    }
    return options;
  }

  static long parseLong(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw FakeMoodleError.invalidParameter();
    }
  }
}
