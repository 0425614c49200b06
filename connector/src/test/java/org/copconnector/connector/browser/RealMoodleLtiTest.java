package org.copconnector.connector.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.lab.MoodleLab;
import org.copconnector.connector.lab.RealMoodle;
import org.copconnector.connector.lti.Platform;
import org.copconnector.connector.lti.PlatformStore;
import org.copconnector.connector.server.Connector;
import org.copconnector.plugin.people.Participant;
import org.copconnector.plugin.people.PeopleStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchFrameException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The connector opened from the lab's real Moodle 4.5, through Moodle's own pages in Chromium: an
 * administrator registers it dynamically from "Manage tools" and activates it, a teacher adds it to
 * SCI-COP by deep linking ("Select content"), then the teacher and a student open it from the
 * course; the teacher's grades of trainees reach Moodle's gradebook. Each run has its own connector
 * (own port, own database) and registers a new tool, so tools left by earlier runs do not matter.
 */
@RealMoodle
class RealMoodleLtiTest {

  private static final long COURSE = 2;

  @RegisterExtension final HeadlessChrome chrome = new HeadlessChrome();
  @TempDir Path dataDir;
  private final MoodleLab lab = MoodleLab.get();
  private Connector connector;
  private int port;
  private WebDriver driver;
  private MoodleSite moodle;
  private long cmid;

  @AfterEach
  void stop() {
    if (connector != null) {
      connector.close();
    }
    if (cmid != 0) {
      moodle.logOut();
      moodle.logIn("teacher1", lab.password("teacher1"));
      moodle.deleteActivity(cmid);
    }
  }

  private String tool(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private Connector startConnector(Path data) throws Exception {
    Map<String, String> env = new HashMap<>(lab.connectorEnvironment(data));
    env.put("COP_HTTP_PORT", String.valueOf(port));
    env.put("COP_PUBLIC_URL", tool("/"));
    return Connector.start(new ConfigLoader(env, data.resolve("none")).load(null), List.of());
  }

  @Test
  void registeredAddedAndOpenedFromMoodlesOwnPages() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    // Moodle's own pages are Moodle's business: only the connector's pages are checked.
    chrome.checkOnly(tool("/"));
    connector = startConnector(dataDir.resolve("connector"));
    driver = chrome.driver();
    moodle = new MoodleSite(driver, lab.url(), Path.of("target", "real-moodle-lti"));

    long typeId = registerAndActivate();
    cmid = addToCourseByDeepLinking(typeId);

    openFromCourse("teacher1", cmid, "Alice Anderson · facilitator");
    assertEquals(
        courseTitle(), driver.findElement(By.id("course-title")).getText(), "the launch's course");
    moodle.screenshot("teacher1-hub-in-moodle");
    syncRoster();
    openFromCourse("student1", cmid, "Gabriela Gomes · member");
    moodle.screenshot("student1-hub-in-moodle");
    openFromCourse("teacher1", cmid, "Alice Anderson · facilitator");
    new GradebookJourney(lab, connector, tool(""), sessionCookie(), typeId, COURSE).run();

    // Launches after the roster sync kept Moodle's role names.
    Map<String, Participant> roster = new HashMap<>();
    new PeopleStore(connector.database().dataSource(), Clock.systemUTC())
        .roster(String.valueOf(COURSE))
        .forEach(p -> roster.put(p.lmsUserId(), p));
    assertEquals(List.of("editingteacher"), roster.get(id("teacher1")).roles());
    assertEquals("Alice Anderson", roster.get(id("teacher1")).displayName());
    assertEquals(List.of("student"), roster.get(id("student1")).roles());
    assertTrue(
        roster.values().stream().flatMap(p -> p.roles().stream()).noneMatch(r -> r.contains(":")),
        "no LTI role URIs in the roster: " + roster);

    refusedWhenTheConnectorForgotTheSite(cmid);
  }

