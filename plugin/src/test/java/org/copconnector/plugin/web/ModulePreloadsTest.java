package org.copconnector.plugin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModulePreloadsTest {

  private static ModulePreloads of(Map<String, String> modules) {
    return new ModulePreloads(
        name -> modules.getOrDefault(name, "").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPageNeedsEveryModuleItImportsDirectlyOrNotEachOnce() {
    ModulePreloads preloads =
        of(
            Map.of(
                "page.js",
                "import { a } from './a.js';\nimport {\n  b,\n  c,\n} from './b.js';\nconst x = 1;",
                "a.js",
                "import { shared } from \"./shared.js\";\nexport const a = 1;",
                "b.js",
                "import './shared.js';\nexport { d } from './d.js';\n// import { no } from './comment.js' is not a line start\n",
                "shared.js",
                "import { a } from './a.js';",
                "d.js",
                "const later = () => import('./lazy.js');"));

    assertEquals(
        List.of("page.js", "a.js", "b.js", "shared.js", "d.js"),
        List.copyOf(preloads.closure("page.js")));
  }

  @Test
  void theLinksPointAtTheAssets() {
    String links = of(Map.of("hub.js", "import { api } from './api.js';")).links("hub.js");
    assertTrue(links.contains("<link rel=\"modulepreload\" href=\"/assets/js/hub.js\">"), links);
    assertTrue(links.contains("<link rel=\"modulepreload\" href=\"/assets/js/api.js\">"), links);
  }

  @Test
  void everyPageOfTheProductPreloadsItsWholeGraph() {
    String hub = new String(staticPage("hub"), StandardCharsets.UTF_8);
    for (String module : List.of("hub.js", "api.js", "ui.js", "i18n.js")) {
      assertTrue(hub.contains("rel=\"modulepreload\" href=\"/assets/js/" + module + "\""), module);
    }
    assertFalse(hub.contains("{{preloads}}"));
  }

  @Test
  void theEditorAndTheMathsAreNotOnAPagesFirstPaint() {
    // They load when used (message-box.js on the first focus, ui.js for a text with TeX).
    for (String page : List.of("thread", "prompt", "bank", "community", "portfolio")) {
      String html = new String(staticPage(page), StandardCharsets.UTF_8);
      for (String module : List.of("editor.js", "mentions.js", "maths.js")) {
        assertFalse(html.contains("href=\"/assets/js/" + module + "\""), page + ": " + module);
      }
    }
    String thread = new String(staticPage("thread"), StandardCharsets.UTF_8);
    assertTrue(thread.contains("href=\"/assets/js/message-box.js\""), thread);
  }

  private static byte[] staticPage(String name) {
    return (byte[]) new StaticResource().page(name + ".html").getEntity();
  }
}
