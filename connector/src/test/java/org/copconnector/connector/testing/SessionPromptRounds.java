package org.copconnector.connector.testing;

import java.time.Clock;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.copconnector.connector.server.CommunityServices;
import org.copconnector.connector.server.TrainingServices;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.copconnector.plugin.training.SessionPrompts;

/**
 * The rounds of the background work that open the reflection prompts of ended training sessions,
 * over a running connector's database, on a clock of the test's choosing (instead of waiting a
 * minute for the connector's own).
 */
public final class SessionPromptRounds {

  private SessionPromptRounds() {}

  public static SessionPrompts on(DataSource dataSource, Clock clock) {
    CommunityServices core = CoreWithoutLms.on(dataSource, clock);
    PromptSchedules prompts =
        new PromptSchedules(
            dataSource, core.discussions(), core.notifier(), core.people(), ZoneOffset.UTC, clock);
    return TrainingServices.wire(dataSource, core, prompts, ZoneOffset.UTC, clock).sessionPrompts();
  }
}
