package org.copconnector.connector.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.lms.LmsRefusedException;

/**
 * The few files every demo course holds, made in memory, so that importing a course's files into a
 * bank can be tried: two texts the bank takes and an archive it refuses.
 */
final class DemoCourseFiles {

  private static final String PREFIX = "demo:course-file/";

  private record Sample(String module, String fileName, String mediaType, byte[] content) {}

  private static final List<Sample> SAMPLES =
      List.of(
          text(
              "Planificação da unidade — Ecossistemas",
              "planificacao-unidade-ecossistemas.txt",
              "Planificação da unidade: ecossistemas, cadeias alimentares e fluxo de energia."
                  + " Três aulas com trabalho de campo no recreio e uma ficha de registo."),
          text(
              "Relatório do projeto de investigação-ação sobre avaliação formativa",
              "relatorio-final-do-projeto-de-investigacao-acao-sobre-avaliacao-formativa-2025-2026.txt",
              "Relatório: bilhetes de saída, feedback entre pares e grelhas de autoavaliação"
                  + " usados em quatro turmas ao longo do ano."),
          new Sample(
              "Fotografias da visita de estudo",
              "fotografias-visita-de-estudo.zip",
              "application/zip",
              zip("visita.txt", "Fotografias da visita de estudo ao centro de ciência.")));

  private DemoCourseFiles() {}

  static List<Lms.CourseFile> of(String courseId) {
    return java.util.stream.IntStream.range(0, SAMPLES.size())
        .mapToObj(
            i -> {
              Sample s = SAMPLES.get(i);
              return new Lms.CourseFile(
                  s.module(),
                  s.fileName(),
                  PREFIX + courseId + "/" + i,
                  s.content().length,
                  s.mediaType());
            })
        .toList();
  }

  static Lms.FileDownload open(String url) {
    if (url == null || !url.startsWith(PREFIX)) {
      throw new LmsRefusedException("not a file of the demo courses: " + url);
    }
    String index = url.substring(url.lastIndexOf('/') + 1);
    int i;
    try {
      i = Integer.parseInt(index);
    } catch (NumberFormatException e) {
      throw new LmsRefusedException("not a file of the demo courses: " + url);
    }
    if (i < 0 || i >= SAMPLES.size()) {
      throw new LmsRefusedException("not a file of the demo courses: " + url);
    }
    byte[] content = SAMPLES.get(i).content();
    return new Lms.FileDownload(new ByteArrayInputStream(content), content.length, () -> {});
  }

  private static Sample text(String module, String fileName, String text) {
    return new Sample(module, fileName, "text/plain", text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] zip(String name, String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(text.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
