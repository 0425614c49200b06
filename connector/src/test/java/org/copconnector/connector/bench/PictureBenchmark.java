package org.copconnector.connector.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.plugin.testing.Photos;

/**
 * A 5 MB phone photo pasted into a post: sent to the connector (content check, made at most 1600
 * px, EXIF stripped, kept), then fetched as the page shows it. Timed at the client over loopback,
 * from the first byte sent to the last byte of the picture received. Prints a Markdown table row.
 *
 * <p>{@code mvn -pl connector exec:java -Dexec.mainClass=...PictureBenchmark
 * -Dexec.classpathScope=test} (args: runs, default 20; warm-up runs, default 3).
 */
public final class PictureBenchmark {

  private PictureBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    // Photos made first: 4000 x 3000 of fine detail, about 5 MB each, as a phone takes them.
    List<byte[]> photos = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < runs + warmUp; i++) {
      byte[] photo = Photos.phonePhoto(4000, 3000, i);
      photos.add(photo);
      bytes += photo.length;
    }
    Path data = Files.createTempDirectory("picture-bench");
    try (DemoHub hub = DemoHub.start(data, Map.of())) {
      String session = hub.enter("d07", "demo-rede-ciencias");
      String community = hub.community(session, "Fotografias da aula", "Ciências");
      double[] millis = new double[runs];
      long kept = 0;
      for (int i = 0; i < runs + warmUp; i++) {
        long start = System.nanoTime();
        DemoHub.Answer sent =
            hub.upload(
                session,
                "/api/v1/post-pictures?community=" + community,
                photos.get(i),
                "IMG_" + i + ".jpg");
        if (sent.status() != 201) {
          throw new IllegalStateException("picture " + i + " refused: " + sent.json());
        }
        DemoHub.Download shown = hub.download(session, sent.object().get("url").getAsString());
        double elapsed = (System.nanoTime() - start) / 1e6;
        if (shown.status() != 200 || Photos.contains(shown.bytes(), Photos.LOCATION)) {
          throw new IllegalStateException("picture " + i + " not shown as kept");
        }
        if (i >= warmUp) {
          millis[i - warmUp] = elapsed;
          kept += shown.bytes().length;
        }
      }
      System.out.printf(
          "| paste of a phone photo (4000 x 3000, %.1f MB average) until shown: sent, checked, made"
              + " 1600 x 1200, stripped, kept, fetched | %s | 1000 ms | %.2f (p95) |%n",
          bytes / (double) photos.size() / 1e6,
          new Percentiles(millis).summary("ms"),
          new Percentiles(millis).at(95) / 1000);
      System.out.printf("| picture kept (average) | %.0f KB |%n", kept / (double) runs / 1e3);
    }
    System.exit(0);
  }
}
