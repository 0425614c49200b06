package org.copconnector.connector.lti;

import java.util.List;
import java.util.Set;
import org.copconnector.plugin.session.ProductRole;

/** Maps LTI role URIs to the product's roles; the sets come from configuration. */
public final class RoleMapping {

  private final Set<String> adminRoles;
  private final Set<String> facilitatorRoles;

  public RoleMapping(Set<String> adminRoles, Set<String> facilitatorRoles) {
    this.adminRoles = adminRoles;
    this.facilitatorRoles = facilitatorRoles;
  }

  /** The strongest product role any of the LTI roles grants; {@code member} by default. */
  public ProductRole map(List<String> ltiRoles) {
    if (ltiRoles.stream().anyMatch(adminRoles::contains)) {
      return ProductRole.ADMIN;
    }
    if (ltiRoles.stream().anyMatch(facilitatorRoles::contains)) {
      return ProductRole.FACILITATOR;
    }
    return ProductRole.MEMBER;
  }
}
