package org.copconnector.plugin.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.annotations.SerializedName;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  enum Mode {
    @SerializedName("online")
    ONLINE,
    @SerializedName("face_to_face")
    FACE_TO_FACE
  }

  record Profile(String name, Mode mode, List<String> tags) {}

  record Wrapper(Profile profile) {}

  private final Gson strict = Json.strict();

  @Test
  void readsKnownFieldsAndSerializedEnumNames() {
    Profile p =
        strict.fromJson(
            "{\"name\":\"Física 🔬\",\"mode\":\"face_to_face\",\"tags\":[\"lesson study\"]}",
            Profile.class);
    assertEquals(new Profile("Física 🔬", Mode.FACE_TO_FACE, List.of("lesson study")), p);
    assertEquals(
        "{\"name\":\"Física 🔬\",\"mode\":\"face_to_face\",\"tags\":[\"lesson study\"]}",
        strict.toJson(p));
  }

  @Test
  void unknownEnumValueIsAnErrorNamingTheField() {
    JsonFieldException e =
        assertThrows(
            JsonFieldException.class,
            () -> strict.fromJson("{\"mode\":\"hybrid\"}", Profile.class));
    assertEquals("mode", e.field());
    assertEquals(JsonFieldException.Kind.UNKNOWN_VALUE, e.kind());
    assertTrue(e.parameters().get("allowed").toString().contains(", "), e.parameters().toString());
  }

  @Test
  void unknownFieldIsAnErrorEvenWhenNested() {
    JsonFieldException e =
        assertThrows(
            JsonFieldException.class,
            () ->
                strict.fromJson(
                    "{\"profile\":{\"name\":\"x\",\"colour\":\"red\"}}", Wrapper.class));
    assertEquals("profile.colour", e.field());
    assertEquals(JsonFieldException.Kind.UNKNOWN_FIELD, e.kind(), "kept when the path grows");
  }

  @Test
  void wrongTypesNameTheFieldAtAnyDepth() {
    assertEquals(
        "profile.name",
        assertThrows(
                JsonFieldException.class,
                () -> strict.fromJson("{\"profile\":{\"name\":{\"a\":1}}}", Wrapper.class))
            .field());
    assertEquals(
        "profile.mode",
        assertThrows(
                JsonFieldException.class,
                () -> strict.fromJson("{\"profile\":{\"mode\":\"hybrid\"}}", Wrapper.class))
            .field());
    assertEquals(
        "profile.tags[1]",
        assertThrows(
                JsonFieldException.class,
                () -> strict.fromJson("{\"profile\":{\"tags\":[\"a\",{}]}}", Wrapper.class))
            .field());
  }

  record Counts(int count, boolean flag) {}

  @Test
  void numbersAndBooleansMustHaveTheirJsonTypes() {
    assertEquals(new Counts(5, true), strict.fromJson("{\"count\":5,\"flag\":true}", Counts.class));
    JsonFieldException count =
        assertThrows(
            JsonFieldException.class, () -> strict.fromJson("{\"count\":\"5\"}", Counts.class));
    assertEquals("count", count.field());
    assertEquals(JsonFieldException.Kind.EXPECTED_NUMBER, count.kind());
    JsonFieldException flag =
        assertThrows(
            JsonFieldException.class, () -> strict.fromJson("{\"flag\":\"yes\"}", Counts.class));
    assertEquals("flag", flag.field());
    assertEquals(JsonFieldException.Kind.EXPECTED_BOOLEAN, flag.kind());
  }

  @Test
  void lenientIgnoresWhatItDoesNotModel() {
    Profile p =
        Json.lenient().fromJson("{\"name\":\"x\",\"extra\":1,\"mode\":\"hybrid\"}", Profile.class);
    assertEquals("x", p.name());
    assertNull(p.mode());
  }
}
