package org.copconnector.connector.doctor;

/**
 * The doctor's checks, in the order they run: a stable id (pages translate by it) and the English
 * title.
 */
public enum Check {
  MOODLE_CONFIGURED("moodle.configured", "Moodle configured"),
  MOODLE_ANSWERS("moodle.reachable", "Moodle answers"),
  TOKEN_VALID("moodle.token", "Token valid"),
  MOODLE_RELEASE("moodle.release", "Moodle release"),
  FUNCTIONS_ENABLED("moodle.functions", "Functions enabled"),
  UPLOADS_ALLOWED("moodle.uploads", "Uploads allowed"),
  COURSE_ACCESS("course.access", "Course access"),
  PARTICIPANTS("course.participants", "Participants"),
  PEOPLE_LOOKUP("people.lookup", "People look-up"),
  GROUPS("course.groups", "Groups"),
  FORUMS("forums", "Forums"),
  MESSAGES("messages", "Messages"),
  DATABASE("database", "Database");

  private final String id;
  private final String title;

  Check(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }
}
