package org.copconnector.plugin.survey;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.List;

/** A community's questionnaire and its rounds, as a member sees them. */
public record Survey(
    String id,
    String communityId,
    Template template,
    String title,
    List<String> items,
    List<Round> rounds) {

  /** Where the statements come from. */
  public enum Template {
    @SerializedName("mirror")
    MIRROR,
    @SerializedName("collaboration")
    COLLABORATION,
    @SerializedName("custom")
    CUSTOM
  }

  /** One round; {@code answeredByMe} concerns the caller only. */
  public record Round(
      String id,
      Instant opensAt,
      Instant closesAt,
      int minRespondents,
      boolean open,
      boolean answeredByMe) {}
}
