package org.copconnector.plugin.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.copconnector.plugin.i18n.Locales;
import org.copconnector.plugin.i18n.Translations;

/**
 * The built-in questionnaires, in the words of the studies behind the product. Their statements
 * live in the bundles ({@code survey.template.<template>.<position>}); a survey stores them in
 * English and shows them in each reader's language.
 */
public final class SurveyTemplates {

  /** The community's self-assessment "mirror": 10 statements. */
  private static final int MIRROR = 10;

  /**
   * The collaboration-factors questionnaire: the items its study published (of a 13-item scale);
   * facilitators may add their own.
   */
  private static final int COLLABORATION = 6;

  /**
   * The usual statements of in-service training evaluation: objectives, relevance to practice, the
   * trainer's clarity, materials, organisation and schedule, recommending it.
   */
  private static final int SATISFACTION = 6;

  private SurveyTemplates() {}

  /** The bundle keys of a template's statements, in order (none for a custom survey). */
  public static List<String> keys(Survey.Template template) {
    int size =
        switch (template) {
          case MIRROR -> MIRROR;
          case COLLABORATION -> COLLABORATION;
          case SATISFACTION -> SATISFACTION;
          case CUSTOM -> 0;
        };
    return IntStream.rangeClosed(1, size).mapToObj(n -> prefix(template) + n).toList();
  }

  /** The bundle key of a template's title, given to a survey started without one. */
  public static String titleKey(Survey.Template template) {
    return prefix(template) + "title";
  }

  /**
   * A survey's title as one reader sees it: the template's own title, given when the survey was
   * started without one (in its facilitator's language), in the reader's language; any other as
   * written.
   */
  static String shownTitle(Survey.Template template, String stored, Translations reader) {
    String key = titleKey(template);
    boolean builtIn =
        Locales.SUPPORTED.stream().anyMatch(lang -> Translations.in(lang).text(key).equals(stored));
    return builtIn ? reader.text(key) : stored;
  }

  /** Every bundle key of the built-in questionnaires. */
  public static List<String> allKeys() {
    return Stream.of(Survey.Template.values())
        .flatMap(t -> Stream.concat(keys(t).stream(), Stream.of(titleKey(t))))
        .toList();
  }

  /** A template's statements as a new survey stores them: in English. */
  static List<String> stored(Survey.Template template) {
    Translations english = Translations.in(Locales.DEFAULT);
    return keys(template).stream().map(english::text).toList();
  }

  /**
   * A survey's statements as one reader sees them: the template's, while still worded as stored, in
   * the reader's language with their key; the facilitator's own as written, without a key.
   */
  static List<Survey.Statement> shown(
      Survey.Template template, List<String> stored, Translations reader) {
    List<String> keys = keys(template);
    List<String> english = stored(template);
    List<Survey.Statement> statements = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      boolean builtIn = i < keys.size() && english.get(i).equals(stored.get(i));
      statements.add(
          builtIn
              ? new Survey.Statement(i + 1, keys.get(i), reader.text(keys.get(i)))
              : new Survey.Statement(i + 1, null, stored.get(i)));
    }
    return statements;
  }

  private static String prefix(Survey.Template template) {
    return "survey.template." + template.name().toLowerCase(Locale.ROOT) + ".";
  }
}
