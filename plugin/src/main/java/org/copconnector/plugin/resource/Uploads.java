package org.copconnector.plugin.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Receives files: bounded while read, stored once by checksum, judged by their content, their text
 * extracted for search. An upload is then used by its author to create a resource or a version.
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
    if (declaredLength > limitBytes) {
      throw tooLarge();
    }
    BlobStore.Stored stored;
    try {
      stored = blobs.store(body, limitBytes);
    } catch (BlobStore.TooLarge e) {
      throw tooLarge();
    } catch (IOException e) {
      throw new ApiException(
          Reason.UPLOAD_INTERRUPTED, "the file did not arrive whole: " + e.getMessage());
    }
    String mediaType;
    try {
      mediaType = types.detect(stored.path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!FileTypes.allowed(mediaType)) {
      throw new ApiException(
          Reason.FILE_TYPE_NOT_ALLOWED,
          "this file's content is "
              + mediaType
              + ", which the bank does not take (documents, presentations, spreadsheets, text, PNG or JPEG pictures)",
          Map.of("mediaType", mediaType));
    }
    String text = extraction.text(stored.path(), mediaType);
    String name = FileNames.clean(fileName);
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now(clock);
    Transaction.run(
        dataSource,
        "upload",
        c -> {
          store.insertBlob(c, stored.sha256(), stored.size(), mediaType, text, now);
          store.insertUpload(
              c, new ResourceStore.Upload(id, stored.sha256(), name, session.lmsUserId()), now);
          return null;
        });
    return new Received(id, stored.sha256(), stored.size(), mediaType, name);
  }

  private ApiException tooLarge() {
    long maxMiB = limitBytes / (1024 * 1024);
    return new ApiException(
        Reason.FILE_TOO_LARGE,
        "files are at most " + maxMiB + " MiB",
        Map.of("limitBytes", limitBytes, "maxMiB", maxMiB));
  }
}
