package org.copconnector.plugin.resource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.copconnector.plugin.discussion.RichText;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.WebLink;

/**
 * A resource to add to a community's bank: an uploaded file ({@code uploadId}) or a link, and its
 * description (sanitised HTML, as posts). Checked here, before anything is stored.
 */
public record NewResource(
    @Length(max = 36) String communityId,
    @Length(max = 36) String uploadId,
    @Length(max = WebLink.MAX_LENGTH) String url,
    @Length(min = 1, max = NewResource.MAX_TITLE, reason = "title_length") String title,
    @Length(max = NewResource.MAX_DESCRIPTION_HTML, reason = "description_length")
        String description,
    Resource.Kind kind,
    @Length(
            min = 1,
            max = NewResource.MAX_ENTRY,
            entries = NewResource.MAX_ENTRIES,
            reason = "tag_list")
        List<String> subjects,
    @Length(
            min = 1,
            max = NewResource.MAX_ENTRY,
            entries = NewResource.MAX_ENTRIES,
            reason = "tag_list")
        List<String> cycles,
    @Length(max = 12) String language,
    Resource.Licence licence,
    @Length(
            min = 1,
            max = NewResource.MAX_ENTRY,
            entries = NewResource.MAX_ENTRIES,
            reason = "tag_list")
        List<String> tags,
    @Length(
            min = 1,
            max = NewResource.MAX_ENTRY,
            entries = NewResource.MAX_ENTRIES,
            reason = "tag_list")
        List<String> authors,
    Resource.Visibility visibility,
    @Length(max = 36) String adaptedFrom) {

  static final int MAX_TITLE = 300;

  /** What the description's HTML may take, its formatting included (the column holds it). */
  static final int MAX_DESCRIPTION_HTML = 20_000;

  static final int MAX_ENTRIES = 20;
  static final int MAX_ENTRY = 60;

  public NewResource {
    if (communityId == null || communityId.isBlank()) {
      throw ApiException.invalid(
          Reason.COMMUNITY_REQUIRED, "communityId", "say which community's bank it goes into");
    }
    title = title == null ? "" : title.strip();
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      throw ApiException.invalid(
          Reason.TITLE_LENGTH,
          "title",
          "a title is 1 to " + MAX_TITLE + " characters",
          Map.of("min", 1, "max", MAX_TITLE));
    }
    description =
        RichText.optional(
            description,
            MAX_DESCRIPTION_HTML,
            Reason.DESCRIPTION_LENGTH,
            "description",
            "description");
    url = checkSource(uploadId, url);
    kind = kind == null ? Resource.Kind.OTHER : kind;
    licence = licence == null ? Resource.Licence.CC_BY_SA : licence;
    visibility = visibility == null ? Resource.Visibility.COMMUNITY : visibility;
    language =
        language == null || language.isBlank() ? "pt" : language.strip().toLowerCase(Locale.ROOT);
    if (!language.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
      throw ApiException.invalid(
          Reason.LANGUAGE_INVALID, "language", "a language code such as pt, en or pt-br");
    }
    subjects = entries("subjects", subjects);
    cycles = entries("cycles", cycles);
    tags = entries("tags", tags);
    authors = entries("authors", authors);
  }

  /** An uploaded file with a title and description; everything else takes its default. */
  public static NewResource ofUpload(
      String communityId, String uploadId, String title, String description) {
    return new NewResource(
        communityId,
        uploadId,
        null,
        title,
        description,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** Exactly one of an upload and an http(s) link; returns the link, normalised. */
  static String checkSource(String uploadId, String url) {
    boolean file = uploadId != null && !uploadId.isBlank();
    boolean link = url != null && !url.isBlank();
    if (file == link) {
      throw ApiException.invalid(
          Reason.FILE_OR_LINK,
          "uploadId",
          "give either an uploaded file (uploadId) or a link (url)");
    }
    if (!link) {
      return null;
    }
    return WebLink.check("url", url);
  }

  private static List<String> entries(String field, List<String> values) {
    List<String> cleaned =
        values == null
            ? List.of()
            : values.stream().map(v -> v == null ? "" : v.strip()).distinct().toList();
    if (cleaned.size() > MAX_ENTRIES
        || cleaned.stream()
            .anyMatch(v -> v.isEmpty() || v.length() > MAX_ENTRY || v.contains(","))) {
      throw ApiException.invalid(
          Reason.TAG_LIST,
          field,
          "up to " + MAX_ENTRIES + " entries of 1 to " + MAX_ENTRY + " characters, without commas",
          Map.of("maxEntries", MAX_ENTRIES, "maxLength", MAX_ENTRY));
    }
    return cleaned;
  }
}
