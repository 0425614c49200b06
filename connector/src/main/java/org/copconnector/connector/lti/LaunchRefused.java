package org.copconnector.connector.lti;

/** A launch that failed validation: no session is opened, and the page says what to check. */
public final class LaunchRefused extends Exception {

  /** Why, each with what an administrator or teacher should check. */
  public enum Reason {
    MISSING_STATE(
        "The sign-in did not start in this browser or took too long. Open the tool again from the Moodle course."),
    FOREIGN_STATE(
        "The sign-in was started in another browser or tab. Open the tool again from the Moodle course; if it keeps"
            + " happening, the browser may block cookies for the connector's site inside Moodle."),
    MALFORMED_TOKEN(
        "Moodle's launch message could not be read. Check that the tool is configured as LTI 1.3 in Moodle."),
    UNKNOWN_PLATFORM(
        "This Moodle site is not registered with the connector. Register it (Manage tools) first."),
    WRONG_ISSUER(
        "The launch names another platform than the one the sign-in started with. Check the Platform ID."),
    WRONG_ALGORITHM(
        "The launch is not signed with RS256. Check the tool's configuration in Moodle."),
    KEYS_UNAVAILABLE(
        "The connector could not fetch Moodle's public keys. Check the public keyset URL and the network."),
    UNKNOWN_KEY(
        "The launch is signed with a key Moodle does not publish. Check the public keyset URL."),
    BAD_SIGNATURE(
        "The launch's signature is not valid. Check the public keyset URL in the registration."),
    WRONG_AUDIENCE(
        "The launch is meant for another tool. Check the Client ID in the connector's registration."),
    EXPIRED(
        "The launch message has expired. Check that the clocks of Moodle's and the connector's servers are right."),
    NOT_YET_VALID("The launch message is dated in the future. Check the clocks of both servers."),
    NONCE_MISMATCH(
        "The launch does not belong to this sign-in. Open the tool again from the Moodle course."),
    REPLAYED_NONCE(
        "This launch message was already used. Open the tool again from the Moodle course."),
    WRONG_VERSION(
        "Only LTI 1.3.0 launches are accepted. Check the LTI version in the tool's configuration."),
    UNSUPPORTED_MESSAGE("This kind of LTI message is not supported by the connector."),
    UNKNOWN_DEPLOYMENT(
        "This deployment of the tool is not registered. Add its Deployment ID to the connector.");

    private final String whatToCheck;

    Reason(String whatToCheck) {
      this.whatToCheck = whatToCheck;
    }

    public String whatToCheck() {
      return whatToCheck;
    }
  }

  private final Reason reason;

  public LaunchRefused(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
