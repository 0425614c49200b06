package org.copconnector.plugin.community;

import java.util.List;
import org.copconnector.plugin.json.Length;

/**
 * What a facilitator sends to change a community after its start: the same fields and checks as
 * {@link NewCommunity}, without the courses.
 */
public record CommunityChange(
    @Length(min = 3, max = NewCommunity.MAX_NAME, reason = "name_length") String name,
    @Length(min = 1, max = NewCommunity.MAX_DOMAIN, reason = "domain_length") String domain,
    Community.Profile profile,
    Community.Joining joining) {

  public CommunityChange {
    NewCommunity checked = new NewCommunity(name, domain, profile, joining, List.of());
    name = checked.name();
    domain = checked.domain();
    profile = checked.profile();
    joining = checked.joining();
  }
}
