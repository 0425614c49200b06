package org.copconnector.plugin.resource;

import java.text.Normalizer;

/**
 * File names as shown and offered for download. They never choose a storage path (files are stored
 * by checksum), but are still cleaned: no folders, no "..", no control characters.
 */
public final class FileNames {

  private static final int MAX = 200;

  private FileNames() {}

  public static String clean(String name) {
    String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
    int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    n = n.substring(slash + 1);
    StringBuilder out = new StringBuilder();
    n.codePoints()
        .filter(
            cp ->
                !Character.isISOControl(cp)
                    && cp != 0x7F
                    && Character.getType(cp) != Character.FORMAT)
        .forEach(out::appendCodePoint);
    n = out.toString().replace("..", ".").replaceAll("[<>:\"|?*]", "_").strip();
    while (n.startsWith(".")) {
      n = n.substring(1);
    }
    if (n.isBlank()) {
      n = "file";
    }
    if (n.length() > MAX) {
      int dot = n.lastIndexOf('.');
      String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
      n = n.substring(0, MAX - ext.length()) + ext;
    }
    return n;
  }
}
