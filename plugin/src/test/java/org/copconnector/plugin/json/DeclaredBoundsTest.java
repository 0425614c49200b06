package org.copconnector.plugin.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.copconnector.plugin.testing.RequestRecords;
import org.copconnector.plugin.web.Reason;
import org.junit.jupiter.api.Test;

/**
 * Every text and number a request can carry declares its bound, so that the boundary tests reach
 * every field; the reason a bound names exists.
 */
class DeclaredBoundsTest {

  private static final Set<Class<?>> NUMBERS =
      Set.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class);

  @Test
  void everyTextAndNumberOfEveryRequestDeclaresItsBound() {
    Set<Class<?>> bodies = RequestRecords.bodies();
    assertTrue(bodies.size() >= 20, "request records found: " + bodies);
    List<String> unbounded = new ArrayList<>();
    for (Class<?> body : bodies) {
      for (RequestRecords.Field field : RequestRecords.fields(body)) {
        Class<?> value = field.valueType();
        if (value == String.class && field.length() == null) {
          unbounded.add(body.getSimpleName() + "." + field.path() + " (text)");
        }
        if (NUMBERS.contains(value) && field.range() == null) {
          unbounded.add(body.getSimpleName() + "." + field.path() + " (number)");
        }
        if (field.length() != null && !field.length().reason().isEmpty()) {
          Reason reason = Reason.valueOf(field.length().reason().toUpperCase(Locale.ROOT));
          assertEquals(422, reason.status(), field.path());
        }
      }
    }
    assertEquals(List.of(), unbounded);
  }
}
