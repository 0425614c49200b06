package org.copconnector.connector.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.copconnector.plugin.session.SessionFilter;

/**
 * HTTP to a running connector, by its base address, for hostile requests: as the connector's pages
 * send them, without their header, or as raw bytes on a socket for what a client library would
 * correct (bad percent-encoding). Counts what it sends.
 */
public final class FuzzClient {

  /** An answer: status, media type (without parameters) and body text. */
  public record Answer(int status, String mediaType, String body) {
    public JsonElement json() {
      return JsonParser.parseString(body);
    }

    @Override
    public String toString() {
      return status + " " + mediaType + " " + (body.length() > 300 ? body.substring(0, 300) : body);
    }
  }

  public static final MediaType JSON = MediaType.get("application/json");

  private final URI base;
  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .followRedirects(false)
          .callTimeout(Duration.ofSeconds(60))
          .readTimeout(Duration.ofSeconds(60))
          .build();
  private final AtomicInteger sent = new AtomicInteger();

  public FuzzClient(URI base) {
    this.base = base;
  }

  public int sent() {
    return sent.get();
  }

  public String url(String path) {
    return base + path;
  }

  /** Signs a demo person in from a demo course; returns their session token. */
  public String enter(String person, String course) throws IOException {
    Request request =
        new Request.Builder()
            .url(url("/demo/enter"))
            .post(new FormBody.Builder().add("person", person).add("course", course).build())
            .build();
    try (Response r = http.newCall(request).execute()) {
      String cookie = r.header("Set-Cookie");
      if (cookie == null) {
        throw new IOException("no session for " + person + ": " + r.code());
      }
      return cookie.substring("cop_session=".length(), cookie.indexOf(';'));
    }
  }

  /** A JSON (or empty) request as the connector's pages send it. */
  public Answer call(String session, String method, String path, String body) throws IOException {
    return send(session, method, path, body == null ? null : RequestBody.create(body, JSON), true);
  }

  /**
   * Any request: {@code session} null sends no cookie, {@code asTheUi} false leaves out the header
   * the pages send with every change.
   */
  public Answer send(String session, String method, String path, RequestBody body, boolean asTheUi)
      throws IOException {
    return send(session, method, path, body, asTheUi, Map.of());
  }

  public Answer send(
      String session,
      String method,
      String path,
      RequestBody body,
      boolean asTheUi,
      Map<String, String> headers)
      throws IOException {
    if (body == null && !method.equals("GET") && !method.equals("DELETE")) {
      body = RequestBody.create(new byte[0]);
    }
    Request.Builder request = new Request.Builder().url(url(path)).method(method, body);
    if (session != null) {
      request.header("Cookie", "cop_session=" + session);
    }
    if (asTheUi) {
      request.header(SessionFilter.REQUEST_HEADER, SessionFilter.REQUEST_HEADER_VALUE);
    }
    headers.forEach(request::header);
    return execute(request.build());
  }

  public Answer execute(Request request) throws IOException {
    sent.incrementAndGet();
    try (Response r = http.newCall(request).execute()) {
      String type = r.header("Content-Type", "");
      return new Answer(
          r.code(), type.split(";")[0].trim().toLowerCase(Locale.ROOT), r.body().string());
    }
  }

  /**
   * Sends {@code head} (request line and headers, without the blank line) and {@code body} as they
   * are, with a Content-Length, and reads the answer.
   */
  public Answer raw(String head, byte[] body) throws IOException {
    sent.incrementAndGet();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (head
                  + "\r\nHost: "
                  + base.getHost()
                  + "\r\nConnection: close\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return readAnswer(socket.getInputStream());
    }
  }

  /**
   * Sends only {@code head} (request line and headers, its own Content-Length among them) and reads
   * the answer given before any body.
   */
  public Answer rawHead(String head) throws IOException {
    sent.incrementAndGet();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (head + "\r\nHost: " + base.getHost() + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return readAnswer(socket.getInputStream());
    }
  }

  private static Answer readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection closed before an answer: " + head);
      }
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String type = "";
    int length = -1;
    boolean chunked = false;
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        type = lower.substring(13).split(";")[0].trim();
      } else if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    byte[] body;
    if (chunked) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      while (true) {
        String size = line(in);
        int n = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (n == 0) {
          break;
        }
        all.write(in.readNBytes(n));
        line(in);
      }
      body = all.toByteArray();
    } else {
      body = length < 0 ? in.readAllBytes() : in.readNBytes(length);
    }
    return new Answer(status, type, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
