package org.copconnector.connector.gradebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A platform's LTI Assignment and Grade Services: a course's line items (gradebook columns) and the
 * scores posted to one, in the media types of the specification (Moodle refuses others).
 */
final class GradebookClient {

  static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
  static final String LINE_ITEMS = "application/vnd.ims.lis.v2.lineitemcontainer+json";
  static final String SCORE = "application/vnd.ims.lis.v1.score+json";

  /** A line item as the platform describes it. */
  record LineItem(String id, String label, String resourceId, String tag) {}

  private final Supplier<OkHttpClient> http;

  GradebookClient(Supplier<OkHttpClient> http) {
    this.http = http;
  }

  /** The course's line items with {@code resourceId}, as filtered by the platform. */
  List<LineItem> lineItems(URI lineItems, String resourceId, String token)
      throws GradeServiceException {
    HttpUrl url = url(lineItems).newBuilder().addQueryParameter("resource_id", resourceId).build();
    Request request =
        new Request.Builder()
            .url(url)
            .header("Accept", LINE_ITEMS)
            .header("Authorization", "Bearer " + token)
            .build();
    JsonElement answer = call(request, "list the course's gradebook columns");
    List<LineItem> items = new ArrayList<>();
    if (answer instanceof JsonArray array) {
      for (JsonElement each : array) {
        if (each instanceof JsonObject item) {
          items.add(lineItem(item));
        }
      }
    }
    return items;
  }

  /** Makes a line item; the platform's answer names it by its address ({@code id}). */
  LineItem create(URI lineItems, JsonObject item, String token) throws GradeServiceException {
    Request request =
        new Request.Builder()
            .url(url(lineItems))
            .header("Accept", LINE_ITEM)
            .header("Authorization", "Bearer " + token)
            .post(RequestBody.create(item.toString(), MediaType.get(LINE_ITEM)))
            .build();
    JsonElement answer = call(request, "make the gradebook column");
    if (!(answer instanceof JsonObject object) || lineItem(object).id() == null) {
      throw new GradeServiceException(502, "the platform made a column without naming it", null);
    }
    return lineItem(object);
  }

  /** Posts a score to the line item at {@code lineItem} ({@code {lineItem}/scores}). */
  void postScore(String lineItem, JsonObject score, String token) throws GradeServiceException {
    HttpUrl item = url(URI.create(lineItem));
    HttpUrl.Builder scores = item.newBuilder();
    if (item.pathSegments().get(item.pathSize() - 1).isEmpty()) {
      scores.setPathSegment(item.pathSize() - 1, "scores");
    } else {
      scores.addPathSegment("scores");
    }
    Request request =
        new Request.Builder()
            .url(scores.build())
            .header("Authorization", "Bearer " + token)
            .post(RequestBody.create(score.toString(), MediaType.get(SCORE)))
            .build();
    call(request, "send the score");
  }

  private JsonElement call(Request request, String what) throws GradeServiceException {
    try (Response response = http.get().newCall(request).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        throw new GradeServiceException(
            response.code(),
            "the platform did not " + what + " (HTTP " + response.code() + reason(response) + ")",
            null);
      }
      if (text.isBlank()) {
        return null;
      }
      try {
        return JsonParser.parseString(text);
      } catch (JsonParseException e) {
        return null;
      }
    } catch (IOException e) {
      throw new GradeServiceException(
          0, "the platform did not answer when asked to " + what + ": " + e.getMessage(), e);
    }
  }

  /** Moodle says why in the status line. */
  private static String reason(Response response) {
    String message = response.message();
    if (message == null || message.isBlank()) {
      return "";
    }
    return ", " + (message.length() > 200 ? message.substring(0, 200) : message);
  }

  private static HttpUrl url(URI address) throws GradeServiceException {
    HttpUrl url = HttpUrl.parse(address.toString());
    if (url == null) {
      throw new GradeServiceException(400, "not an http(s) address: " + address, null);
    }
    return url;
  }

  private static LineItem lineItem(JsonObject item) {
    return new LineItem(
        text(item, "id"), text(item, "label"), text(item, "resourceId"), text(item, "tag"));
  }

  private static String text(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
  }
}
