package org.copconnector.plugin.prompt;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * Built-in prompts, in English and Portuguese, by characteristic of professional community and by
 * moment. Short on purpose: a teacher answers in a few minutes, from the hub or from Moodle.
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

  /** One prompt in one language. */
  public record Prompt(
      String id,
      String language,
      Characteristic characteristic,
      Moment moment,
      String title,
      String text) {}

  static final List<Prompt> ALL =
      List.of(
          new Prompt(
              "p1",
              "en",
              Characteristic.STUDENT_LEARNING,
              Moment.AFTER_LESSON,
              "After the lesson",
              "What did one student learn today that surprised you, and how do you know?"),
          new Prompt(
              "p1",
              "pt",
              Characteristic.STUDENT_LEARNING,
              Moment.AFTER_LESSON,
              "Depois da aula",
              "O que aprendeu hoje um aluno que o surpreendeu, e como o sabe?"),
          new Prompt(
              "p2",
              "en",
              Characteristic.REFLECTIVE_DIALOGUE,
              Moment.AFTER_LESSON,
              "One thing I would change",
              "Describe one moment of today's lesson you would teach differently. Why?"),
          new Prompt(
              "p2",
              "pt",
              Characteristic.REFLECTIVE_DIALOGUE,
              Moment.AFTER_LESSON,
              "Uma coisa que mudaria",
              "Descreva um momento da aula de hoje que ensinaria de outra forma. Porquê?"),
          new Prompt(
              "p3",
              "en",
              Characteristic.COLLABORATION,
              Moment.AFTER_TRAINING,
              "Taking it to class",
              "Which idea from the session will you try first, and with which class? Who could try it with you?"),
          new Prompt(
              "p3",
              "pt",
              Characteristic.COLLABORATION,
              Moment.AFTER_TRAINING,
              "Levar para a aula",
              "Que ideia da sessão vai experimentar primeiro, e com que turma? Quem a podia experimentar consigo?"),
          new Prompt(
              "p4",
              "en",
              Characteristic.SHARED_VALUES,
              Moment.END_OF_TERM,
              "What we stand for",
              "Looking back on the term, which of our shared aims did we live up to, and which did we lose sight of?"),
          new Prompt(
              "p4",
              "pt",
              Characteristic.SHARED_VALUES,
              Moment.END_OF_TERM,
              "Aquilo em que acreditamos",
              "Olhando para o período, que objetivos comuns cumprimos e quais perdemos de vista?"),
          new Prompt(
              "p5",
              "en",
              Characteristic.DEPRIVATISED_PRACTICE,
              Moment.LESSON_STUDY_PLAN,
              "Planning together",
              "What should students be able to do at the end of the research lesson, and what will we watch for?"),
          new Prompt(
              "p5",
              "pt",
              Characteristic.DEPRIVATISED_PRACTICE,
              Moment.LESSON_STUDY_PLAN,
              "Planear em conjunto",
              "O que devem os alunos saber fazer no fim da aula de investigação, e a que vamos estar atentos?"),
          new Prompt(
              "p6",
              "en",
              Characteristic.DEPRIVATISED_PRACTICE,
              Moment.LESSON_STUDY_TEACH,
              "What I observed",
              "Note two things students did or said during the observed lesson, without judging them yet."),
          new Prompt(
              "p6",
              "pt",
              Characteristic.DEPRIVATISED_PRACTICE,
              Moment.LESSON_STUDY_TEACH,
              "O que observei",
              "Registe duas coisas que os alunos fizeram ou disseram na aula observada, sem as julgar ainda."),
          new Prompt(
              "p7",
              "en",
              Characteristic.REFLECTIVE_DIALOGUE,
              Moment.LESSON_STUDY_ANALYSE,
              "Analysing together",
              "What does the evidence we gathered say about our plan? Reply to a colleague's observation."),
          new Prompt(
              "p7",
              "pt",
              Characteristic.REFLECTIVE_DIALOGUE,
              Moment.LESSON_STUDY_ANALYSE,
              "Analisar em conjunto",
              "O que dizem as evidências recolhidas sobre o nosso plano? Responda à observação de um colega."));

  private PromptLibrary() {}

  /** The prompts in one language (English when there are none in it). */
  public static List<Prompt> in(String language) {
    List<Prompt> found = ALL.stream().filter(p -> p.language().equals(language)).toList();
    return found.isEmpty() ? ALL.stream().filter(p -> p.language().equals("en")).toList() : found;
  }
}
