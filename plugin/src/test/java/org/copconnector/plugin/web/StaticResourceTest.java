package org.copconnector.plugin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StaticResourceTest {

  private final StaticResource pages = new StaticResource();

  private static String html(Response response) {
    return new String((byte[]) response.getEntity(), StandardCharsets.UTF_8);
  }

  @Test
  void aSignedInPersonsPageAsksForWhoTheyAreAndItsDataInTheHead() {
    String page = html(pages.community("a-session"));
    assertTrue(
        page.contains(
            "data-early=\"/api/v1/hub /api/v1/communities/{id} /api/v1/threads?community={id}&amp;page=0 /api/v1/notifications/{id}\""),
        "the early requests of the community page");
    assertTrue(page.indexOf("early.js") < page.indexOf("bootstrap.min.css"), "before the styles");
  }

  @Test
  void withoutASessionThePageAsksForNothingThatWouldBeRefused() {
    String page = html(pages.community(null));
    assertTrue(page.contains("data-early=\"\""), "no early request");
    assertFalse(page.contains("/api/v1/communities/{id}"));
    // The signed-in page is unchanged by the signed-out one kept beside it.
    assertTrue(html(pages.community("a-session")).contains("/api/v1/communities/{id}"));
  }

  @Test
  void unknownAssetNamesAreNotRemembered() {
    assertEquals(200, pages.asset("app.css").getStatus());
    int known = pages.cached();
    for (int i = 0; i < 500; i++) {
      String name = "js/no-such-" + i + ".js";
      ApiException refused = assertThrows(ApiException.class, () -> pages.asset(name));
      assertEquals(Reason.ASSET_NOT_FOUND, refused.reason());
    }
    assertEquals(known, pages.cached(), "the cache holds only files that exist");
  }

  @Test
  void theEditorsLanguagePacksAreServedBesideThePages() {
    for (String pack : List.of("editor-langs/pt.js", "editor-langs/es.js")) {
      Response served = pages.asset(pack);
      assertEquals(200, served.getStatus(), pack);
      assertTrue(
          new String((byte[]) served.getEntity(), StandardCharsets.UTF_8)
              .startsWith("tinymce.addI18n("),
          pack);
    }
  }

  @Test
  void theEditorIsServedFromItsWebJarWithItsVersionInTheAddress() {
    String page = html(pages.thread("a-session"));
    Matcher base =
        Pattern.compile("<meta name=\"editor\" content=\"/assets/vendor/tinymce/([^/\"]+)\">")
            .matcher(page);
    assertTrue(base.find(), "the page says where the editor is");
    String version = base.group(1);
    for (String file :
        List.of(
            "tinymce.min.js",
            "themes/silver/theme.min.js",
            "models/dom/model.min.js",
            "icons/default/icons.min.js",
            "plugins/lists/plugin.min.js",
            "skins/ui/oxide/skin.min.css",
            "skins/ui/oxide/content.min.css",
            "skins/content/default/content.min.css")) {
      Response served = pages.editor(version, file);
      assertEquals(200, served.getStatus(), file);
      assertTrue(((byte[]) served.getEntity()).length > 0, file);
    }
    int known = pages.cached();
    for (String refused :
        List.of(
            "../../bootstrap/5.3.8/dist/js/bootstrap.min.js",
            "tinymce.js",
            "package.json",
            "META-INF/MANIFEST.MF",
            "plugins/no-such/plugin.min.js")) {
      assertEquals(
          Reason.ASSET_NOT_FOUND,
          assertThrows(ApiException.class, () -> pages.editor(version, refused)).reason(),
          refused);
    }
    assertThrows(ApiException.class, () -> pages.editor("0.0.1", "tinymce.min.js"));
    assertEquals(known, pages.cached(), "refused names are not remembered");
  }
}
