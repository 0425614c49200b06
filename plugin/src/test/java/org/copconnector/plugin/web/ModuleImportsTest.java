package org.copconnector.plugin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every name a page module imports from another is exported by it: a browser refuses the whole
 * page's module graph for one missing name, and the page stays blank.
 */
class ModuleImportsTest {

  private static final Path MODULES = Path.of("src/main/resources/web/js");
  private static final Pattern DECLARED =
      Pattern.compile(
          "export\\s+(?:async\\s+)?(?:function\\*?|const|let|class)\\s+([A-Za-z0-9_$]+)");
  private static final Pattern LISTED = Pattern.compile("export\\s*\\{([^}]*)\\}");
  private static final Pattern IMPORTED =
      Pattern.compile("import\\s*\\{([^}]*)\\}\\s*from\\s*['\"]\\./([^'\"]+)['\"]");

  @Test
  void everyNamedImportIsExportedByTheModuleItNames() throws IOException {
    Map<String, String> sources = new HashMap<>();
    try (Stream<Path> files = Files.list(MODULES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        sources.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    assertTrue(sources.size() > 10, "the page modules are found");
    Map<String, Set<String>> exports = new HashMap<>();
    sources.forEach((name, source) -> exports.put(name, exported(source)));
    List<String> missing = new ArrayList<>();
    sources.forEach(
        (name, source) -> {
          Matcher m = IMPORTED.matcher(source);
          while (m.find()) {
            String module = m.group(2);
            Set<String> offered = exports.get(module);
            for (String imported : names(m.group(1), 0)) {
              if (offered == null || !offered.contains(imported)) {
                missing.add(name + " imports " + imported + " from " + module);
              }
            }
          }
        });
    assertEquals(List.of(), missing);
  }

  private static Set<String> exported(String source) {
    Set<String> names = new HashSet<>();
    Matcher declared = DECLARED.matcher(source);
    while (declared.find()) {
      names.add(declared.group(1));
    }
    Matcher listed = LISTED.matcher(source);
    while (listed.find()) {
      names.addAll(names(listed.group(1), 1));
    }
    return names;
  }

  /** The names of an import or export list; side 0 is the name before "as", 1 the one after. */
  private static List<String> names(String list, int side) {
    List<String> names = new ArrayList<>();
    for (String part : list.split(",")) {
      String[] words = part.strip().split("\\s+as\\s+");
      String name = words[Math.min(side, words.length - 1)].strip();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }
}
