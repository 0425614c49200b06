package org.copconnector.connector.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.copconnector.connector.testing.FuzzClient;
import org.copconnector.connector.testing.HostileFuzz;

/**
 * Load for the heap measurement of a connector running elsewhere in demo mode
 * (scripts/bench-heap.sh samples its heap): {@code fuzz} sends the hostile fuzz suite, {@code
 * uploads} 20 concurrent uploads of 50 MiB of text, each different, generated while sent. Prints
 * Markdown table rows.
 */
public final class HeapBenchmark {

  private static final int UPLOADS = 20;
  private static final long UPLOAD_BYTES = 50L * 1024 * 1024;

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    if (args[1].equals("fuzz")) {
      fuzz(base);
    } else {
      uploads(base);
    }
    System.exit(0);
  }

  private static void fuzz(URI base) throws IOException {
    long start = System.nanoTime();
    HostileFuzz.Report report = HostileFuzz.run(base, 20261201L);
    double seconds = (System.nanoTime() - start) / 1e9;
    long serverErrors = report.problems().stream().filter(p -> p.contains("-> 5")).count();
    System.out.printf(
        "| hostile fuzz suite: requests sent / answered wrongly / answered 5xx | %d / %d / %d in %.1f s |%n",
        report.requests(), report.problems().size(), serverErrors, seconds);
    report.problems().stream().limit(20).forEach(p -> System.err.println("wrong: " + p));
  }

  private static void uploads(URI base) throws Exception {
    FuzzClient client = new FuzzClient(base);
    String session = client.enter("d07", "demo-rede-ciencias");
    ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
    List<Future<double[]>> running = new ArrayList<>();
    for (int i = 0; i < UPLOADS; i++) {
      int seed = i;
      running.add(
          pool.submit(
              () -> {
                long t = System.nanoTime();
                FuzzClient.Answer answer =
                    client.send(
                        session,
                        "POST",
                        "/api/v1/uploads",
                        new GeneratedText(seed, UPLOAD_BYTES),
                        true,
                        Map.of("X-File-Name", "plano-" + seed + ".txt"));
                if (answer.status() != 201) {
                  System.err.println("upload " + seed + ": " + answer);
                }
                return new double[] {answer.status(), (System.nanoTime() - t) / 1e6};
              }));
    }
    double[] millis = new double[UPLOADS];
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < UPLOADS; i++) {
      double[] result = running.get(i).get();
      statuses.merge((int) result[0], 1, Integer::sum);
      millis[i] = result[1];
    }
    pool.shutdown();
    System.out.printf(
        "| %d concurrent uploads of 50 MiB (text), each until its answer | %s |%n",
        UPLOADS, new Percentiles(millis).summary("ms"));
    System.out.printf("| their answers | %s |%n", statuses);
  }

  /** {@code bytes} of lines of random (ASCII) words, written as sent, never held whole. */
  private static final class GeneratedText extends RequestBody {
    private static final String[] WORDS = {
      "aula", "fracoes", "equivalentes", "alunos", "avaliacao", "projeto", "leitura", "ciencias",
      "turma", "rubrica", "partilha", "pratica", "reflexao", "escola", "professores", "plano"
    };

    private final int seed;
    private final long bytes;

    GeneratedText(int seed, long bytes) {
      this.seed = seed;
      this.bytes = bytes;
    }

    @Override
    public MediaType contentType() {
      return MediaType.get("application/octet-stream");
    }

    @Override
    public long contentLength() {
      return bytes;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      Random random = new Random(seed);
      byte[] chunk = new byte[64 * 1024];
      for (long sent = 0; sent < bytes; sent += chunk.length) {
        int n = (int) Math.min(chunk.length, bytes - sent);
        int at = 0;
        while (at < n) {
          byte[] word =
              (WORDS[random.nextInt(WORDS.length)] + (random.nextInt(12) == 0 ? "\n" : " "))
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          int take = Math.min(word.length, n - at);
          System.arraycopy(word, 0, chunk, at, take);
          at += take;
        }
        sink.write(chunk, 0, n);
      }
    }
  }
}