  /** Site administration > Plugins > Activity modules > External tool > Manage tools. */
  private long registerAndActivate() throws Exception {
    moodle.logIn("admin", lab.password("admin"));
    moodle.open("/mod/lti/toolconfigure.php");
    driver.findElement(By.id("tool-url")).sendKeys(tool("/lti/register"));
    moodle.screenshot("admin-manage-tools");
    driver.findElement(By.id("tool-create-button")).click();
    // Moodle opens the registration in a frame. When a tool of the same host and port exists, it
    // asks first whether to update it or register a new one. Until the connector has the site: in
    // the frame (found afresh each time, as Moodle may draw it
    // again), register a new tool when Moodle asks; the frame goes once the registration is done.
    PlatformStore platforms =
        new PlatformStore(connector.database().dataSource(), Clock.systemUTC());
    moodle
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchFrameException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              if (!platforms.all().isEmpty()) {
                return true;
              }
              d.switchTo().defaultContent();
              List<WebElement> frames =
                  d.findElements(
                      By.cssSelector("#external-registration-template-container iframe"));
              if (!frames.isEmpty()) {
                d.switchTo().frame(frames.get(0));
                List<WebElement> registerNew =
                    d.findElements(By.cssSelector("button[data-href$='&type=0']"));
                if (!registerNew.isEmpty()) {
                  registerNew.get(0).click();
                }
                d.switchTo().defaultContent();
              }
              return false;
            });
    driver.switchTo().defaultContent();
    Platform platform =
        moodle.waiting().until(d -> platforms.all().stream().findFirst().orElse(null));
    assertEquals(lab.url(), platform.issuer());
    long typeId =
        moodle
            .waiting()
            .until(
                d ->
                    lab
                        .query(
                            "SELECT id FROM mdl_lti_types WHERE clientid = ?", platform.clientId())
                        .stream()
                        .findFirst()
                        .map(row -> ((Number) row.get("id")).longValue())
                        .orElse(null));
    assertEquals(
        List.of(String.valueOf(typeId)),
        platforms.deployments(platform.id()),
        "Moodle's deployment");
    // Moodle closes the registration frame on the page's closing message and lists the new tool
    // as pending.
    By card = By.cssSelector(".tool-card[data-type-id='" + typeId + "']");
    moodle.waiting().until(ExpectedConditions.visibilityOfElementLocated(card));
    assertFalse(
        driver.findElement(By.id("external-registration-page-container")).isDisplayed(),
        "the registration frame closed itself");
    moodle.screenshot("admin-tool-pending");
    assertEquals(2, toolState(typeId), "pending");
    driver.findElement(card).findElement(By.cssSelector("a.activate")).click();
    By agree = By.cssSelector(".tool-type-" + typeId + " button.yes");
    if (!driver.findElements(agree).isEmpty() && driver.findElement(agree).isDisplayed()) {
      driver.findElement(agree).click();
    }
    moodle.waiting().until(d -> toolState(typeId) == 1);
    moodle.screenshot("admin-tool-active");
    moodle.logOut();
    return typeId;
  }

  private int toolState(long typeId) {
    return ((Number)
            lab.query("SELECT state FROM mdl_lti_types WHERE id = ?", typeId).get(0).get("state"))
        .intValue();
  }

  /**
   * The teacher's "Add an activity" form for the tool (where the activity chooser leads), with the
   * content chosen by deep linking.
   */
  private long addToCourseByDeepLinking(long typeId) throws Exception {
    moodle.logIn("teacher1", lab.password("teacher1"));
    moodle.open(
        "/course/modedit.php?add=lti&typeid="
            + typeId
            + "&course="
            + COURSE
            + "&section=1&return=0");
    driver.findElement(By.name("selectcontent")).click();
    driver
        .switchTo()
        .frame(
            moodle
                .waiting()
                .until(
                    ExpectedConditions.presenceOfElementLocated(By.id("contentitem-page-iframe"))));
    driver.switchTo().defaultContent();
    // The connector answers the deep-linking request at once with a link to the course hub; Moodle
    // fills the form with it and closes its dialogue.
    moodle
        .waiting()
        .until(
            ExpectedConditions.attributeToBe(By.id("id_name"), "value", "Communities of practice"));
    moodle.screenshot("teacher1-content-selected");
    driver.findElement(By.id("id_submitbutton")).click();
    moodle.waiting().until(ExpectedConditions.urlContains("/mod/lti/view.php"));
    long added =
        ((Number)
                lab.query(
                        "SELECT cm.id FROM mdl_course_modules cm JOIN mdl_modules m ON m.id = cm.module"
                            + " JOIN mdl_lti l ON l.id = cm.instance WHERE m.name = 'lti' AND l.typeid = ?",
                        typeId)
                    .get(0)
                    .get("id"))
            .longValue();
    assertEquals(
        tool("/lti/launch"),
        lab.query("SELECT toolurl FROM mdl_lti WHERE typeid = ?", typeId).get(0).get("toolurl"),
        "the deep link's address");
    moodle.logOut();
    return added;
  }

  /** Opens the activity as that person and waits for the hub inside Moodle's frame. */
  private void openFromCourse(String username, long activity, String expectedMe) {
    moodle.logOut();
    moodle.logIn(username, lab.password(username));
    moodle.open("/mod/lti/view.php?id=" + activity);
    driver
        .switchTo()
        .frame(
            moodle
                .waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.id("contentframe"))));
    moodle
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), expectedMe));
    assertEquals(expectedMe, driver.findElement(By.id("me")).getText());
    // The frame's own address (getCurrentUrl names the top window's).
    assertEquals(
        tool("/hub"),
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return location.href"));
  }

  /**
   * The course's first launch started reading its participants from Moodle in the background (the
   * launch did not wait for it): its status, read as the hub's pages may, ends "done".
   */
  private void syncRoster() throws Exception {
    String session = sessionCookie();
    Request request =
        new Request.Builder()
            .url(tool("/api/v1/courses/" + COURSE + "/roster/sync"))
            .header("Cookie", "cop_session=" + session)
            .build();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    String state = "none";
    while (System.nanoTime() < deadline) {
      try (Response response = new OkHttpClient().newCall(request).execute()) {
        String body = response.body().string();
        assertEquals(200, response.code(), "a sync was started by the first launch: " + body);
        state =
            com.google.gson.JsonParser.parseString(body)
                .getAsJsonObject()
                .get("state")
                .getAsString();
      }
      if (state.equals("done")) {
        return;
      }
      assertTrue(!state.equals("failed"), "the background sync failed");
      Thread.sleep(250);
    }
    throw new AssertionError("the background sync did not finish: " + state);
  }

  /** The session the last launch opened, as the connector's frame holds it. */
  private String sessionCookie() {
    return driver.manage().getCookieNamed("cop_session").getValue();
  }

  /**
   * The connector was reinstalled with an empty database: Moodle's launch is refused with a page
   * that says what to do, not an error in JSON.
   */
  private void refusedWhenTheConnectorForgotTheSite(long activity) throws Exception {
    // The forgotten site is refused at the login step, with a page that says what to do.
    chrome.expectFailedRequest(tool("/lti/login"), 400);
    chrome.expectFailedRequest(tool("/lti/launch"), 401);
    moodle.logOut();
    connector.close();
    connector = startConnector(dataDir.resolve("reinstalled"));
    moodle.logIn("teacher1", lab.password("teacher1"));
    moodle.open("/mod/lti/view.php?id=" + activity);
    driver.switchTo().frame(driver.findElement(By.id("contentframe")));
    moodle
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("h1"), "This Moodle site is not registered"));
    assertTrue(driver.findElement(By.tagName("body")).getText().contains("Manage tools"));
    assertFalse(driver.getPageSource().contains("\"error\""), driver.getPageSource());
    moodle.screenshot("teacher1-refused-in-moodle");
  }

  private String id(String username) {
    return String.valueOf(lab.userId(username));
  }

  private String courseTitle() {
    return (String)
        lab.query("SELECT fullname FROM mdl_course WHERE id = ?", COURSE).get(0).get("fullname");
  }
}
