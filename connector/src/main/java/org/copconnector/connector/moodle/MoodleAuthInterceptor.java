package org.copconnector.connector.moodle;

import java.io.IOException;
import okhttp3.FormBody;
import okhttp3.Interceptor;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Adds the token (and JSON format) to every web-service request body. The token never goes into a
 * URL, so it cannot leak through access logs or exception messages that quote the URL.
 */
final class MoodleAuthInterceptor implements Interceptor {

  private final String token;

  MoodleAuthInterceptor(String token) {
    this.token = token;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestBody body = request.body();
    if (body instanceof FormBody original
        && request.url().encodedPath().contains("/pluginfile.php")) {
      // File downloads read "token" (GET or POST); in the body it stays out of URLs and logs.
      FormBody.Builder withToken = new FormBody.Builder().add("token", token);
      for (int i = 0; i < original.size(); i++) {
        withToken.add(original.name(i), original.value(i));
      }
      return chain.proceed(request.newBuilder().post(withToken.build()).build());
    }
    if (body instanceof FormBody form) {
      // First, so that PHP's max_input_vars can never cut them off the end.
      FormBody.Builder withToken =
          new FormBody.Builder().add("wstoken", token).add("moodlewsrestformat", "json");
      for (int i = 0; i < form.size(); i++) {
        withToken.add(form.name(i), form.value(i));
      }
      return chain.proceed(request.newBuilder().post(withToken.build()).build());
    }
    if (body instanceof MultipartBody multipart) {
      MultipartBody.Builder withToken =
          new MultipartBody.Builder(multipart.boundary()).setType(multipart.type());
      withToken.addFormDataPart("token", token);
      multipart.parts().forEach(withToken::addPart);
      return chain.proceed(request.newBuilder().post(withToken.build()).build());
    }
    return chain.proceed(request);
  }
}
