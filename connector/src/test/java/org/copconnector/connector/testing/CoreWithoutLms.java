package org.copconnector.connector.testing;

import java.time.Clock;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.copconnector.connector.server.CommunityServices;
import org.copconnector.plugin.discussion.DiscussionLimits;
import org.copconnector.plugin.lms.UnconfiguredLms;

/** The community features on a migrated database, with no LMS, days in UTC, default limits. */
public final class CoreWithoutLms {

  private CoreWithoutLms() {}

  public static CommunityServices on(DataSource dataSource, Clock clock) {
    return CommunityServices.wire(
        dataSource, new UnconfiguredLms(), ZoneOffset.UTC, DiscussionLimits.defaults(), clock);
  }
}
