package org.copconnector.connector.testing;

import okhttp3.OkHttpClient;
import org.copconnector.plugin.session.SessionFilter;

/** HTTP clients that behave like the connector's own pages. */
public final class Clients {

  private Clients() {}

  /** Sends the header the UI sends with every request; does not follow redirects. */
  public static OkHttpClient asTheUi() {
    return new OkHttpClient.Builder()
        .followRedirects(false)
        .addInterceptor(
            chain ->
                chain.proceed(
                    chain
                        .request()
                        .newBuilder()
                        .header(SessionFilter.REQUEST_HEADER, SessionFilter.REQUEST_HEADER_VALUE)
                        .build()))
        .build();
  }

  /**
   * Closes the clients' idle kept-alive connections, as a browser closed would: a connector
   * stopping gracefully waits a second or two for open connections to close.
   */
  public static void closeIdleConnections(OkHttpClient... clients) {
    for (OkHttpClient client : clients) {
      client.connectionPool().evictAll();
    }
  }
}
