package org.copconnector.plugin.community;

import java.util.List;

/**
 * What a facilitator sends to change a community after its start: the same fields and checks as
 * {@link NewCommunity}, without the courses.
 */
public record CommunityChange(
    String name, String domain, Community.Profile profile, Community.Joining joining) {

  public CommunityChange {
    NewCommunity checked = new NewCommunity(name, domain, profile, joining, List.of());
    name = checked.name();
    domain = checked.domain();
    profile = checked.profile();
    joining = checked.joining();
  }
}
