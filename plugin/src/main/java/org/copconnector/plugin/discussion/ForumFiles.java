package org.copconnector.plugin.discussion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.LmsRefusedException;
import org.copconnector.plugin.lms.LmsUnavailableException;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts' pictures and attachments across the LMS forum, both ways. Into Moodle, a post's copy
 * carries them in two draft areas: its pictures (then shown from the post's own files through
 * {@code @@PLUGINFILE@@}) and its attachments. From Moodle, an imported post's pictures and
 * attachments are fetched with the connector's token and kept like files sent in the hub.
 */
final class ForumFiles {

  /** A post's HTML for the LMS, and the draft areas of its pictures and attachments (or null). */
  record Staged(String html, String inlineAreaId, String attachmentsAreaId) {}

  /**
   * An imported post's HTML with its pictures at our addresses, and the files kept for it: all, and
   * its attachments among them.
   */
  record Fetched(String html, List<String> fileIds, List<String> attachmentIds) {}

  private static final Logger LOG = LoggerFactory.getLogger(ForumFiles.class);

  /** Moodle's files, wherever a site serves them from (with or without the web-service path). */
  private static final Pattern LMS_PICTURE =
      Pattern.compile(
          "(<img\\b[^>]*?\\ssrc\\s*=\\s*)(\"([^\"]*/pluginfile\\.php/[^\"]*)\"|'([^']*/pluginfile\\.php/[^']*)')",
          Pattern.CASE_INSENSITIVE);

  private final DataSource dataSource;
  private final PostFiles files;
  private final PostFileStore store = new PostFileStore();

  ForumFiles(DataSource dataSource, PostFiles files) {
    this.dataSource = dataSource;
    this.files = files;
  }

  /**
   * Uploads the post's pictures and attachments into draft areas and points the pictures of {@code
   * html} at the post's own files (named {@code picture-N}, unique in the post).
   */
  Staged stage(Lms lms, String postId, String html) {
    Staged pictures = stagePictures(lms, html);
    String attachments = null;
    Set<String> used = new HashSet<>();
    for (PostFile file :
        read(c -> store.attachmentsOf(c, List.of(postId))).getOrDefault(postId, List.of())) {
      attachments =
          lms.stageFile(
              attachments, unique(file.fileName(), used), files.bytes(file), file.mediaType());
    }
    return new Staged(pictures.html(), pictures.inlineAreaId(), attachments);
  }

  /**
   * Uploads the pictures {@code html} shows into a draft area and points them at the post's own
   * files, as {@link #stage} does; no attachments (an edit keeps the post's).
   */
  Staged stagePictures(Lms lms, String html) {
    Matcher m = PostFile.PICTURE_SRC.matcher(html);
    Map<String, String> names = new LinkedHashMap<>();
    String inline = null;
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String id = m.group(1);
      String name = names.get(id);
      if (name == null) {
        PostFile picture = read(c -> store.find(c, id)).filter(PostFile::picture).orElse(null);
        if (picture == null) {
          m.appendReplacement(out, "");
          continue;
        }
        name = "picture-" + (names.size() + 1) + extension(picture.mediaType());
        inline = lms.stageFile(inline, name, files.bytes(picture), picture.mediaType());
        names.put(id, name);
      }
      m.appendReplacement(out, Matcher.quoteReplacement("src=\"@@PLUGINFILE@@/" + name + "\""));
    }
    m.appendTail(out);
    return new Staged(out.toString(), inline, null);
  }

  /**
   * Keeps the pictures and attachments of a post written in the LMS for the community, as sent by
   * its author; a file the LMS will not give, or the bank would not take, is left out (its picture
   * then goes with the sanitiser). An LMS that does not answer stops the import, to try again.
   */
  Fetched fetch(
      Lms lms, String communityId, String authorId, String html, List<Lms.PostedFile> attachments) {
    List<String> kept = new ArrayList<>();
    String body = html == null ? "" : html;
    Matcher m = LMS_PICTURE.matcher(body);
    Map<String, String> ours = new LinkedHashMap<>();
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String url = (m.group(3) != null ? m.group(3) : m.group(4)).replace("&amp;", "&");
      if (!ours.containsKey(url) && ours.size() < PostAttachments.MAX_PICTURES) {
        ours.put(url, fetchPicture(lms, communityId, authorId, url, kept));
      }
      String local = ours.get(url);
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(local == null ? m.group() : m.group(1) + "\"" + local + "\""));
    }
    m.appendTail(out);
    List<String> attached = new ArrayList<>();
    for (Lms.PostedFile file :
        attachments.subList(0, Math.min(attachments.size(), PostAttachments.MAX_ATTACHMENTS))) {
      try (Lms.FileDownload download = lms.openFile(file.url())) {
        String id =
            files
                .keepAttachment(
                    communityId, authorId, download.body(), file.fileName(), download.length())
                .id();
        kept.add(id);
        attached.add(id);
      } catch (ApiException e) {
        cutShort(e);
        LOG.info("attachment {} of a forum post is left out: {}", file.fileName(), e.getMessage());
      } catch (LmsRefusedException e) {
        LOG.info("attachment {} of a forum post is left out: {}", file.fileName(), e.getMessage());
      } catch (IOException e) {
        throw new LmsUnavailableException("the attachment could not be read: " + e, e);
      }
    }
    return new Fetched(out.toString(), kept, attached);
  }

  private String fetchPicture(
      Lms lms, String communityId, String authorId, String url, List<String> kept) {
    String name = url.replaceAll("[?#].*", "").replaceAll(".*/", "");
    try (Lms.FileDownload download = lms.openFile(url)) {
      PostFiles.Received picture =
          files.keepPicture(communityId, authorId, download.body(), name, download.length());
      kept.add(picture.id());
      return picture.url();
    } catch (ApiException e) {
      cutShort(e);
      LOG.info("a picture of a forum post is left out: {}", e.getMessage());
      return null;
    } catch (LmsRefusedException e) {
      LOG.info("a picture of a forum post is left out: {}", e.getMessage());
      return null;
    } catch (IOException e) {
      throw new LmsUnavailableException("the picture could not be read: " + e, e);
    }
  }

  /** A file whose download was cut is fetched again at the next import, not left out. */
  private static void cutShort(ApiException e) {
    if (e.reason() == Reason.UPLOAD_INTERRUPTED) {
      throw new LmsUnavailableException("a file's download was cut: " + e.getMessage(), e);
    }
  }

  /**
   * The name a file is staged under: without what Moodle strips from file names (PARAM_FILE), and
   * different from the others of its draft area, which refuses a second "plan.pdf" ("plan (2).pdf"
   * then).
   */
  private static String unique(String fileName, Set<String> used) {
    String name = fileName.replaceAll("[\\p{Cntrl}&<>\"`|':\\\\/]", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      name = "file";
    }
    String candidate = name;
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = stem + " (" + n + ")" + extension;
    }
    return candidate;
  }

  private static String extension(String mediaType) {
    return "image/png".equals(mediaType) ? ".png" : ".jpg";
  }

  private <T> T read(Transaction.Work<T> work) {
    return Transaction.run(dataSource, "forum files", work);
  }
}
