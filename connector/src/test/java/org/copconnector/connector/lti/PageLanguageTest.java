package org.copconnector.connector.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PageLanguageTest {

  @Test
  void theLaunchesLocaleComesFirst() {
    assertEquals("pt", PageLanguage.of("pt_PT", "es,en;q=0.5").language());
    assertEquals("es", PageLanguage.of("es-419", null).language());
  }

  @Test
  void withoutASupportedLaunchLocaleTheBrowsersBestSupportedLanguage() {
    assertEquals("pt", PageLanguage.of(null, "fr-FR,pt-PT;q=0.8,en;q=0.5").language());
    assertEquals("es", PageLanguage.of("de", "en;q=0.4,es;q=0.9").language());
    assertEquals("en", PageLanguage.of(null, "fr,de;q=0.8").language());
    assertEquals("en", PageLanguage.of(null, "pt;q=0,*").language());
    assertEquals("en", PageLanguage.of(null, "not a header;;").language());
    assertEquals("en", PageLanguage.of(null, null).language());
  }

  @Test
  void aTokenThatIsNotAJwtHasNoLocale() {
    assertNull(PageLanguage.launchLocale("not.a.jwt"));
    assertNull(PageLanguage.launchLocale(null));
  }
}
