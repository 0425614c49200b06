package org.copconnector.plugin.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code <link rel="modulepreload">} lines for a page's script and every module it imports,
 * directly or not. Without them the browser finds the modules one level at a time (a page's script,
 * then what it imports, then what those import), each level waiting for the one before; with them
 * it fetches the whole graph at once, as soon as it reads the head.
 */
final class ModulePreloads {

  /**
   * A static import of a sibling module: {@code import {…} from './x.js'} or {@code import
   * './x.js'}.
   */
  private static final Pattern IMPORT =
      Pattern.compile(
          "^\\s*(?:import|export)\\b[^;]*?['\"]\\./([a-z0-9\\-]+\\.js)['\"]", Pattern.MULTILINE);

  private final Function<String, byte[]> scripts;

  /** {@code scripts} reads a module of web/js by its file name (empty when there is none). */
  ModulePreloads(Function<String, byte[]> scripts) {
    this.scripts = scripts;
  }

  /** The module file names {@code script} needs, itself first, each once. */
  Set<String> closure(String script) {
    Set<String> found = new LinkedHashSet<>();
    Deque<String> next = new ArrayDeque<>();
    next.add(script);
    while (!next.isEmpty()) {
      String name = next.poll();
      if (!found.add(name)) {
        continue;
      }
      Matcher imports = IMPORT.matcher(new String(scripts.apply(name), StandardCharsets.UTF_8));
      while (imports.find()) {
        next.add(imports.group(1));
      }
    }
    return found;
  }

  /** The head's lines that preload {@code script}'s whole module graph. */
  String links(String script) {
    return closure(script).stream()
        .map(name -> "<link rel=\"modulepreload\" href=\"/assets/js/" + name + "\">")
        .collect(Collectors.joining("\n  "));
  }
}
