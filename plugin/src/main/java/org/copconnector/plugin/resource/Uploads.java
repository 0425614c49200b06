package org.copconnector.plugin.resource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Receives files: bounded while read, judged by their content, their text extracted for search, and
 * only then stored once by checksum (a refused file leaves nothing behind). An upload is then used
 * by its author to create a resource or a version.
 */
public final class Uploads {

  /** What the uploader is told. */
  public record Received(
      String uploadId, String sha256, long size, String mediaType, String fileName) {}

  private final DataSource dataSource;
  private final BlobStore blobs;
  private final FileTypes types = new FileTypes();
  private final TextExtraction extraction = new TextExtraction();
  private final long limitBytes;
  private final Clock clock;
  private final ResourceStore store = new ResourceStore();

  public Uploads(DataSource dataSource, BlobStore blobs, long limitBytes, Clock clock) {
    this.dataSource = dataSource;
    this.blobs = blobs;
    this.limitBytes = limitBytes;
    this.clock = clock;
  }

  public long limitBytes() {
    return limitBytes;
  }

  /**
   * Takes a file; {@code declaredLength} (the request's Content-Length, -1 when unknown) over the
   * limit is refused before anything is read.
   */
  public Received receive(Session session, InputStream body, String fileName, long declaredLength) {
    return receive(session.lmsUserId(), body, fileName, declaredLength);
  }

  /**
   * As {@link #receive(Session, InputStream, String, long)}, for {@code uploadedBy} (a file of a
   * post imported from the LMS is its author's).
   */
  public Received receive(
      String uploadedBy, InputStream body, String fileName, long declaredLength) {
    if (declaredLength > limitBytes) {
      throw tooLarge();
    }
    try (BlobStore.Pending pending = receive(body)) {
      String mediaType = types.detect(pending.path());
      if (!FileTypes.allowed(mediaType)) {
        throw new ApiException(
            Reason.FILE_TYPE_NOT_ALLOWED,
            "this file's content is "
                + mediaType
                + ", which the bank does not take (documents, presentations, spreadsheets, text, PNG or JPEG pictures)",
            Map.of("mediaType", mediaType));
      }
      String bomb = TextExtraction.inflationProblem(pending.path());
      if (bomb != null) {
        throw new ApiException(
            Reason.FILE_INFLATES,
            "this file unpacks to far more than its size ("
                + bomb
                + "), which the bank does not take");
      }
      String text = extraction.text(pending.path(), mediaType);
      String name = FileNames.clean(fileName);
      String id = UUID.randomUUID().toString();
      Instant now = Instant.now(clock);
      // Kept only inside the transaction: a refusal before it, or a failed insert, leaves the
      // pending file to be deleted on close (a file kept by a commit that then fails is swept).
      Transaction.run(
          dataSource,
          "upload",
          c -> {
            store.insertBlob(c, pending.sha256(), pending.size(), mediaType, text, now);
            store.insertUpload(
                c, new ResourceStore.Upload(id, pending.sha256(), name, uploadedBy), now);
            try {
              pending.keep();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return null;
          });
      return new Received(id, pending.sha256(), pending.size(), mediaType, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Keeps a file the connector made itself (a picture made smaller), without an upload: what refers
   * to it records its checksum.
   */
  public BlobStore.Stored keepMade(byte[] content, String mediaType) {
    try (BlobStore.Pending pending = blobs.receive(new ByteArrayInputStream(content), limitBytes)) {
      Instant now = Instant.now(clock);
      return Transaction.run(
          dataSource,
          "keep file",
          c -> {
            store.insertBlob(c, pending.sha256(), pending.size(), mediaType, "", now);
            try {
              return pending.keep();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new upload of {@code uploadedBy}'s of a file already kept (an attachment saved to the bank).
   */
  public Received again(String uploadedBy, String sha256, String fileName) {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now(clock);
    long size;
    try {
      size = java.nio.file.Files.size(blobs.path(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Transaction.run(
        dataSource,
        "upload again",
        c -> {
          String mediaType =
              store
                  .blobMediaType(c, sha256)
                  .orElseThrow(
                      () ->
                          ApiException.invalid(
                              Reason.UPLOAD_NOT_FOUND, "uploadId", "that file is no longer kept"));
          store.insertUpload(c, new ResourceStore.Upload(id, sha256, fileName, uploadedBy), now);
          return new Received(id, sha256, size, mediaType, fileName);
        });
  }

  private BlobStore.Pending receive(InputStream body) {
    try {
      return blobs.receive(body, limitBytes);
    } catch (BlobStore.TooLarge e) {
      throw tooLarge();
    } catch (IOException e) {
      throw new ApiException(
          Reason.UPLOAD_INTERRUPTED, "the file did not arrive whole: " + e.getMessage());
    }
  }

  /**
   * Deletes what refused or abandoned uploads left, once older than {@code age}: uploads no
   * resource was made from, files no upload or version refers to, and files a stopped run left
   * half-received. Run at start, before requests are taken.
   */
  public int sweep(Duration age) {
    Instant before = Instant.now(clock).minus(age);
    Set<String> known =
        Transaction.run(
            dataSource,
            "sweep uploads",
            c -> {
              store.deleteUploadsBefore(c, before);
              store.deleteUnreferencedBlobsBefore(c, before);
              return Set.copyOf(store.blobChecksums(c));
            });
    try {
      return blobs.sweep(age, Instant.now(clock), known::contains);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ApiException tooLarge() {
    long maxMiB = limitBytes / (1024 * 1024);
    return new ApiException(
        Reason.FILE_TOO_LARGE,
        "files are at most " + maxMiB + " MiB",
        Map.of("limitBytes", limitBytes, "maxMiB", maxMiB));
  }
}
