package org.copconnector.plugin.resource;

import java.util.List;
import org.copconnector.plugin.discussion.PostFile;
import org.copconnector.plugin.discussion.PostFiles;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * Saves a file attached to a post into the bank of the post's community, as a resource by the
 * post's author; once: saving it again answers the resource it became.
 */
public final class AttachmentToBank {

  /** The resource the attachment is in the bank as; {@code created} when this save made it. */
  public record Saved(String resourceId, boolean created) {}

  private final PostFiles files;
  private final Uploads uploads;
  private final Resources resources;

  public AttachmentToBank(PostFiles files, Uploads uploads, Resources resources) {
    this.files = files;
    this.uploads = uploads;
    this.resources = resources;
  }

  /** Saves it for a writing member of the community (the bank's own rule for new resources). */
  public Saved save(Session session, String postFileId) {
    PostFile file = files.readable(session, postFileId);
    if (file.postId() == null || file.picture()) {
      throw ApiException.notFound(Reason.POST_FILE_NOT_FOUND, "attachment " + postFileId);
    }
    if (file.resourceId() != null) {
      return new Saved(file.resourceId(), false);
    }
    Uploads.Received upload = uploads.again(session.lmsUserId(), file.sha256(), file.fileName());
    Resource created =
        resources.create(
            session,
            new NewResource(
                file.communityId(),
                upload.uploadId(),
                null,
                title(file.fileName()),
                "",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(authorEntry(files.authorName(file))),
                null,
                null));
    files.savedAs(file.id(), created.id());
    return new Saved(created.id(), true);
  }

  /** A name as an entry of the authors list (no commas, at most an entry's length). */
  private static String authorEntry(String name) {
    String entry = name.replace(',', ' ').strip();
    return entry.length() > NewResource.MAX_ENTRY
        ? entry.substring(0, NewResource.MAX_ENTRY)
        : entry;
  }

  /** The file's name without its extension, as long as a title may be. */
  private static String title(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String title = (dot > 0 ? fileName.substring(0, dot) : fileName).strip();
    if (title.isEmpty()) {
      title = fileName;
    }
    return title.length() > NewResource.MAX_TITLE
        ? title.substring(0, NewResource.MAX_TITLE)
        : title;
  }
}
