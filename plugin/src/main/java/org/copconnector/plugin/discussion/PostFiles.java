package org.copconnector.plugin.discussion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.resource.FileNames;
import org.copconnector.plugin.resource.FileTypes;
import org.copconnector.plugin.resource.Uploads;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Pictures and attachments of posts, sent before the post that uses them: pictures made smaller and
 * stripped of their metadata, attachments judged as the bank judges uploads. Each belongs to a
 * community and is given only to whoever may read it there.
 */
public final class PostFiles {

  /** What the sender is told: where the file is fetched, and (pictures) its size in pixels. */
  public record Received(
      String id,
      String url,
      String fileName,
      String mediaType,
      long size,
      Integer width,
      Integer height) {}

  /** A file to send. */
  public record Download(
      Path path, String fileName, String mediaType, long size, String sha256, boolean picture) {}

  /** The largest picture taken, before it is made smaller (a phone's photo is far below it). */
  static final long PICTURE_MAX_BYTES = 25L * 1024 * 1024;

  /** Pictures decoded at once: each takes tens of MiB while it is redrawn. */
  private static final int PICTURES_AT_ONCE = 2;

  private final DataSource dataSource;
  private final CommunityAccess access;
  private final BlobStore blobs;
  private final Uploads uploads;
  private final Clock clock;
  private final PostFileStore store = new PostFileStore();
  private final DiscussionStore discussions = new DiscussionStore();
  private final Pictures pictures = new Pictures();
  private final FileTypes types = new FileTypes();
  private final Semaphore decoding = new Semaphore(PICTURES_AT_ONCE);

  public PostFiles(
      DataSource dataSource, PeopleStore people, BlobStore blobs, Uploads uploads, Clock clock) {
    this.dataSource = dataSource;
    this.access = new CommunityAccess(people);
    this.blobs = blobs;
    this.uploads = uploads;
    this.clock = clock;
  }

  /** The most bytes a picture may have when sent. */
  public long pictureLimit() {
    return Math.min(PICTURE_MAX_BYTES, uploads.limitBytes());
  }

  /** A picture for a post of the community, by one of its writing members. */
  public Received receivePicture(
      Session session, String communityId, InputStream body, String fileName, long length) {
    requireWriter(session, communityId);
    return keepPicture(communityId, session.lmsUserId(), body, fileName, length);
  }

  /** A file to attach to a post of the community, by one of its writing members. */
  public Received receiveAttachment(
      Session session, String communityId, InputStream body, String fileName, long length) {
    requireWriter(session, communityId);
    return keepAttachment(communityId, session.lmsUserId(), body, fileName, length);
  }

  /** Keeps a picture sent by {@code uploadedBy} (in the hub, or in a forum being imported). */
  Received keepPicture(
      String communityId, String uploadedBy, InputStream body, String fileName, long length) {
    long limit = pictureLimit();
    if (length > limit) {
      throw tooLarge(limit);
    }
    Pictures.Cleaned cleaned;
    try (BlobStore.Pending pending = blobs.receive(body, limit)) {
      String mediaType = types.detect(pending.path());
      if (!mediaType.equals("image/png") && !mediaType.equals("image/jpeg")) {
        throw new ApiException(
            Reason.PICTURE_TYPE_NOT_ALLOWED,
            "this file's content is " + mediaType + ": pictures are PNG or JPEG",
            Map.of("mediaType", mediaType));
      }
      cleaned = clean(pending.path(), mediaType);
    } catch (BlobStore.TooLarge e) {
      throw tooLarge(limit);
    } catch (IOException e) {
      throw new ApiException(
          Reason.UPLOAD_INTERRUPTED, "the picture did not arrive whole: " + e.getMessage());
    }
    BlobStore.Stored stored = uploads.keepMade(cleaned.bytes(), cleaned.mediaType());
    PostFile file =
        insert(
            communityId,
            PostFile.Kind.PICTURE,
            stored.sha256(),
            pictureName(fileName, cleaned.mediaType()),
            cleaned.mediaType(),
            stored.size(),
            uploadedBy);
    return new Received(
        file.id(),
        file.url(),
        file.fileName(),
        file.mediaType(),
        file.size(),
        cleaned.width(),
        cleaned.height());
  }

