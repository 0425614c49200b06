package org.copconnector.plugin.discussion;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A picture in a post's text or a file attached to a post, kept by checksum in the file store.
 * {@code postId} is null until the post it was sent for is written; {@code resourceId} names the
 * resource it was saved into the bank as.
 */
public record PostFile(
    String id,
    String communityId,
    String postId,
    Kind kind,
    String sha256,
    String fileName,
    String mediaType,
    long size,
    String uploadedBy,
    Instant createdAt,
    String resourceId) {

  /** A picture shown in the text, or a file listed under the post. */
  public enum Kind {
    PICTURE,
    ATTACHMENT
  }

  /** Where our pages fetch post files: the only address a picture in a post may have. */
  public static final String PATH = "/api/v1/post-files/";

  private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  /** A picture's whole address in a post's HTML. */
  static final Pattern PICTURE_URL = Pattern.compile(Pattern.quote(PATH) + ID);

  /** The {@code src} attribute of a picture of ours as the sanitiser writes it; group 1 the id. */
  static final Pattern PICTURE_SRC =
      Pattern.compile("src=\"" + Pattern.quote(PATH) + "(" + ID + ")\"");

  public String url() {
    return PATH + id;
  }

  public boolean picture() {
    return kind == Kind.PICTURE;
  }
}
