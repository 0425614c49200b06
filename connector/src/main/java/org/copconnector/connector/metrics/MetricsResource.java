package org.copconnector.connector.metrics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * {@code GET /metrics} for a Prometheus server, with the configured token as a bearer token ({@code
 * metrics.token}); without one configured, metrics are not served at all.
 */
@Path("/metrics")
public final class MetricsResource {

  private static final String BEARER = "Bearer ";

  private final ConnectorMetrics metrics;
  private final Optional<byte[]> token;

  public MetricsResource(ConnectorMetrics metrics, Optional<String> token) {
    this.metrics = metrics;
    this.token = token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String scrape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    byte[] expected = token.orElseThrow(() -> ApiException.notFound(Reason.METRICS_OFF, "metrics"));
    String given =
        authorization != null && authorization.startsWith(BEARER)
            ? authorization.substring(BEARER.length()).strip()
            : "";
    // Compared in constant time: the answer's timing says nothing about the token.
    if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(
          Reason.METRICS_TOKEN_REQUIRED, "metrics need the configured token as a bearer token");
    }
    return metrics.scrape();
  }
}
