package org.copconnector.connector.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoodleParamsTest {

  record Member(long groupid, long userid) {}

  @Test
  void flattensArraysStructsAndOptionsAsMoodleReadsThem() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("discussionsubscribe", true);
    options.put("discussionpinned", false);
    options.put("attachmentsid", null);
    MoodleParams params =
        MoodleParams.of()
            .put("courseids", List.of(2L, 3L))
            .put("members", List.of(new Member(3, 6), new Member(3, 7)))
            .put("groups", List.of(Map.of("courseid", 2)))
            .put("skipped", null)
            .put("flag", true)
            .options("options", options);

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("courseids[0]", "2");
    expected.put("courseids[1]", "3");
    expected.put("members[0][groupid]", "3");
    expected.put("members[0][userid]", "6");
    expected.put("members[1][groupid]", "3");
    expected.put("members[1][userid]", "7");
    expected.put("groups[0][courseid]", "2");
    expected.put("flag", "1");
    expected.put("options[0][name]", "discussionsubscribe");
    expected.put("options[0][value]", "1");
    expected.put("options[1][name]", "discussionpinned");
    expected.put("options[1][value]", "0");
    assertEquals(expected, params.asMap());
    assertEquals(12, params.size());
  }

  @Test
  void nestedStructuresKeepTheirPath() {
    MoodleParams params = MoodleParams.of().put("events", Map.of("courseids", List.of(2)));
    assertEquals(Map.of("events[courseids][0]", "2"), params.asMap());
  }

  @Test
  void enumsAreSentInLowerCase() {
    assertEquals(
        Map.of("field", "username"),
        MoodleParams.of().put("field", UserApi.Field.USERNAME).asMap());
  }
}
