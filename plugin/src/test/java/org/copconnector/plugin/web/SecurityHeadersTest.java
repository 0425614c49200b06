package org.copconnector.plugin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  private static final String SELF_ONLY = SecurityHeaders.policyPostingTo(null);

  @Test
  void aPagePostingToThePlatformMayPostToItsOriginOnly() {
    String policy =
        SecurityHeaders.policyPostingTo(
            "https://moodle.example.org:8443/mod/lti/contentitem_return.php?x=1");
    assertTrue(policy.endsWith("form-action 'self' https://moodle.example.org:8443"), policy);
    assertTrue(
        SecurityHeaders.policyPostingTo("https://moodle.example.org/x")
            .endsWith("form-action 'self' https://moodle.example.org"));
  }

  @Test
  void anAddressThatIsNotAnHttpOneAddsNothing() {
    for (String address :
        new String[] {"javascript:alert(1)", "/relative", "not a uri %", "data:text/html,x"}) {
      assertEquals(SELF_ONLY, SecurityHeaders.policyPostingTo(address), address);
    }
    assertTrue(SELF_ONLY.contains("script-src 'self'") && SELF_ONLY.contains("object-src 'none'"));
  }
}
