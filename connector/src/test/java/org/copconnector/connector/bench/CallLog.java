package org.copconnector.connector.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.FormBody;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Every web-service request that goes over the network, with its function and how long it took. */
final class CallLog implements Interceptor {

  /** One request: the {@code wsfunction} it named and its time to the answer's headers. */
  record Call(String function, double millis) {}

  private final List<Call> calls = new ArrayList<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    Response response = chain.proceed(request);
    record(new Call(function(request), (System.nanoTime() - start) / 1e6));
    return response;
  }

  private synchronized void record(Call call) {
    calls.add(call);
  }

  /** The calls since the last take, and forgets them. */
  synchronized List<Call> take() {
    List<Call> taken = List.copyOf(calls);
    calls.clear();
    return taken;
  }

  /** How many calls of each function, in name order. */
  static Map<String, Integer> byFunction(List<Call> calls) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Call call : calls) {
      counts.merge(call.function(), 1, Integer::sum);
    }
    return counts;
  }

  /** The times of one function's calls. */
  static double[] millisOf(List<Call> calls, String function) {
    return calls.stream()
        .filter(c -> c.function().equals(function))
        .mapToDouble(Call::millis)
        .toArray();
  }

  private static String function(Request request) {
    if (request.body() instanceof FormBody form) {
      for (int i = 0; i < form.size(); i++) {
        if (form.name(i).equals("wsfunction")) {
          return form.value(i);
        }
      }
    }
    return request.url().encodedPath();
  }

  /** A short listing such as {@code 3 mod_forum_get_forum_discussions + 100 mod_forum_...}. */
  static String describe(Map<String, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((function, count) -> parts.add(count + " " + function));
    return String.join(" + ", parts);
  }
}
