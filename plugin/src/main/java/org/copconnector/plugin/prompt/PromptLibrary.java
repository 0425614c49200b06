package org.copconnector.plugin.prompt;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import org.copconnector.plugin.i18n.Translations;

/**
 * Built-in prompts, by characteristic of professional community and by moment, in every language of
 * the bundles ({@code prompt.library.<id>.title} and {@code .text}). Short on purpose: a teacher
 * answers in a few minutes, from the hub or from Moodle.
 */
public final class PromptLibrary {

  /** The five characteristics of professional community. */
  public enum Characteristic {
    @SerializedName("shared_values")
    SHARED_VALUES,
    @SerializedName("student_learning")
    STUDENT_LEARNING,
    @SerializedName("collaboration")
    COLLABORATION,
    @SerializedName("deprivatised_practice")
    DEPRIVATISED_PRACTICE,
    @SerializedName("reflective_dialogue")
    REFLECTIVE_DIALOGUE
  }

  /** When a prompt fits. */
  public enum Moment {
    @SerializedName("after_lesson")
    AFTER_LESSON,
    @SerializedName("after_training")
    AFTER_TRAINING,
    @SerializedName("end_of_term")
    END_OF_TERM,
    @SerializedName("lesson_study_plan")
    LESSON_STUDY_PLAN,
    @SerializedName("lesson_study_teach")
    LESSON_STUDY_TEACH,
    @SerializedName("lesson_study_analyse")
    LESSON_STUDY_ANALYSE
  }

  /**
   * One prompt in one language; {@code titleKey} and {@code textKey} name its strings in the
   * bundles, so a page can show it in another language.
   */
  public record Prompt(
      String id,
      String language,
      Characteristic characteristic,
      Moment moment,
      String title,
      String text,
      String titleKey,
      String textKey) {}

  /** A built-in prompt, before it is put into words. */
  record Entry(String id, Characteristic characteristic, Moment moment) {

    String titleKey() {
      return "prompt.library." + id + ".title";
    }

    String textKey() {
      return "prompt.library." + id + ".text";
    }
  }

  static final List<Entry> ALL =
      List.of(
          new Entry("p1", Characteristic.STUDENT_LEARNING, Moment.AFTER_LESSON),
          new Entry("p2", Characteristic.REFLECTIVE_DIALOGUE, Moment.AFTER_LESSON),
          new Entry("p3", Characteristic.COLLABORATION, Moment.AFTER_TRAINING),
          new Entry("p4", Characteristic.SHARED_VALUES, Moment.END_OF_TERM),
          new Entry("p5", Characteristic.DEPRIVATISED_PRACTICE, Moment.LESSON_STUDY_PLAN),
          new Entry("p6", Characteristic.DEPRIVATISED_PRACTICE, Moment.LESSON_STUDY_TEACH),
          new Entry("p7", Characteristic.REFLECTIVE_DIALOGUE, Moment.LESSON_STUDY_ANALYSE));

  private PromptLibrary() {}

  /** The prompts in one language (English when it has no bundle). */
  public static List<Prompt> in(String language) {
    Translations t = Translations.in(language);
    return ALL.stream()
        .map(
            e ->
                new Prompt(
                    e.id(),
                    t.language(),
                    e.characteristic(),
                    e.moment(),
                    t.text(e.titleKey()),
                    t.text(e.textKey()),
                    e.titleKey(),
                    e.textKey()))
        .toList();
  }

  /** The bundle keys of every built-in prompt. */
  public static List<String> keys() {
    return ALL.stream()
        .flatMap(e -> java.util.stream.Stream.of(e.titleKey(), e.textKey()))
        .toList();
  }
}
