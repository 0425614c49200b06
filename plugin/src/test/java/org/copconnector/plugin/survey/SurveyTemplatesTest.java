package org.copconnector.plugin.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.copconnector.plugin.i18n.Locales;
import org.copconnector.plugin.i18n.Translations;
import org.junit.jupiter.api.Test;

/** The built-in questionnaires are in every language, and readers see them in theirs. */
class SurveyTemplatesTest {

  @Test
  void everyBuiltInStatementAndTitleIsInEveryBundle() {
    assertEquals(10, SurveyTemplates.keys(Survey.Template.MIRROR).size());
    assertEquals(6, SurveyTemplates.keys(Survey.Template.COLLABORATION).size());
    for (String lang : Locales.SUPPORTED) {
      Translations t = Translations.in(lang);
      for (String key : SurveyTemplates.allKeys()) {
        assertTrue(t.has(key) && !t.text(key).equals(key), lang + " lacks " + key);
      }
    }
  }

  @Test
  void storedInEnglishShownInTheReadersLanguageWithKeys() {
    List<String> stored = new ArrayList<>(SurveyTemplates.stored(Survey.Template.COLLABORATION));
    assertEquals(
        "In my school teachers share ideas and teaching materials.", stored.get(5), "English");
    stored.add("Our own statement");
    List<Survey.Statement> shown =
        SurveyTemplates.shown(Survey.Template.COLLABORATION, stored, Translations.in("pt"));
    assertEquals(7, shown.size());
    assertEquals("survey.template.collaboration.6", shown.get(5).key());
    assertEquals(
        "Na minha escola, os professores partilham ideias e materiais didáticos.",
        shown.get(5).text());
    assertNull(shown.get(6).key(), "a facilitator's own statement has no key");
    assertEquals("Our own statement", shown.get(6).text());
    assertEquals(7, shown.get(6).position());
  }
}
