package org.copconnector.connector.moodle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import org.copconnector.connector.moodle.ForumApi.DiscussionOptions;
import org.copconnector.connector.moodle.ForumApi.NewDiscussion;
import org.copconnector.connector.moodle.MoodleTransportException.Kind;
import org.copconnector.connector.moodle.fake.FakeMoodle;
import org.copconnector.connector.moodle.fake.FakeMoodle.Fault;
import org.copconnector.connector.moodle.fake.FakeMoodle.TokenState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every failure class, and which calls are retried. */
class MoodleFailuresTest {

  private FakeMoodle fake;
  private Moodle moodle;

  @BeforeEach
  void start() throws IOException {
    fake = new FakeMoodle().start();
    moodle = MoodleFixture.moodle(fake, 2, 1000, Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void invalidTokenIsAMoodleException() {
    fake.tokenState(TokenState.INVALID);
    MoodleException e = assertThrows(MoodleException.class, () -> moodle.site().siteInfo());
    assertEquals("invalidtoken", e.errorcode());
    assertEquals("core\\exception\\moodle_exception", e.exceptionClass());
    assertEquals(1, fake.calls().size(), "a refusal is not retried");
  }

  @Test
  void userNotAuthorisedForTheServiceIsAccessException() {
    fake.tokenState(TokenState.USER_NOT_AUTHORISED);
    MoodleException e = assertThrows(MoodleException.class, () -> moodle.site().siteInfo());
    assertEquals("accessexception", e.errorcode());
  }

  @Test
  void functionMissingFromTheServiceIsAccessException() {
    fake.state().serviceFunctions.remove("core_group_get_course_groups");
    MoodleException e = assertThrows(MoodleException.class, () -> moodle.groups().courseGroups(2));
    assertEquals("accessexception", e.errorcode());
    assertEquals("core_group_get_course_groups", e.function());
  }

  @Test
  void invalidParameterAndMissingRecordKeepTheirCodes() {
    MoodleException duplicate =
        assertThrows(
            MoodleException.class,
            () ->
                moodle
                    .groups()
                    .createGroups(
                        List.of(new GroupApi.NewGroup(2, "Physics Teachers", "dup", 1, null))));
    assertEquals("invalidparameter", duplicate.errorcode());
    MoodleException missing =
        assertThrows(MoodleException.class, () -> moodle.courses().contents(99999));
    assertEquals("invalidrecord", missing.errorcode());
    MoodleException notEnrolled =
        assertThrows(
            MoodleException.class,
            () -> moodle.groups().addMembers(List.of(new GroupApi.Membership(1, 9))));
    assertEquals("invalidparameter", notEnrolled.errorcode());
  }

  @Test
  void phpFaultWithoutErrorcodeIsAServerFault() {
    MoodleException e =
        assertThrows(MoodleException.class, () -> moodle.forums().discussionPosts(99999));
    assertNull(e.errorcode());
    assertTrue(e.isServerFault());
    assertEquals("Error", e.exceptionClass());
  }

  @Test
  void unknownForumOptionIsRefused() {
    MoodleClient client = moodle.client();
    MoodleException e =
        assertThrows(
            MoodleException.class,
            () ->
                client.write(
                    "mod_forum_add_discussion",
                    MoodleParams.of()
                        .put("forumid", 3)
                        .put("subject", "x")
                        .put("message", "y")
                        .options("options", java.util.Map.of("foo", 1)),
                    Object.class));
    assertEquals("errorinvalidparam", e.errorcode());
  }

  @Test
  void httpErrorStatusesAreTransportFailures() {
    fake.failNext(Fault.HTTP_503, 3);
    MoodleTransportException e =
        assertThrows(MoodleTransportException.class, () -> moodle.site().siteInfo());
    assertEquals(Kind.HTTP_STATUS, e.kind());
    assertEquals(503, e.httpStatus());
    assertEquals(3, fake.requestCount(), "one attempt and two retries");

    fake.failNext(Fault.HTTP_500, 3);
    assertEquals(
        500,
        assertThrows(MoodleTransportException.class, () -> moodle.site().siteInfo()).httpStatus());
  }

  @Test
  void htmlPageInsteadOfJsonIsATransportFailure() {
    fake.failNext(Fault.HTML_PAGE, 3);
    assertEquals(
        Kind.NOT_JSON,
        assertThrows(MoodleTransportException.class, () -> moodle.site().siteInfo()).kind());
  }

  @Test
  void truncatedBodyIsATransportFailure() {
    fake.failNext(Fault.TRUNCATED_BODY, 3);
    assertEquals(
        Kind.TRUNCATED,
        assertThrows(MoodleTransportException.class, () -> moodle.site().siteInfo()).kind());
  }

  @Test
  void droppedConnectionIsATransportFailure() {
    fake.failNext(Fault.DROP_CONNECTION, 3);
    assertEquals(
        Kind.CONNECTION,
        assertThrows(MoodleTransportException.class, () -> moodle.site().siteInfo()).kind());
  }

  @Test
  void slowAnswerTimesOut() {
    Moodle impatient = MoodleFixture.moodle(fake, 0, 1000, Duration.ofMillis(300));
    fake.latency(Duration.ofMillis(1500));
    assertEquals(
        Kind.TIMEOUT,
        assertThrows(MoodleTransportException.class, () -> impatient.site().siteInfo()).kind());
  }

  @Test
  void refusedConnectionIsATransportFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    MoodleClient client =
        new MoodleClient(
            MoodleFixture.http(Duration.ofSeconds(1)),
            HttpUrl.get("http://127.0.0.1:" + closedPort),
            FakeMoodle.TOKEN,
            1,
            1000,
            Backoff.none());
    assertEquals(
        Kind.CONNECTION,
        assertThrows(MoodleTransportException.class, () -> new SiteApi(client).siteInfo()).kind());
  }

  @Test
  void readsAreRetriedAfterTransportFailures() {
    fake.failNext(Fault.HTTP_503, 1);
    fake.failNext(Fault.DROP_CONNECTION, 1);
    assertEquals("Moodle Lab (connector test)", moodle.site().siteInfo().sitename());
    assertEquals(3, fake.requestCount());
    assertEquals(
        1,
        fake.calls("core_webservice_get_site_info").size(),
        "only the third attempt reached the handler");
  }

  @Test
  void writesAreNeverRetried() {
    fake.failNext(Fault.HTTP_503, 1);
    NewDiscussion post = new NewDiscussion(4, "Hello", "<p>Hi</p>", 1L, DiscussionOptions.none());
    assertThrows(MoodleTransportException.class, () -> moodle.forums().addDiscussion(post));
    assertEquals(0, fake.state().discussions.size());
    assertEquals(1, fake.requestCount(), "one request, no retry");
  }

  @Test
  void aWriteAppliedButUnansweredIsReportedAsUnknownOutcome() {
    fake.failNext(Fault.APPLY_THEN_DROP, 1);
    NewDiscussion post = new NewDiscussion(4, "Hello", "<p>Hi</p>", 1L, DiscussionOptions.none());
    MoodleTransportException e =
        assertThrows(MoodleTransportException.class, () -> moodle.forums().addDiscussion(post));
    assertEquals(Kind.CONNECTION, e.kind());
    assertEquals(1, fake.calls("mod_forum_add_discussion").size(), "sent exactly once");
    assertEquals(
        1, fake.state().discussions.size(), "Moodle applied it although the caller saw a failure");
  }

  @Test
  void softFailuresReachTheCaller() {
    MessageApi.SentMessage missing = moodle.messages().send(999999, "<p>hi</p>", "c-1");
    assertFalse(missing.delivered());
    assertEquals(-1, missing.msgid());
    assertTrue(missing.errormessage().contains("999999"));
    assertTrue(moodle.messages().send(4, "<p>hi</p>", "c-2").delivered());
  }
}
