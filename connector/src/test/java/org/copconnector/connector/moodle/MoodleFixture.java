package org.copconnector.connector.moodle;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.copconnector.connector.moodle.fake.FakeMoodle;

/** Clients wired to a {@link FakeMoodle} the way production wires them, with tunable limits. */
final class MoodleFixture {

  private MoodleFixture() {}

  static OkHttpClient http(Duration timeout) {
    return new OkHttpClient.Builder()
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout.multipliedBy(2))
        .build();
  }

  static Moodle moodle(FakeMoodle fake) {
    return moodle(fake, 2, 1000, Duration.ofSeconds(5));
  }

  static Moodle moodle(FakeMoodle fake, int readRetries, int maxInputVars, Duration timeout) {
    return new Moodle(
        new MoodleClient(
            http(timeout),
            fake.url(),
            FakeMoodle.TOKEN,
            readRetries,
            maxInputVars,
            Backoff.none()));
  }
}
