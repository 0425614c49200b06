package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.testing.Clients;
import org.copconnector.connector.testing.CoursePeople;
import org.copconnector.connector.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} as a Prometheus server scrapes it: protected by its token, every family. */
class MetricsTest {

  private static final String TOKEN = "scrape-me-7c1f0e2a";

  @TempDir Path dataDir;
  private final OkHttpClient http = Clients.asTheUi();

  private Connector start(FakeMoodle fake, String token) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("COP_HTTP_HOST", "127.0.0.1");
    env.put("COP_HTTP_PORT", "0");
    env.put("COP_DATA_DIR", dataDir.toString());
    env.put("COP_MOODLE_URL", fake.urlString());
    env.put("COP_MOODLE_TOKEN", FakeMoodle.TOKEN);
    if (token != null) {
      env.put("COP_METRICS_TOKEN", token);
    }
    return Connector.start(new ConfigLoader(env, dataDir.resolve("none")).load(null), List.of());
  }

  private record Scrape(int status, String body) {}

  private Scrape scrape(Connector connector, String authorization) throws IOException {
    Request.Builder request =
        new Request.Builder().url("http://127.0.0.1:" + connector.port() + "/metrics");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try (Response r = http.newCall(request.build()).execute()) {
      return new Scrape(r.code(), r.body().string());
    }
  }

  private static double value(String body, String series) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$").matcher(body);
    assertTrue(m.find(), "no series " + series + " in:\n" + body);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void carriesEveryFamilyAndOnlyWithTheToken() throws Exception {
    try (FakeMoodle fake = new FakeMoodle().start();
        LogCapture log = new LogCapture();
        Connector connector = start(fake, TOKEN)) {
      String member = new CoursePeople(connector.database().dataSource()).facilitator("en");
      String base = "http://127.0.0.1:" + connector.port();
      // Moodle refuses the community's group once: it waits in the outbox for its retry.
      fake.failNextCallOf("core_group_create_groups", FakeMoodle.Fault.HTTP_503);
      String id;
      try (Response r =
          http.newCall(
                  new Request.Builder()
                      .url(base + "/api/v1/communities")
                      .header("Cookie", "cop_session=" + member)
                      .post(
                          RequestBody.create(
                              "{\"name\":\"Lab\",\"domain\":\"Practical work\"}",
                              MediaType.get("application/json")))
                      .build())
              .execute()) {
        assertEquals(201, r.code());
        id = JsonParser.parseString(r.body().string()).getAsJsonObject().get("id").getAsString();
      }
      try (Response r =
          http.newCall(
                  new Request.Builder()
                      .url(base + "/api/v1/communities/" + id)
                      .header("Cookie", "cop_session=" + member)
                      .build())
              .execute()) {
        assertEquals(200, r.code());
      }
      Pattern refused =
          Pattern.compile(
              "(?m)^moodle_calls_seconds_count\\{function=\"core_group_create_groups\",outcome=\"http_status\"\\} 1");
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!refused.matcher(scrape(connector, "Bearer " + TOKEN).body()).find()
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }

      assertEquals(401, scrape(connector, null).status());
      assertEquals(401, scrape(connector, "Bearer wrong-token").status());
      assertEquals(401, scrape(connector, TOKEN).status(), "the bearer scheme is required");
      Scrape scraped = scrape(connector, "Bearer " + TOKEN);
      assertEquals(200, scraped.status());
      String body = scraped.body();
      for (String family :
          new String[] {
            "jvm_memory_used_bytes",
            "jvm_gc_pause_seconds",
            "jvm_threads_live_threads",
            "process_cpu_usage",
            "jetty_threads_busy",
            "jetty_threads_current",
            "cop_db_pool_connections",
            "cop_db_pool_max",
            "cop_outbox_messages",
            "cop_outbox_oldest_pending_age_seconds",
            "cop_search_index_backlog",
            "cop_outbox_delivery_seconds_count",
            "cop_roster_sync_seconds_count",
            "cop_forum_import_seconds_count",
            "moodle_calls_seconds_count",
            "http_server_requests_seconds_count"
          }) {
        assertTrue(body.contains("\n" + family), "missing " + family + " in:\n" + body);
      }
      // Requests by route template, not by address.
      assertTrue(
          value(
                  body,
                  "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/communities\",status=\"201\"}")
              >= 1);
      assertTrue(
          value(
                  body,
                  "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/communities/{id}\",status=\"200\"}")
              >= 1);
      assertFalse(body.contains(id), "an id in a series");
      // The write Moodle did not take yet, and how long it has waited.
      assertTrue(value(body, "cop_outbox_messages{status=\"pending\"}") >= 1);
      assertTrue(value(body, "cop_outbox_oldest_pending_age_seconds") > 0);
      // Moodle's calls by function and outcome: the refusal too.
      assertTrue(refused.matcher(body).find(), body);
      assertTrue(
          value(
                  body,
                  "moodle_calls_seconds_count{function=\"core_webservice_get_site_info\",outcome=\"ok\"}")
              >= 1);
      assertTrue(value(body, "cop_db_pool_max") >= 1);
      assertFalse(body.contains(FakeMoodle.TOKEN), "the Moodle token in the metrics");
      assertFalse(log.text().contains(TOKEN), "the metrics token in the log");
    }
  }

  @Test
  void withoutATokenMetricsAreNotServed() throws Exception {
    try (FakeMoodle fake = new FakeMoodle().start();
        Connector connector = start(fake, null)) {
      Scrape scraped = scrape(connector, "Bearer anything");
      assertEquals(404, scraped.status());
      assertEquals(
          "metrics_off",
          JsonParser.parseString(scraped.body()).getAsJsonObject().get("reason").getAsString());
    }
  }
}
