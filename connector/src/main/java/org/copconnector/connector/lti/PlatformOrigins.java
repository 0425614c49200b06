package org.copconnector.connector.lti;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.copconnector.plugin.store.StoreException;
import org.copconnector.plugin.web.FrameAncestors;
import org.copconnector.plugin.web.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sites that may show the connector's pages in a frame: the configured Moodle site, the
 * platforms trusted to register, and every registered platform (its issuer's and its login
 * address's origins). Read from the store again after this instance registers a platform, and every
 * minute for registrations made by other instances; at most {@link #MAX_ORIGINS}.
 */
public final class PlatformOrigins implements FrameAncestors {

  static final int MAX_ORIGINS = 50;
  static final Duration REFRESH = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(PlatformOrigins.class);

  private record Snapshot(List<String> origins, long saves, Instant readAt) {}

  private final PlatformStore platforms;
  private final List<String> configured;
  private final Clock clock;
  private volatile Snapshot snapshot;

  /**
   * @param configured addresses of sites configured as platforms (any that is not http(s) adds
   *     nothing)
   */
  public PlatformOrigins(PlatformStore platforms, Collection<String> configured, Clock clock) {
    this.platforms = platforms;
    this.configured = origins(configured.stream());
    this.clock = clock;
  }

  @Override
  public List<String> origins() {
    Snapshot current = snapshot;
    Instant now = Instant.now(clock);
    long saves = platforms.saves();
    if (current != null
        && current.saves() == saves
        && now.isBefore(current.readAt().plus(REFRESH))) {
      return current.origins();
    }
    List<String> origins;
    try {
      origins =
          origins(
              Stream.concat(
                  configured.stream(),
                  platforms.all().stream()
                      .flatMap(p -> Stream.of(p.issuer(), p.authLoginUrl().toString()))));
    } catch (StoreException e) {
      // Kept as they were until the next try: a database hiccup must not fail every page.
      LOG.warn("cannot read the platforms' origins: {}", e.getMessage());
      origins = current == null ? configured : current.origins();
    }
    snapshot = new Snapshot(origins, saves, now);
    return origins;
  }

  private static List<String> origins(Stream<String> addresses) {
    Set<String> origins = new LinkedHashSet<>();
    addresses
        .map(SecurityHeaders::originOf)
        .flatMap(java.util.Optional::stream)
        .forEach(origins::add);
    if (origins.size() > MAX_ORIGINS) {
      LOG.warn(
          "{} platform sites may frame the connector's pages; only the first {} are allowed",
          origins.size(),
          MAX_ORIGINS);
    }
    return origins.stream().limit(MAX_ORIGINS).toList();
  }
}
