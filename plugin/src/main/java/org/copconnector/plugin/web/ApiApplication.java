package org.copconnector.plugin.web;

import com.google.gson.Gson;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Jersey application: shared plumbing (JSON, limits, error mapping) plus the given resources.
 */
public final class ApiApplication extends ResourceConfig {

  /**
   * {@code maxBodyBytes} bounds every request body but uploads (see {@link StreamedBody}); {@code
   * frameAncestors} are the sites that may show the pages in a frame.
   */
  public ApiApplication(
      Gson gson, long maxBodyBytes, FrameAncestors frameAncestors, List<Object> resources) {
    UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();
    register(new GsonProvider(gson));
    register(new BodyLimitFilter(maxBodyBytes));
    register(new QueryEncodingFilter());
    register(new PageParameterFilter());
    register(new QueryTextFilter());
    register(new FormTextFilter());
    register(new SecurityHeaders(frameAncestors));
    register(new ApiExceptionMapper());
    register(new WebApplicationExceptionMapper(unexpected));
    register(unexpected);
    resources.forEach(this::register);
    // Gson is the only JSON provider: keep Jersey from discovering others on the class path.
    property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    property(ServerProperties.BV_FEATURE_DISABLE, true);
    property(ServerProperties.JSON_PROCESSING_FEATURE_DISABLE, true);
    property(ServerProperties.MOXY_JSON_FEATURE_DISABLE, true);
    // Our error bodies must reach the client instead of the container's error page.
    property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
  }
}
