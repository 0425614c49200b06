package org.copconnector.connector.server;

import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** Jetty serving the Jersey application; stops gracefully, letting in-flight requests finish. */
final class HttpServer {

  private final Server server;
  private final ServerConnector connector;

  private static final long SHUTDOWN_IDLE_MILLIS = 200;

  /** Form parameters a request may carry when the container reads them itself. */
  private static final int MAX_FORM_KEYS = 100;

  /**
   * @param maxBodyBytes the request body limit the application holds every non-upload body to; the
   *     container reads no larger form either
   * @param direct what answers some requests before the servlet layer, wrapping it
   */
  HttpServer(
      String host,
      int port,
      Duration shutdownGrace,
      long maxBodyBytes,
      ResourceConfig application,
      java.util.function.UnaryOperator<Handler> direct) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("http");
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    // Jetty reuses a header line repeated on a connection from a cache that by default ignores
    // case, so a cookie differing only in case would be read as the earlier one: a session token
    // is case-sensitive.
    http.setHeaderCacheCaseSensitive(true);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    // When stopping, a kept-alive connection with no request on it is closed after this long
    // (Jetty's default waits a second for each browser that still holds one open).
    connector.setShutdownIdleTimeout(SHUTDOWN_IDLE_MILLIS);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, maxBodyBytes));
    context.setMaxFormKeys(MAX_FORM_KEYS);
    ServletHolder api = new ServletHolder("api", new ServletContainer(application));
    api.setInitOrder(1); // initialise Jersey while starting, not on the first request
    context.addServlet(api, "/*");
    context.setErrorHandler(new JsonErrorHandler());
    server.setErrorHandler(new JsonErrorHandler());
    // New requests are refused and in-flight ones complete when stopping.
    server.setHandler(new GracefulHandler(direct.apply(context)));
    server.setStopTimeout(shutdownGrace.toMillis());
    server.setStopAtShutdown(false);
  }

  /** Starts the handlers (Jersey included) without accepting connections yet. */
  void start() throws Exception {
    server.start();
  }

  /** Starts accepting connections; called once everything requests need is ready. */
  void open() throws Exception {
    server.addConnector(connector);
    connector.start();
  }

  /** The threads serving requests, for metrics. */
  org.eclipse.jetty.util.thread.ThreadPool threads() {
    return server.getThreadPool();
  }

  /** The bound port (useful when configured as 0). */
  int port() {
    return connector.getLocalPort();
  }

  void stop() throws Exception {
    server.stop();
  }
}
