package org.copconnector.connector.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.junit.jupiter.api.Test;

/** Communities' groups in Moodle, where group names are unique per course. */
class MoodleLmsGroupsTest {

  @Test
  void threeCommunitiesOfOneNameGetThreeGroupsAndEachIsFoundAgain() throws IOException {
    try (FakeMoodle fake = new FakeMoodle().start()) {
      Moodle moodle = MoodleFixture.moodle(fake);
      MoodleLms lms =
          new MoodleLms(moodle, 50, moodle.site(), Clock.systemUTC(), Duration.ofSeconds(60));
      String first = lms.ensureGroup("2", "Leitura", "cop-a");
      String second = lms.ensureGroup("2", "Leitura", "cop-b");
      String third = lms.ensureGroup("2", "Leitura", "cop-c");
      assertEquals(3, Set.of(first, second, third).size());
      assertEquals(
          Set.of("Leitura", "Leitura (CoP)", "Leitura (CoP 2)"),
          moodle.groups().courseGroups(2).stream()
              .map(GroupApi.Group::name)
              .filter(n -> n.startsWith("Leitura"))
              .collect(Collectors.toSet()));
      assertEquals(second, lms.ensureGroup("2", "Leitura", "cop-b"), "found by its idnumber");
      assertNotEquals(first, third);
    }
  }

  @Test
  void freeNameIgnoresCaseAndSpacesAsMoodleMaySee() {
    List<GroupApi.Group> groups =
        List.of(
            new GroupApi.Group(1, 2, "leitura ", null, "x"),
            new GroupApi.Group(2, 2, "Leitura (CoP)", null, "y"));
    assertEquals("Leitura (CoP 2)", MoodleLms.freeGroupName(groups, "Leitura"));
    assertEquals("Escrita", MoodleLms.freeGroupName(groups, "Escrita"));
  }
}
