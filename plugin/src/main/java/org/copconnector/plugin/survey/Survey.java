package org.copconnector.plugin.survey;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.List;

/**
 * A community's questionnaire and its rounds, as a member sees them: {@code items} are the
 * statements' texts in the reader's language, {@code statements} the same with the bundle key of
 * each built-in one.
 */
public record Survey(
    String id,
    String communityId,
    Template template,
    String title,
    List<String> items,
    List<Statement> statements,
    List<Round> rounds) {

  /** One statement; {@code key} names a built-in one's string in the bundles, else null. */
  public record Statement(int position, String key, String text) {}

  /** Where the statements come from. */
  public enum Template {
    @SerializedName("mirror")
    MIRROR,
    @SerializedName("collaboration")
    COLLABORATION,
    @SerializedName("custom")
    CUSTOM,
    /** A training action's satisfaction questionnaire, run by the action (not the community). */
    @SerializedName("satisfaction")
    SATISFACTION
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
