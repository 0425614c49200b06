package org.copconnector.connector.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.copconnector.plugin.session.SessionCookie;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiError;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The API's OpenAPI 3 document, written from the JAX-RS annotations of every resource the running
 * application mounts, so that a new route is described without a list to keep. Under {@code /api/}
 * like the rest: a signed-in session reads it.
 */
@Path("api/openapi.json")
@Tag(name = "API description")
public final class OpenApiResource {

  private static final String INTRODUCTION =
      "Every /api/ request needs a signed-in session (the cop_session cookie set by an LTI launch"
          + " or the demo); every change (POST, PUT, DELETE) also needs the header "
          + SessionFilter.REQUEST_HEADER
          + ": "
          + SessionFilter.REQUEST_HEADER_VALUE
          + ". Errors are JSON in one shape (ApiError): error, reason, message, details.";

  private final String version;
  private byte[] document;

  public OpenApiResource(String version) {
    this.version = version;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "This document: every route of the connector, as OpenAPI 3")
  public Response document(@Context ExtendedResourceContext application) {
    return Response.ok(document(handlerClasses(application)), MediaType.APPLICATION_JSON_TYPE)
        .cacheControl(CacheControl.valueOf("no-cache"))
        .build();
  }

  /**
   * Written once, on the first request: reading the annotations takes a second or more and is never
   * needed at start-up.
   */
  private synchronized byte[] document(Set<Class<?>> classes) {
    if (document == null) {
      GsonSchemas.install();
      document = write(classes);
    }
    return document;
  }

  /** The generator's converters are shared by the whole JVM: ours, which reads Gson's, once. */
  private static final class GsonSchemas {
    static {
      ModelConverters.getInstance().addConverter(new GsonModelResolver());
    }

    static void install() {}
  }

  /** The classes behind every resource method of the running application. */
  static Set<Class<?>> handlerClasses(ExtendedResourceContext application) {
    Set<Class<?>> classes = new LinkedHashSet<>();
    for (Resource resource : application.getResourceModel().getRootResources()) {
      collect(resource, classes);
    }
    return classes;
  }

  private static void collect(Resource resource, Set<Class<?>> classes) {
    for (ResourceMethod method : resource.getAllMethods()) {
      if (!method.isExtended()) {
        classes.add(method.getInvocable().getHandler().getHandlerClass());
      }
    }
    resource.getChildResources().forEach(child -> collect(child, classes));
  }

  private byte[] write(Set<Class<?>> classes) {
    OpenAPI base =
        new OpenAPI()
            .info(
                new Info()
                    .title("CoP Connector")
                    .version(version)
                    .description(INTRODUCTION)
                    .license(
                        new License()
                            .name("GPL-3.0-or-later")
                            .url("https://www.gnu.org/licenses/gpl-3.0.html")))
            .components(
                new Components()
                    .addSecuritySchemes(
                        "session",
                        new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE)
                            .name(SessionCookie.NAME))
                    .schemas(ModelConverters.getInstance().read(ApiError.class)))
            .addSecurityItem(new SecurityRequirement().addList("session"));
    Reader reader = new Reader(new SwaggerConfiguration().openAPI(base));
    OpenAPI described = reader.read(classes);
    try {
      return Json.mapper().writeValueAsBytes(described);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
