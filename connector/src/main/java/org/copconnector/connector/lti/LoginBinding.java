package org.copconnector.connector.lti;

/**
 * The cookie that binds a login's state to the browser that started it, so a state captured
 * elsewhere cannot complete a launch here. Only its hash is stored.
 */
final class LoginBinding {

  static final String COOKIE = "cop_lti_login";

  private LoginBinding() {}
}
