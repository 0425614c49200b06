package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.copconnector.connector.testing.DemoHub;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document against the running application: every route Jersey serves is in it, and
 * nothing else; it needs a session like the rest of {@code /api/}.
 */
class ApiDescriptionTest {

  private static final String NETWORK = "demo-rede-ciencias";
  @TempDir static java.nio.file.Path dataDir;
  private static DemoHub hub;
  private static String session;
  private static JsonObject document;

  /** Lists the running application's routes as Jersey's resource model holds them. */
  @Path("test/routes")
  public static final class RoutesProbe {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> routes(@Context ExtendedResourceContext application) {
      Set<String> routes = new TreeSet<>();
      for (Resource resource : application.getResourceModel().getRootResources()) {
        collect(resource, "", routes);
      }
      return List.copyOf(routes);
    }

    private static void collect(Resource resource, String parent, Set<String> routes) {
      String path = join(parent, resource.getPath());
      for (ResourceMethod method : resource.getResourceMethods()) {
        if (!method.isExtended()) {
          routes.add(method.getHttpMethod() + " " + path);
        }
      }
      resource.getChildResources().forEach(child -> collect(child, path, routes));
    }

    private static String join(String parent, String path) {
      String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
      return joined.length() > 1 && joined.endsWith("/")
          ? joined.substring(0, joined.length() - 1)
          : joined;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    hub = DemoHub.start(dataDir, Map.of(), List.of(new RoutesProbe()));
    session = hub.enter("d07", NETWORK);
    // The first request writes the document: seconds on a busy machine.
    okhttp3.OkHttpClient patient =
        new okhttp3.OkHttpClient.Builder().readTimeout(java.time.Duration.ofSeconds(120)).build();
    okhttp3.Request request =
        new okhttp3.Request.Builder()
            .url(hub.url("/api/openapi.json"))
            .header("Cookie", "cop_session=" + session)
            .build();
    try (okhttp3.Response answer = patient.newCall(request).execute()) {
      String body = answer.body().string();
      assertEquals(200, answer.code(), body);
      document = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
    }
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  /** "{path: .+}" and "{path}" are the same route; the document and Jersey write it either way. */
  private static String normal(String route) {
    return route.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
  }

  @Test
  void everyRouteIsDescribedAndNothingElse() throws Exception {
    Set<String> served = new TreeSet<>();
    for (JsonElement route : hub.call(session, "GET", "/test/routes", null).array()) {
      served.add(normal(route.getAsString()));
    }
    Set<String> described = new TreeSet<>();
    for (Map.Entry<String, JsonElement> path : document.getAsJsonObject("paths").entrySet()) {
      for (String method : path.getValue().getAsJsonObject().keySet()) {
        described.add(normal(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()));
      }
    }
    Set<String> missing = new TreeSet<>(served);
    missing.removeAll(described);
    Set<String> extra = new TreeSet<>(described);
    extra.removeAll(served);
    assertEquals(Set.of(), missing, "served but not in /api/openapi.json");
    assertEquals(Set.of(), extra, "in /api/openapi.json but not served");
    // The demo's, the administrators' and LTI routes are there too.
    assertTrue(served.contains("POST /demo/enter"), served::toString);
    assertTrue(served.contains("GET /api/v1/admin/status"), served::toString);
    assertTrue(served.contains("GET /lti/jwks"), served::toString);
    assertTrue(served.contains("GET /api/openapi.json"), served::toString);
  }

  @Test
  void bodiesAreDescribedByTheirRecordsFields() {
    JsonObject schemas = document.getAsJsonObject("components").getAsJsonObject("schemas");
    JsonObject error = schemas.getAsJsonObject("ApiError").getAsJsonObject("properties");
    assertEquals(Set.of("error", "reason", "message", "details"), error.keySet());
    // Nested records keep their outer class in their name; enums are written as Gson writes them.
    JsonObject hub = schemas.getAsJsonObject("HubResource.Hub").getAsJsonObject("properties");
    assertTrue(hub.keySet().containsAll(Set.of("me", "course", "communities")), hub::toString);
    JsonObject community = schemas.getAsJsonObject("Community").getAsJsonObject("properties");
    assertEquals(
        "[\"open\",\"request\",\"invitation\"]",
        community.getAsJsonObject("joining").get("enum").toString());
    assertEquals("apiKey", scheme().get("type").getAsString());
    assertEquals("cookie", scheme().get("in").getAsString());
  }

  private static JsonObject scheme() {
    return document
        .getAsJsonObject("components")
        .getAsJsonObject("securitySchemes")
        .getAsJsonObject("session");
  }

  @Test
  void theDocumentNeedsASession() throws Exception {
    assertEquals(401, hub.call("none", "GET", "/api/openapi.json", null).status());
  }
}
