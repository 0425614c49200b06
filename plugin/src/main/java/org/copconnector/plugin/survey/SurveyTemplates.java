package org.copconnector.plugin.survey;

import java.util.List;

/** The built-in questionnaires, in the words of the studies behind the product. */
public final class SurveyTemplates {

  /** The community's self-assessment "mirror": 10 statements. */
  public static final List<String> MIRROR =
      List.of(
          "Our PLC community has shared values and vision.",
          "Our PLC community has a continued focus on student learning as its main goal.",
          "We understand our collective responsibility.",
          "All members of the PLC community advocate for student learning.",
          "PLC members are able to participate in reflective dialogue to discuss issues of educational practice.",
          "All PLC members engage in best teaching practices through collaboration.",
          "PLC members learn from each other and improve teaching practices.",
          "Each PLC member appropriately contributes to the group project.",
          "Each PLC member spends an appropriate amount of time.",
          "Each PLC member is motivated to help.");

  /**
   * The collaboration-factors questionnaire: the items its study published (of a 13-item scale);
   * facilitators may add their own.
   */
  public static final List<String> COLLABORATION =
      List.of(
          "The teachers work together on planning activities at the school level.",
          "Generally teachers in my department work collaboratively.",
          "Generally my subject group of teachers works collaboratively.",
          "Generally teachers in my school work collaboratively.",
          "Generally in my class council teachers work collaboratively.",
          "In my school teachers share ideas and teaching materials.");

  private SurveyTemplates() {}
}
