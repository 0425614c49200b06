package org.copconnector.connector.moodle.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.copconnector.connector.moodle.fake.FakeMoodleState.Event;

/**
 * Calendar events as Moodle 4.5's calendar/externallib.php treats them: a course event needs
 * moodle/calendar:manageentries (without it the event is not made and a warning says so), listing
 * sees every course's events only with that capability, and deleting an event that is not there is
 * a missing record (nothing of the call is deleted then).
 */
final class CalendarFunctions {

  private static final String MANAGE = "moodle/calendar:manageentries";

  private final FakeMoodleState state;

  CalendarFunctions(FakeMoodleState state) {
    this.state = state;
  }

  void register(Map<String, FakeFunction> functions) {
    functions.put("core_calendar_create_calendar_events", this::createEvents);
    functions.put("core_calendar_get_calendar_events", this::getEvents);
    functions.put("core_calendar_delete_calendar_events", this::deleteEvents);
  }

  private JsonElement createEvents(FormParams p) {
    p.allowOnly(
        "events\\[\\d+\\]\\[(name|description|format|courseid|groupid|repeats|eventtype|timestart|timeduration|visible|sequence)\\]");
    JsonArray created = new JsonArray();
    JsonArray warnings = new JsonArray();
    for (Map<String, String> e : p.structs("events")) {
      if (e.get("name") == null || e.get("timestart") == null) {
        throw FakeMoodleError.invalidParameter();
      }
      String type = e.getOrDefault("eventtype", "user");
      if (!type.equals("user") && !state.can(MANAGE)) {
        JsonObject warning = new JsonObject();
        warning.addProperty("item", e.get("name"));
        warning.addProperty("warningcode", "nopermissions");
        warning.addProperty("message", "you do not have permissions to create this event");
        warnings.add(warning);
        continue;
      }
      Event event =
          new Event(
              state.nextId(),
              e.get("name"),
              FormParams.parseLong(e.getOrDefault("courseid", "0")),
              FormParams.parseLong(e.getOrDefault("groupid", "0")),
              type,
              FormParams.parseLong(e.get("timestart")),
              FormParams.parseLong(e.getOrDefault("timeduration", "0")),
              e.getOrDefault("description", ""));
      state.events.add(event);
      JsonObject json = Samples.firstOf("core_calendar_create_calendar_events", "events");
      json.addProperty("id", event.id());
      json.addProperty("name", event.name());
      json.addProperty("description", event.description());
      json.addProperty("courseid", event.courseId());
      json.addProperty("groupid", event.groupId());
      json.addProperty("eventtype", event.eventType());
      json.addProperty("timestart", event.timeStart());
      json.addProperty("timeduration", event.duration());
      json.addProperty("timemodified", state.now());
      created.add(json);
    }
    JsonObject answer = new JsonObject();
    answer.add("events", created);
    answer.add("warnings", warnings);
    return answer;
  }

  /**
   * Events of the courses asked for that start in {@code [timestart, timeend]} or last into it
   * (Moodle's "with duration"), and those asked for by id; user and site events are not kept here.
   */
  private JsonElement getEvents(FormParams p) {
    p.allowOnly(
        "events\\[(eventids|courseids|groupids|categoryids)\\]\\[\\d+\\]",
        "options\\[(userevents|siteevents|timestart|timeend|ignorehidden)\\]");
    Set<Long> courses = new TreeSet<>();
    Set<Long> ids = new TreeSet<>();
    p.asMap()
        .forEach(
            (name, value) -> {
              if (name.startsWith("events[courseids]")) {
                courses.add(FormParams.parseLong(value));
              } else if (name.startsWith("events[eventids]")) {
                ids.add(FormParams.parseLong(value));
              }
            });
    for (long course : courses) {
      state.requireCourse(course);
    }
    long from = FormParams.parseLong(p.string("options[timestart]", "0"));
    long to = FormParams.parseLong(p.string("options[timeend]", "0"));
    long end = to == 0 ? Long.MAX_VALUE : to;
    List<Event> listed = new ArrayList<>();
    synchronized (state.events) {
      for (Event e : state.events) {
        boolean inCourse =
            courses.contains(e.courseId())
                && (from == 0 || e.timeStart() >= from || e.timeStart() + e.duration() > from)
                && e.timeStart() <= end;
        if (inCourse || ids.contains(e.id())) {
          listed.add(e);
        }
      }
    }
    JsonArray events = new JsonArray();
    JsonArray warnings = new JsonArray();
    for (Event e : listed) {
      // The service user is enrolled in no course: it sees a course's events only as one who may
      // edit them.
      if (!state.can(MANAGE)) {
        JsonObject warning = new JsonObject();
        warning.addProperty("item", Long.toString(e.id()));
        warning.addProperty("warningcode", "nopermissions");
        warning.addProperty("message", "you do not have permissions to view this event");
        warnings.add(warning);
        continue;
      }
      JsonObject json = Samples.firstOf("core_calendar_get_calendar_events", "events");
      json.addProperty("id", e.id());
      json.addProperty("name", e.name());
      json.addProperty("description", e.description());
      json.addProperty("courseid", e.courseId());
      if (e.groupId() != 0) {
        json.addProperty("groupid", e.groupId());
      }
      json.addProperty("eventtype", e.eventType());
      json.addProperty("timestart", e.timeStart());
      json.addProperty("timeduration", e.duration());
      events.add(json);
    }
    JsonObject answer = new JsonObject();
    answer.add("events", events);
    answer.add("warnings", warnings);
    return answer;
  }

  /** Deletes all the events asked for or none (one transaction); answers {@code null}. */
  private JsonElement deleteEvents(FormParams p) {
    p.allowOnly("events\\[\\d+\\]\\[(eventid|repeat)\\]");
    List<Long> doomed = new ArrayList<>();
    synchronized (state.events) {
      for (Map<String, String> e : p.structs("events")) {
        if (e.get("eventid") == null || e.get("repeat") == null) {
          throw FakeMoodleError.invalidParameter();
        }
        long id = FormParams.parseLong(e.get("eventid"));
        if (state.events.stream().noneMatch(event -> event.id() == id)) {
          throw FakeMoodleError.missingRecord("event");
        }
        if (!state.can(MANAGE)) {
          throw FakeMoodleError.of(
              "core\\exception\\moodle_exception",
              "nopermissions",
              "Sorry, but you do not currently have permissions to do that (Delete event).");
        }
        doomed.add(id);
      }
      state.events.removeIf(event -> doomed.contains(event.id()));
    }
    return JsonNull.INSTANCE;
  }
}