  /** Keeps an attachment sent by {@code uploadedBy}, once the bank's checks took it. */
  Received keepAttachment(
      String communityId, String uploadedBy, InputStream body, String fileName, long length) {
    Uploads.Received upload = uploads.receive(uploadedBy, body, fileName, length);
    PostFile file =
        insert(
            communityId,
            PostFile.Kind.ATTACHMENT,
            upload.sha256(),
            upload.fileName(),
            upload.mediaType(),
            upload.size(),
            uploadedBy);
    return new Received(
        file.id(), file.url(), file.fileName(), file.mediaType(), file.size(), null, null);
  }

  /**
   * A file for whoever may read it: the community's readers once its post is written (a hidden
   * post's only to its author and facilitators), its sender before.
   */
  public Download open(Session session, String id) {
    PostFile file = readable(session, id);
    return new Download(
        blobs.path(file.sha256()),
        file.fileName(),
        file.mediaType(),
        file.size(),
        file.sha256(),
        file.picture());
  }

  /** The file, if {@code session} may read it (see {@link #open}). */
  public PostFile readable(Session session, String id) {
    return Transaction.run(
        dataSource,
        "post file",
        c -> {
          PostFile file = store.find(c, id).orElseThrow(() -> notFound(id));
          CommunityAccess.Access caller = access.of(c, session, file.communityId());
          caller.requireRead();
          if (file.postId() == null) {
            if (!file.uploadedBy().equals(session.lmsUserId())) {
              throw notFound(id);
            }
            return file;
          }
          Post post = discussions.post(c, file.postId()).orElseThrow(() -> notFound(id));
          if (post.hidden()
              && !caller.canModerate()
              && !post.authorId().equals(session.lmsUserId())) {
            throw new ApiException(Reason.POST_HIDDEN, "this post was hidden by a facilitator");
          }
          return file;
        });
  }

  /** Records the bank resource an attachment was saved as. */
  public void savedAs(String id, String resourceId) {
    Transaction.run(
        dataSource,
        "post file saved",
        c -> {
          store.setResource(c, id, resourceId);
          return null;
        });
  }

  /**
   * Forgets files sent for posts never written, once older than {@code age} (a draft kept in the
   * browser may still show its pictures until then); their bytes go with the bank's sweep.
   */
  public int sweep(Duration age) {
    Instant before = Instant.now(clock).minus(age);
    return Transaction.run(
        dataSource, "sweep post files", c -> store.deleteUnboundBefore(c, before));
  }

  private Pictures.Cleaned clean(Path file, String mediaType) throws IOException {
    decoding.acquireUninterruptibly();
    try {
      return pictures.clean(Files.readAllBytes(file), mediaType);
    } finally {
      decoding.release();
    }
  }

  private PostFile insert(
      String communityId,
      PostFile.Kind kind,
      String sha256,
      String fileName,
      String mediaType,
      long size,
      String uploadedBy) {
    PostFile file =
        new PostFile(
            UUID.randomUUID().toString(),
            communityId,
            null,
            kind,
            sha256,
            fileName,
            mediaType,
            size,
            uploadedBy,
            Instant.now(clock),
            null);
    Transaction.run(
        dataSource,
        "post file",
        c -> {
          store.insert(c, file);
          return null;
        });
    return file;
  }

  private void requireWriter(Session session, String communityId) {
    if (communityId == null || communityId.isBlank()) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "community", "say which community: ?community={id}");
    }
    Transaction.run(
        dataSource,
        "post file rights",
        c -> {
          access.of(c, session, communityId).requireWrite();
          return null;
        });
  }

  /** A pasted picture has no name of its own ("image.png"): its format's extension is kept. */
  private static String pictureName(String fileName, String mediaType) {
    String name = FileNames.clean(fileName);
    String extension = mediaType.equals("image/png") ? ".png" : ".jpg";
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return stem + extension;
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound(Reason.POST_FILE_NOT_FOUND, "file " + id);
  }

  private static ApiException tooLarge(long limit) {
    long maxMiB = limit / (1024 * 1024);
    return new ApiException(
        Reason.FILE_TOO_LARGE,
        "pictures are at most " + maxMiB + " MiB",
        Map.of("limitBytes", limit, "maxMiB", maxMiB));
  }

  /** A kept file's bytes (at most the upload limit: for staging into the LMS). */
  byte[] bytes(PostFile file) {
    try {
      return Files.readAllBytes(blobs.path(file.sha256()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name of the author of the post the file belongs to (its sender's id before). */
  public String authorName(PostFile file) {
    return Transaction.run(
        dataSource,
        "post file author",
        c ->
            file.postId() == null
                ? file.uploadedBy()
                : discussions
                    .post(c, file.postId())
                    .map(Post::authorName)
                    .orElse(file.uploadedBy()));
  }
}
