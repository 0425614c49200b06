package org.copconnector.plugin.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBoundsTest {

  record Answers(@Range(min = 1, max = 5) List<Integer> agreements) {}

  record Rating(@Range(min = 1, max = 5) Integer stars, long big) {}

  record Round(Instant opensAt, LocalDate firstDate) {}

  record Outer(Rating rating) {}

  private final Gson strict = Json.strict();

  @Test
  void wholeNumbersAreNotTruncated() {
    for (String body :
        List.of(
            "{\"agreements\":[3,4.5]}",
            "{\"agreements\":[3,4294967301]}",
            "{\"agreements\":[1e400]}")) {
      JsonFieldException e =
          assertThrows(JsonFieldException.class, () -> strict.fromJson(body, Answers.class), body);
      assertEquals(body.contains("1e400") ? "agreements[0]" : "agreements[1]", e.field(), body);
    }
    JsonFieldException half =
        assertThrows(
            JsonFieldException.class, () -> strict.fromJson("{\"stars\":4.5}", Rating.class));
    assertEquals("stars", half.field());
    assertEquals(JsonFieldException.Kind.EXPECTED_INTEGER, half.kind());
    JsonFieldException wrapped =
        assertThrows(
            JsonFieldException.class,
            () -> strict.fromJson("{\"agreements\":[3,4294967301]}", Answers.class));
    assertEquals("agreements[1]", wrapped.field());
    assertEquals(JsonFieldException.Kind.OUT_OF_RANGE, wrapped.kind());
    assertEquals(
        new Rating(4, 9_007_199_254_740_993L),
        strict.fromJson("{\"stars\":4.0,\"big\":9007199254740993}", Rating.class));
  }

  @Test
  void rangesHoldForNumbersAndEachNumberOfAList() {
    JsonFieldException list =
        assertThrows(
            JsonFieldException.class,
            () -> strict.fromJson("{\"agreements\":[1,5,6]}", Answers.class));
    assertEquals("agreements[2]", list.field());
    assertEquals(JsonFieldException.Kind.OUT_OF_RANGE, list.kind());
    assertEquals(Map.of("min", 1L, "max", 5L), list.parameters());
    JsonFieldException nested =
        assertThrows(
            JsonFieldException.class,
            () -> strict.fromJson("{\"rating\":{\"stars\":0,\"big\":1}}", Outer.class));
    assertEquals("rating.stars", nested.field());
    assertEquals(
        new Answers(List.of(1, 5)), strict.fromJson("{\"agreements\":[1,5]}", Answers.class));
  }

  @Test
  void datesLieBetween1970And2200() {
    for (String body :
        List.of(
            "{\"opensAt\":\"+20000-01-01T00:00:00Z\"}",
            "{\"opensAt\":\"1969-12-31T23:59:59Z\"}",
            "{\"opensAt\":\"2201-01-01T00:00:00Z\"}")) {
      JsonFieldException e =
          assertThrows(JsonFieldException.class, () -> strict.fromJson(body, Round.class), body);
      assertEquals("opensAt", e.field());
      assertEquals(JsonFieldException.Kind.DATE_OUT_OF_RANGE, e.kind());
    }
    JsonFieldException date =
        assertThrows(
            JsonFieldException.class,
            () -> strict.fromJson("{\"firstDate\":\"0001-01-01\"}", Round.class));
    assertEquals("firstDate", date.field());
    assertEquals(Map.of("min", "1970-01-01", "max", "2200-12-31"), date.parameters());
    assertEquals(
        new Round(Instant.parse("2200-12-31T23:59:59Z"), LocalDate.of(1970, 1, 1)),
        strict.fromJson(
            "{\"opensAt\":\"2200-12-31T23:59:59Z\",\"firstDate\":\"1970-01-01\"}", Round.class));
    assertEquals(
        LocalDate.of(1, 1, 1),
        Json.lenient().fromJson("{\"firstDate\":\"0001-01-01\"}", Round.class).firstDate());
  }
}
