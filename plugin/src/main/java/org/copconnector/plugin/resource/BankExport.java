package org.copconnector.plugin.resource;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.copconnector.plugin.community.CommunityAccess;
import org.copconnector.plugin.discussion.SafeHtml;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;
import org.copconnector.plugin.store.Transaction;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;

/**
 * A community's bank as one zip for the school's archive: every version's file under {@code
 * files/}, and a manifest of the metadata as JSON and as CSV.
 */
public final class BankExport {

  /** One resource as the manifest lists it. */
  record Entry(Resource resource, List<Map<String, Object>> versions) {}

  private static final Gson GSON = Json.lenient().newBuilder().setPrettyPrinting().create();

  private final DataSource dataSource;
  private final BlobStore blobs;
  private final CommunityAccess access;
  private final ResourceStore store = new ResourceStore();

  public BankExport(DataSource dataSource, BlobStore blobs, PeopleStore people) {
    this.dataSource = dataSource;
    this.blobs = blobs;
    this.access = new CommunityAccess(people);
  }

  /** Checks the caller may export (members and administrators) and lists what goes in. */
  public List<Entry> entries(Session session, String communityId) {
    return Transaction.run(
        dataSource,
        "bank export",
        c -> {
          CommunityAccess.Access caller = access.of(c, session, communityId);
          if (!caller.member() && session.role() != ProductRole.ADMIN) {
            throw new ApiException(
                Reason.MEMBERS_ONLY_EXPORT, "only members export their community's bank");
          }
          List<Entry> entries = new ArrayList<>();
          for (Resource r : store.findAll(c, store.inBank(c, communityId))) {
            List<Map<String, Object>> versions = new ArrayList<>();
            for (Version v : store.versions(c, r.id())) {
              Map<String, Object> version = new LinkedHashMap<>();
              version.put("version", v.version());
              version.put("createdAt", v.createdAt().toString());
              version.put("note", v.note());
              if (v.sha256() != null) {
                version.put("file", path(r, v));
                version.put("sha256", v.sha256());
                version.put("sizeBytes", v.sizeBytes());
                version.put("mediaType", v.mediaType());
              } else {
                version.put("url", v.url());
              }
              versions.add(version);
            }
            entries.add(new Entry(r, versions));
          }
          return entries;
        });
  }

  /** Writes the zip. */
  public void write(List<Entry> entries, OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Entry e : entries) {
        for (Map<String, Object> v : e.versions()) {
          if (v.containsKey("file")) {
            zip.putNextEntry(new ZipEntry((String) v.get("file")));
            Files.copy(blobs.path((String) v.get("sha256")), zip);
            zip.closeEntry();
          }
        }
      }
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(GSON.toJson(entries).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("manifest.csv"));
      zip.write(csv(entries).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }

  private static String path(Resource r, Version v) {
    return "files/" + r.id() + "/v" + v.version() + "-" + FileNames.clean(v.fileName());
  }

  /** One line per version, spreadsheet-ready (UTF-8 with a byte-order mark for Excel). */
  static String csv(List<Entry> entries) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(
        "id,title,description,type,subjects,cycles,language,licence,tags,authors,visibility,"
            + "adapted_from,created_at,version,file_or_link,sha256,uses,ratings,average_rating,comments,adaptations\r\n");
    for (Entry e : entries) {
      Resource r = e.resource();
      for (Map<String, Object> v : e.versions()) {
        List<Object> cells =
            List.of(
                r.id(),
                r.title(),
                SafeHtml.text(r.description()),
                r.kind().name().toLowerCase(java.util.Locale.ROOT),
                String.join("; ", r.subjects()),
                String.join("; ", r.cycles()),
                r.language(),
                r.licence().name().toLowerCase(java.util.Locale.ROOT),
                String.join("; ", r.tags()),
                String.join("; ", r.authors()),
                r.visibility().name().toLowerCase(java.util.Locale.ROOT),
                r.adaptedFrom() == null ? "" : r.adaptedFrom(),
                r.createdAt().toString(),
                v.get("version"),
                v.containsKey("file") ? v.get("file") : v.get("url"),
                v.getOrDefault("sha256", ""),
                r.counts().uses(),
                r.counts().ratings(),
                r.counts().averageRating(),
                r.counts().comments(),
                r.counts().adaptations());
        for (int i = 0; i < cells.size(); i++) {
          if (i > 0) {
            csv.append(',');
          }
          csv.append(cell(String.valueOf(cells.get(i))));
        }
        csv.append("\r\n");
      }
    }
    return csv.toString();
  }

  /** Quoted when needed; a leading formula character is defused so spreadsheets show it as text. */
  private static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
