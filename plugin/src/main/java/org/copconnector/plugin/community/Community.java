package org.copconnector.plugin.community;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.List;
import org.copconnector.plugin.json.Length;

/** A community of practice as stored. */
public record Community(
    String id,
    String name,
    String domain,
    Profile profile,
    Joining joining,
    List<String> courseIds,
    String createdBy,
    Instant createdAt,
    Instant archivedAt) {

  /** How the community describes itself, after the teachers' own descriptions. */
  public record Profile(
      @Length(
              min = 1,
              max = NewCommunity.MAX_TAG,
              entries = NewCommunity.MAX_TAGS,
              reason = "tag_list")
          List<String> cycles,
      @Length(
              min = 1,
              max = NewCommunity.MAX_TAG,
              entries = NewCommunity.MAX_TAGS,
              reason = "tag_list")
          List<String> subjects,
      Sharing sharing,
      Framework framework,
      Context context,
      @Length(
              min = 1,
              max = NewCommunity.MAX_TAG,
              entries = NewCommunity.MAX_TAGS,
              reason = "tag_list")
          List<String> focus) {

    public Profile {
      cycles = cycles == null ? List.of() : List.copyOf(cycles);
      subjects = subjects == null ? List.of() : List.copyOf(subjects);
      focus = focus == null ? List.of() : List.copyOf(focus);
      sharing = sharing == null ? Sharing.BOTH : sharing;
      framework = framework == null ? Framework.INFORMAL : framework;
      context = context == null ? Context.ONE_SCHOOL : context;
    }
  }

  /** How members share. */
  public enum Sharing {
    @SerializedName("online")
    ONLINE,
    @SerializedName("face_to_face")
    FACE_TO_FACE,
    @SerializedName("both")
    BOTH
  }

  /** The frame the community works in. */
  public enum Framework {
    @SerializedName("department")
    DEPARTMENT,
    @SerializedName("informal")
    INFORMAL,
    @SerializedName("project")
    PROJECT,
    @SerializedName("training_action")
    TRAINING_ACTION
  }

  /** Where its members come from. */
  public enum Context {
    @SerializedName("one_school")
    ONE_SCHOOL,
    @SerializedName("network")
    NETWORK
  }

  /** How people come in: participation is voluntary, never imposed. */
  public enum Joining {
    @SerializedName("open")
    OPEN,
    @SerializedName("request")
    REQUEST,
    @SerializedName("invitation")
    INVITATION
  }

  public boolean archived() {
    return archivedAt != null;
  }
}
