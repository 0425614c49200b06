package org.copconnector.plugin.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Holds the fields of every form post (LTI logins and launches, the demo's door) to the rules of
 * text: a NUL in an issuer would otherwise reach a database query, which PostgreSQL refuses.
 */
@Provider
// After BodyLimitFilter has bounded the body it reads.
@Priority(Priorities.USER + 100)
public final class FormTextFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (!MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())
        || !(request instanceof ContainerRequest container)
        || !container.hasEntity()) {
      return;
    }
    // Buffered, the form is read again for the resource's own parameters.
    container.bufferEntity();
    Form form = container.readEntity(Form.class);
    for (Map.Entry<String, List<String>> field : form.asMap().entrySet()) {
      for (String value : field.getValue()) {
        QueryTextFilter.requireText(field.getKey(), value);
      }
    }
  }
}
