package org.copconnector.connector.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.copconnector.plugin.discussion.DiscussionSearch;
import org.copconnector.plugin.outbox.Outbox;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.resource.Resources;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators watch, in Prometheus' format: the JVM, Jetty's threads, the database pool, HTTP
 * requests per route (see {@link RouteTimer}), Moodle calls per function, the outbox, the search
 * index and the background rounds. Gauges that read the database do so only when scraped.
 */
public final class ConnectorMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectorMetrics.class);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Clock clock;

  public ConnectorMetrics(Clock clock) {
    this.clock = clock;
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The text a Prometheus server scrapes. */
  public String scrape() {
    return registry.scrape();
  }

  public void watchThreads(ThreadPool threads) {
    new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(registry);
  }

  /** The connection pool: connections in use, idle, and requests waiting for one. */
  public void watchPool(DataSource dataSource) {
    if (!(dataSource instanceof HikariDataSource hikari)) {
      return;
    }
    poolGauge(hikari, "active", HikariPoolMXBean::getActiveConnections);
    poolGauge(hikari, "idle", HikariPoolMXBean::getIdleConnections);
    poolGauge(hikari, "pending", HikariPoolMXBean::getThreadsAwaitingConnection);
    Gauge.builder("cop.db.pool.max", hikari, HikariDataSource::getMaximumPoolSize)
        .description("Largest number of database connections the pool opens")
        .register(registry);
  }

  private void poolGauge(
      HikariDataSource hikari, String state, ToDoubleFunction<HikariPoolMXBean> value) {
    Gauge.builder(
            "cop.db.pool.connections",
            hikari,
            h -> h.getHikariPoolMXBean() == null ? 0 : value.applyAsDouble(h.getHikariPoolMXBean()))
        .tag("state", state)
        .description("Database connections of the pool by state")
        .register(registry);
  }

  /** Writes waiting for Moodle: how many, failed for good, and how long the oldest has waited. */
  public void watchOutbox(Outbox outbox) {
    for (OutboxMessage.Status status :
        new OutboxMessage.Status[] {OutboxMessage.Status.PENDING, OutboxMessage.Status.FAILED}) {
      Gauge.builder("cop.outbox.messages", outbox, o -> guarded(() -> o.count(status)))
          .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
          .description("Outbox writes by status")
          .register(registry);
    }
    Gauge.builder(
            "cop.outbox.oldest.pending.age",
            outbox,
            o ->
                guarded(
                    () ->
                        o.oldestPending()
                                .map(
                                    at ->
                                        Math.max(
                                            0, Duration.between(at, clock.instant()).toMillis()))
                                .orElse(0L)
                            / 1000.0))
        .baseUnit("seconds")
        .description("How long the oldest write still waiting for delivery has waited")
        .register(registry);
  }

  /** How far the bank's and the discussions' search indexes are behind their change logs. */
  public void watchSearchIndexes(Resources bank, DiscussionSearch discussions) {
    Gauge.builder("cop.search.index.backlog", bank, b -> guarded(b::indexBacklog))
        .description("Changes of the resource bank the search index has not taken yet")
        .register(registry);
    Gauge.builder("cop.discussion.index.backlog", discussions, d -> guarded(d::indexBacklog))
        .description("Changes of posts the discussion search index has not taken yet")
        .register(registry);
  }

  /** Runs one round of background work, timed as {@code name}. */
  public Runnable timed(String name, String description, Runnable round) {
    Timer timer = Timer.builder(name).description(description).register(registry);
    return () -> timer.record(round);
  }

  /** A gauge's reading; NaN (a gap in the graph) when the database cannot be read right now. */
  private static double guarded(java.util.function.Supplier<? extends Number> reading) {
    try {
      return reading.get().doubleValue();
    } catch (RuntimeException e) {
      LOG.debug("metric not read: {}", e.toString());
      return Double.NaN;
    }
  }
}
