package org.copconnector.connector.lti;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.connector.testing.Clients;

/**
 * A scripted browser for LTI flows: keeps cookies (treating loopback as a secure origin, as
 * browsers do), does not follow redirects by itself, and can submit Moodle's self-posting forms.
 */
final class Browser {

  /** One answer, read whole, with its content security policy. */
  record Page(
      int status,
      String location,
      String body,
      List<String> setCookies,
      String contentType,
      String policy) {}

  private final List<Cookie> cookies = new ArrayList<>();
  private final OkHttpClient http;
  private String acceptLanguage;

  /**
   * Closes its idle kept-alive connections, so that a connector stopping need not wait for them.
   */
  void closeIdleConnections() {
    Clients.closeIdleConnections(http);
  }

  Browser() {
    http =
        new OkHttpClient.Builder()
            .followRedirects(false)
            .cookieJar(
                new CookieJar() {
                  @Override
                  public void saveFromResponse(HttpUrl url, List<Cookie> received) {
                    synchronized (cookies) {
                      for (Cookie cookie : received) {
                        cookies.removeIf(
                            c -> c.name().equals(cookie.name()) && c.path().equals(cookie.path()));
                        if (cookie.expiresAt() > System.currentTimeMillis()) {
                          cookies.add(cookie);
                        }
                      }
                    }
                  }

                  @Override
                  public List<Cookie> loadForRequest(HttpUrl url) {
                    synchronized (cookies) {
                      return cookies.stream()
                          .filter(
                              c ->
                                  url.host().equals(c.domain())
                                      && url.encodedPath().startsWith(c.path()))
                          .toList();
                    }
                  }
                })
            .build();
  }

  Optional<Cookie> cookie(String name) {
    synchronized (cookies) {
      return cookies.stream().filter(c -> c.name().equals(name)).findFirst();
    }
  }

  /** The Accept-Language header this browser sends from now on (null: none). */
  void languages(String acceptLanguage) {
    this.acceptLanguage = acceptLanguage;
  }

  void dropCookies() {
    synchronized (cookies) {
      cookies.clear();
    }
  }

  Page get(String url) throws IOException {
    return send(new Request.Builder().url(url).build());
  }

  Page post(String url, Map<String, String> fields) throws IOException {
    FormBody.Builder form = new FormBody.Builder();
    fields.forEach(form::add);
    return send(new Request.Builder().url(url).post(form.build()).build());
  }

  Page postJson(String url, String json) throws IOException {
    return send(
        new Request.Builder()
            .url(url)
            .post(okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json")))
            .build());
  }

  /** Submits the first form of a page the way its script would. */
  Page submitForm(Page page) throws IOException {
    Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]*)\"").matcher(page.body());
    if (!action.find()) {
      throw new AssertionError("no form in: " + page.body());
    }
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    Matcher input =
        Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
            .matcher(page.body());
    while (input.find()) {
      fields.put(input.group(1), input.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
    }
    return post(action.group(1).replace("&amp;", "&"), fields);
  }

  private Page send(Request request) throws IOException {
    if (acceptLanguage != null) {
      request = request.newBuilder().header("Accept-Language", acceptLanguage).build();
    }
    try (Response response = http.newCall(request).execute()) {
      return new Page(
          response.code(),
          response.header("Location"),
          response.body().string(),
          response.headers("Set-Cookie"),
          response.header("Content-Type", ""),
          response.header("Content-Security-Policy"));
    }
  }
}
