package org.copconnector.connector.moodle;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Who the token belongs to and what the site allows it: {@code core_webservice_get_site_info}. */
public final class SiteApi {

  /** A web-service function the token may call. */
  public record Function(String name, String version) {}

  /** The parts of the site info the connector uses. */
  public record SiteInfo(
      String sitename,
      String siteurl,
      long userid,
      String username,
      String fullname,
      String lang,
      String release,
      String version,
      int uploadfiles,
      int downloadfiles,
      List<Function> functions) {

    public Set<String> functionNames() {
      return functions == null
          ? Set.of()
          : functions.stream().map(Function::name).collect(Collectors.toSet());
    }

    public boolean uploadsAllowed() {
      return uploadfiles == 1;
    }
  }

  private final MoodleClient client;

  public SiteApi(MoodleClient client) {
    this.client = client;
  }

  public SiteInfo siteInfo() {
    return client.read("core_webservice_get_site_info", MoodleParams.of(), SiteInfo.class);
  }
}
