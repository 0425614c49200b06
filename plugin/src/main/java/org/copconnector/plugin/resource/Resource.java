package org.copconnector.plugin.resource;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.List;

/** A teaching material of a community's bank, as stored (its files are in its versions). */
public record Resource(
    String id,
    String communityId,
    String title,
    String description,
    Kind kind,
    List<String> subjects,
    List<String> cycles,
    String language,
    Licence licence,
    List<String> tags,
    List<String> authors,
    Visibility visibility,
    String adaptedFrom,
    String createdBy,
    Instant createdAt,
    int currentVersion,
    Counts counts) {

  /** What teachers did with it. */
  public record Counts(int uses, int ratings, double averageRating, int comments, int adaptations) {

    /** Usefulness for sorting: ratings weigh by their number, uses count too. */
    public double usefulness() {
      return uses + ratings * averageRating;
    }
  }

  /** What kind of material it is. */
  public enum Kind {
    @SerializedName("lesson_plan")
    LESSON_PLAN,
    @SerializedName("activity")
    ACTIVITY,
    @SerializedName("evaluation_instrument")
    EVALUATION_INSTRUMENT,
    @SerializedName("rubric")
    RUBRIC,
    @SerializedName("reading")
    READING,
    @SerializedName("methodology")
    METHODOLOGY,
    @SerializedName("video")
    VIDEO,
    @SerializedName("presentation")
    PRESENTATION,
    @SerializedName("other")
    OTHER
  }

  /** The Creative Commons licences, or all rights reserved. */
  public enum Licence {
    @SerializedName("cc0")
    CC0,
    @SerializedName("cc_by")
    CC_BY,
    @SerializedName("cc_by_sa")
    CC_BY_SA,
    @SerializedName("cc_by_nd")
    CC_BY_ND,
    @SerializedName("cc_by_nc")
    CC_BY_NC,
    @SerializedName("cc_by_nc_sa")
    CC_BY_NC_SA,
    @SerializedName("cc_by_nc_nd")
    CC_BY_NC_ND,
    @SerializedName("all_rights_reserved")
    ALL_RIGHTS_RESERVED
  }

  /** Who may find it: its communities' members, people of the author's courses, or everyone. */
  public enum Visibility {
    @SerializedName("community")
    COMMUNITY,
    @SerializedName("courses")
    COURSES,
    @SerializedName("site")
    SITE
  }
}
