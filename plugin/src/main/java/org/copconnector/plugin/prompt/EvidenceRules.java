package org.copconnector.plugin.prompt;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.resource.Resources;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.WebLink;

/** What counts as evidence for an answer (a bank resource its author can see, or a web link). */
final class EvidenceRules {

  private final Resources resources;

  EvidenceRules(Resources resources) {
    this.resources = resources;
  }

  /** Checks evidence before anything is stored: a resource the caller can see, or a web link. */
  Reflections.EvidenceRequest checked(Session session, Reflections.EvidenceRequest evidence) {
    if (evidence == null || (blank(evidence.resourceId()) && blank(evidence.link()))) {
      return null;
    }
    if (!blank(evidence.resourceId()) && !blank(evidence.link())) {
      throw ApiException.invalid(
          Reason.EVIDENCE_RESOURCE_OR_LINK,
          "evidence",
          "either a resource of the bank or a link, not both");
    }
    if (!blank(evidence.resourceId())) {
      try {
        resources.get(session, evidence.resourceId());
      } catch (ApiException e) {
        throw ApiException.invalid(
            Reason.EVIDENCE_NOT_VISIBLE,
            "evidence.resourceId",
            "not a resource of the bank you can see");
      }
      return new Reflections.EvidenceRequest(evidence.resourceId(), null);
    }
    String link = WebLink.check("evidence.link", evidence.link());
    return new Reflections.EvidenceRequest(null, link);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * The evidence as readers of the thread (and of the Moodle forum) see it under the answer, in the
   * author's language.
   */
  static String html(Connection c, ReflectionStore.Row row, String language) throws SQLException {
    Translations t = Translations.in(language);
    if (row.link() != null) {
      return SafeHtml.sanitize(
          "<p>"
              + SafeHtml.escape(t.text("moodle.evidence.link"))
              + " <a href=\""
              + SafeHtml.escape(row.link())
              + "\">"
              + SafeHtml.escape(row.link())
              + "</a></p>");
    }
    if (row.resourceId() != null) {
      String title =
          Sql.first(c, "SELECT title FROM resource WHERE id = ?", row.resourceId())
              .orElse(t.text("moodle.evidence.removed"));
      return "<p>"
          + SafeHtml.escape(t.text("moodle.evidence.resource", Map.of("title", title)))
          + "</p>";
    }
    return "";
  }

  /**
   * The evidence as the hub shows it, with the resource's current title; no title when the resource
   * was removed (the pages say so in the reader's language).
   */
  static Reflections.Evidence shown(Connection c, ReflectionStore.Row row) throws SQLException {
    if (row.resourceId() != null) {
      String title =
          Sql.first(c, "SELECT title FROM resource WHERE id = ?", row.resourceId()).orElse(null);
      return new Reflections.Evidence(row.resourceId(), title, null);
    }
    return row.link() == null ? null : new Reflections.Evidence(null, null, row.link());
  }
}
