package org.copconnector.connector.moodle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.LmsStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Moodle site as the features see it. */
public final class MoodleLms implements Lms {

  private static final Logger LOG = LoggerFactory.getLogger(MoodleLms.class);

  private final SiteApi probe;
  private final Clock clock;
  private final Duration freshFor;
  private LmsStatus lastStatus;
  private Instant lastChecked = Instant.MIN;

  /**
   * @param probe site info over a client with a short timeout and no retries, so a slow Moodle
   *     cannot hold up a health check
   */
  public MoodleLms(SiteApi probe, Clock clock, Duration freshFor) {
    this.probe = probe;
    this.clock = clock;
    this.freshFor = freshFor;
  }

  /** The last known status, probed again when older than the freshness window. */
  @Override
  public synchronized LmsStatus status() {
    if (lastStatus == null || Instant.now(clock).isAfter(lastChecked.plus(freshFor))) {
      refresh();
    }
    return lastStatus;
  }

  /** Asks Moodle now; logs only when the status changes. */
  public synchronized LmsStatus refresh() {
    LmsStatus now;
    String reason = "";
    try {
      probe.siteInfo();
      now = LmsStatus.UP;
    } catch (MoodleClientException e) {
      now = LmsStatus.DOWN;
      reason = e instanceof MoodleException m ? String.valueOf(m.errorcode()) : ((MoodleTransportException) e).kind().name();
    }
    if (now != lastStatus) {
      if (now == LmsStatus.UP) {
        LOG.info("Moodle is UP");
      } else {
        LOG.warn("Moodle is DOWN ({}); run 'doctor' for details", reason);
      }
    }
    lastStatus = now;
    lastChecked = Instant.now(clock);
    return now;
  }
}
