package org.copconnector.connector.testing;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.copconnector.connector.testing.FuzzClient.Answer;
import org.copconnector.plugin.testing.Docx;

/**
 * Files an attacker uploads: a zip bomb dressed as a document, programs and pages, names that climb
 * out of folders or are not percent-encoded, a length far over the limit. Names that are only odd
 * may be taken, cleaned.
 */
final class HostileUploads {

  private static final MediaType BYTES = MediaType.get("application/octet-stream");

  private final HostileFuzz fuzz;
  private final String session;

  HostileUploads(HostileFuzz fuzz) {
    this.fuzz = fuzz;
    this.session = fuzz.world.facilitator;
  }

  void send() throws IOException {
    byte[] text = "Plano de aula".getBytes(StandardCharsets.UTF_8);
    fuzz.refused("a zip bomb as a docx", upload(Docx.bombBytes(20L * 1024 * 1024), "plano.docx"));
    fuzz.refused(
        "a program",
        upload(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "a.txt"));
    fuzz.refused(
        "a page with script",
        upload(
            "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8),
            "plano.txt"));
    fuzz.refused(
        "a picture with script",
        upload(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8),
            "a.png"));
    for (String name : List.of("%zz.txt", "%E0%A4%A", "abc%", "%", "%C0%AF")) {
      fuzz.refused(
          "file name " + name,
          fuzz.client.send(
              session,
              "POST",
              "/api/v1/uploads",
              RequestBody.create(text, BYTES),
              true,
              Map.of("X-File-Name", name)));
    }
    fuzz.refused(
        "an upload without the pages' header",
        fuzz.client.send(
            session,
            "POST",
            "/api/v1/uploads",
            RequestBody.create(text, BYTES),
            false,
            Map.of("X-File-Name", "a.txt")));
    fuzz.refused(
        "an upload without a session",
        fuzz.client.send(
            null,
            "POST",
            "/api/v1/uploads",
            RequestBody.create(text, BYTES),
            true,
            Map.of("X-File-Name", "a.txt")));
    fuzz.refused(
        "an upload declaring 60 MiB",
        fuzz.client.rawHead(
            "POST /api/v1/uploads HTTP/1.1\r\nCookie: cop_session="
                + session
                + "\r\nX-Requested-With: cop-connector\r\nX-File-Name: a.txt\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: "
                + 60L * 1024 * 1024));
    fuzz.refused(
        "an upload declaring a negative length",
        fuzz.client.rawHead(
            "POST /api/v1/uploads HTTP/1.1\r\nCookie: cop_session="
                + session
                + "\r\nX-Requested-With: cop-connector\r\nX-File-Name: a.txt\r\n"
                + "Content-Length: -5"));
    for (String name :
        List.of(
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "/etc/cron.d/evil.txt",
            "a/../../b.txt",
            "....//....//x.txt",
            ".htaccess",
            "\u202Etxt.exe",
            "<script>alert(1)</script>.txt",
            "x".repeat(2000) + ".txt",
            "a\u0000.txt",
            "a\r\nSet-Cookie: x=y.txt")) {
      Answer answer = upload(text, name);
      if (answer.status() == 201) {
        String kept = answer.json().getAsJsonObject().get("fileName").getAsString();
        if (kept.contains("/")
            || kept.contains("\\")
            || kept.contains("..")
            || kept.startsWith(".")
            || kept.length() > 255
            || kept.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x202E)
            || kept.contains("<")) {
          fuzz.problem("file name " + name + " kept as " + kept, answer);
        }
      } else {
        fuzz.refused("file name " + name, answer);
      }
    }
  }

  private Answer upload(byte[] content, String name) throws IOException {
    return fuzz.client.send(
        session,
        "POST",
        "/api/v1/uploads",
        RequestBody.create(content, BYTES),
        true,
        Map.of("X-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8)));
  }
}
