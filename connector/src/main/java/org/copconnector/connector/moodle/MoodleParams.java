package org.copconnector.connector.moodle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Web-service parameters flattened the way Moodle's PHP reads them: arrays with explicit indexes
 * ({@code courseids[0]=2}), structures by name ({@code groups[0][courseid]=2}), booleans as 0/1.
 */
public final class MoodleParams {

  private final Map<String, String> flat = new LinkedHashMap<>();

  public static MoodleParams of() {
    return new MoodleParams();
  }

  /**
   * Adds a value: a scalar, a {@link List} (indexed), a {@link Map} (by key) or a record (by
   * component). Nulls are left out.
   */
  public MoodleParams put(String name, Object value) {
    flatten(name, value);
    return this;
  }

  /**
   * Moodle's name/value option lists ({@code options[0][name]=…&options[0][value]=…}); null values
   * are left out.
   */
  public MoodleParams options(String name, Map<String, ?> options) {
    int i = 0;
    for (Map.Entry<String, ?> option : options.entrySet()) {
      if (option.getValue() == null) {
        continue;
      }
      flatten(name + "[" + i + "][name]", option.getKey());
      flatten(name + "[" + i + "][value]", option.getValue());
      i++;
    }
    return this;
  }

  /** The flattened form fields in insertion order. */
  public Map<String, String> asMap() {
    return java.util.Collections.unmodifiableMap(flat);
  }

  /** How many form variables these parameters take, which is what PHP's max_input_vars counts. */
  public int size() {
    return flat.size();
  }

  private void flatten(String name, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Boolean b) {
      flat.put(name, b ? "1" : "0");
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(name + "[" + i + "]", list.get(i));
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> flatten(name + "[" + k + "]", v));
    } else if (value instanceof Record record) {
      for (var component : record.getClass().getRecordComponents()) {
        try {
          flatten(name + "[" + component.getName() + "]", component.getAccessor().invoke(record));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(
              "cannot read " + component.getName() + " of " + record.getClass(), e);
        }
      }
    } else if (value instanceof Enum<?> e) {
      flat.put(name, e.name().toLowerCase(java.util.Locale.ROOT));
    } else {
      flat.put(name, value.toString());
    }
  }

  @Override
  public String toString() {
    return "MoodleParams" + flat.keySet();
  }
}
