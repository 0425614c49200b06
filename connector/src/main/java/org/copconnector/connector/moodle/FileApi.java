package org.copconnector.connector.moodle;

import com.google.gson.reflect.TypeToken;
import java.util.List;

/** Files into a draft area through {@code /webservice/upload.php}, to attach to forum posts. */
public final class FileApi {

  /**
   * A stored draft file; its {@code itemid} is the draft area to pass as {@code attachmentsid}. A
   * file Moodle did not store comes back with only its name, {@code errortype} ({@code
   * filenameexist}, {@code fileoversized}) and {@code error}.
   */
  public record DraftFile(
      String component,
      long contextid,
      long userid,
      String filearea,
      String filename,
      String filepath,
      long itemid,
      long filesize,
      String errortype,
      String error) {}

  private final MoodleClient client;

  public FileApi(MoodleClient client) {
    this.client = client;
  }

  /** Uploads into a new draft area. */
  public DraftFile uploadToNewDraft(String filename, byte[] content, String contentType) {
    return uploadToDraft(0, filename, content, contentType);
  }

  /**
   * Uploads into an existing draft area ({@code itemId} from an earlier upload), or a new one when
   * 0.
   */
  public DraftFile uploadToDraft(long itemId, String filename, byte[] content, String contentType) {
    List<DraftFile> files =
        client.upload(
            filename, content, contentType, itemId, new TypeToken<List<DraftFile>>() {}.getType());
    if (files == null || files.isEmpty()) {
      throw new MoodleTransportException(
          "upload.php",
          MoodleTransportException.Kind.NOT_JSON,
          200,
          "upload answered no file",
          null);
    }
    DraftFile file = files.get(0);
    if (file.errortype() != null) {
      throw new MoodleException("upload.php", null, file.errortype(), file.error());
    }
    return file;
  }
}
