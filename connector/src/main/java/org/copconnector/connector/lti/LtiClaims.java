package org.copconnector.connector.lti;

/** Claim names of the LTI 1.3 specification. */
final class LtiClaims {

  private LtiClaims() {}

  static final String PREFIX = "https://purl.imsglobal.org/spec/lti/claim/";
  static final String VERSION = PREFIX + "version";
  static final String MESSAGE_TYPE = PREFIX + "message_type";
  static final String DEPLOYMENT_ID = PREFIX + "deployment_id";
  static final String ROLES = PREFIX + "roles";
  static final String CONTEXT = PREFIX + "context";
  static final String RESOURCE_LINK = PREFIX + "resource_link";
  static final String LAUNCH_PRESENTATION = PREFIX + "launch_presentation";
  static final String TARGET_LINK_URI = PREFIX + "target_link_uri";
  static final String DEEP_LINKING_SETTINGS =
      "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
  static final String DEEP_LINKING_CONTENT_ITEMS =
      "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
  static final String DEEP_LINKING_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
  static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
}
