package org.copconnector.connector.moodle;

import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.copconnector.connector.config.ConnectorConfig.MoodleSettings;

/** One Moodle site's web services, grouped by area, over a single client. */
public final class Moodle {

  private final MoodleClient client;

  public Moodle(MoodleClient client) {
    this.client = client;
  }

  /**
   * Builds the client from configuration: explicit timeouts, read retries with jittered back-off.
   */
  public static Moodle connect(OkHttpClient http, MoodleSettings settings) {
    return connect(http, settings, new MoodleActivity(java.time.Clock.systemUTC()));
  }

  /** As above, recording every call's outcome in {@code activity}. */
  public static Moodle connect(
      OkHttpClient http, MoodleSettings settings, MoodleActivity activity) {
    Duration timeout = settings.timeout();
    OkHttpClient timed =
        http.newBuilder()
            .connectTimeout(Duration.ofSeconds(Math.min(10, timeout.toSeconds())))
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout.plusSeconds(5))
            .build();
    HttpUrl site = HttpUrl.get(settings.url().toString());
    return new Moodle(
        new MoodleClient(
            timed,
            site,
            settings.token(),
            settings.readRetries(),
            settings.maxInputVars(),
            Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(5)),
            activity));
  }

  public MoodleClient client() {
    return client;
  }

  public SiteApi site() {
    return new SiteApi(client);
  }

  public CourseApi courses() {
    return new CourseApi(client);
  }

  public EnrolApi enrolments() {
    return new EnrolApi(client);
  }

  public UserApi users() {
    return new UserApi(client);
  }

  public GroupApi groups() {
    return new GroupApi(client);
  }

  public ForumApi forums() {
    return new ForumApi(client);
  }

  public CalendarApi calendar() {
    return new CalendarApi(client);
  }

  public MessageApi messages() {
    return new MessageApi(client);
  }

  public FileApi files() {
    return new FileApi(client);
  }
}
