package org.copconnector.connector.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Supplier;
import org.copconnector.connector.admin.StatusResource.Connection;
import org.copconnector.connector.admin.StatusResource.ServiceUser;
import org.copconnector.connector.moodle.MoodleActivity;
import org.copconnector.connector.moodle.MoodleLms;
import org.copconnector.connector.moodle.SiteApi.SiteInfo;
import org.copconnector.plugin.lms.LmsStatus;

/** The Moodle connection as the status page shows it, for each way the connector runs. */
public final class MoodleConnections {

  private MoodleConnections() {}

  /**
   * A configured site: its status from the probe (asked again only when the last answer is old),
   * what it said of itself, and the latest calls.
   */
  public static Supplier<Connection> of(URI url, MoodleLms lms, MoodleActivity activity) {
    String shown = withoutSecrets(url);
    return () -> {
      LmsStatus status = lms.status();
      SiteInfo site = lms.site().orElse(null);
      return new Connection(
          shown,
          status.name(),
          status == LmsStatus.UP,
          lms.probedAt().orElse(null),
          site == null ? null : site.sitename(),
          site == null ? null : site.release(),
          site == null ? null : site.version(),
          site == null ? null : new ServiceUser(site.userid(), site.username(), site.fullname()),
          activity.lastSuccess().orElse(null),
          activity.lastFailure().orElse(null));
    };
  }

  /** The demo: always there, nothing to call. */
  public static Supplier<Connection> demo() {
    Connection demo =
        new Connection(
            null, LmsStatus.UP.name(), true, null, "Demo schools", null, null, null, null, null);
    return () -> demo;
  }

  /** No Moodle configured. */
  public static Supplier<Connection> unconfigured() {
    Connection none =
        new Connection(
            null, LmsStatus.NOT_CONFIGURED.name(), false, null, null, null, null, null, null, null);
    return () -> none;
  }

  /** The address without user information, query or fragment. */
  static String withoutSecrets(URI url) {
    try {
      return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      return url.getScheme() + "://" + url.getHost();
    }
  }
}
