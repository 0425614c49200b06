package org.copconnector.plugin.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.copconnector.plugin.i18n.Locales;
import org.copconnector.plugin.i18n.Translations;
import org.junit.jupiter.api.Test;

/** The library's prompts are in every language, with the keys a page translates them by. */
class PromptLibraryTest {

  @Test
  void everyPromptIsInEveryBundle() {
    assertEquals(14, PromptLibrary.keys().size());
    for (String lang : Locales.SUPPORTED) {
      Translations t = Translations.in(lang);
      for (String key : PromptLibrary.keys()) {
        assertTrue(t.has(key) && !t.text(key).equals(key), lang + " lacks " + key);
      }
    }
  }

  @Test
  void promptsComeInTheAskedLanguageWithTheirKeys() {
    List<PromptLibrary.Prompt> spanish = PromptLibrary.in("es");
    PromptLibrary.Prompt first = spanish.get(0);
    assertEquals("es", first.language());
    assertEquals("Después de la clase", first.title());
    assertEquals("prompt.library.p1.title", first.titleKey());
    assertEquals("prompt.library.p1.text", first.textKey());
    assertEquals("en", PromptLibrary.in("xx").get(0).language(), "English without a bundle");
    assertEquals("After the lesson", PromptLibrary.in("xx").get(0).title());
  }
}
