package org.copconnector.connector.moodle;

import java.util.ArrayList;
import java.util.List;

/**
 * Calendar events: {@code core_calendar_create_calendar_events}, {@code
 * core_calendar_get_calendar_events} and {@code core_calendar_delete_calendar_events}.
 */
public final class CalendarApi {

  /** An event to create; {@code eventtype} is course, group, user or site; nulls are not sent. */
  public record NewEvent(
      String name,
      String description,
      Integer format,
      Long courseid,
      Long groupid,
      String eventtype,
      long timestart,
      Long timeduration,
      Integer visible) {}

  /** A created event. */
  public record Event(
      long id,
      String name,
      long courseid,
      long groupid,
      String eventtype,
      long timestart,
      long timeduration) {}

  /** Answer of the create call. */
  public record CreatedEvents(List<Event> events, List<MoodleWarning> warnings) {}

  /**
   * An event as listed, with its description (formatted by Moodle for display); Moodle lists a
   * course event's group as {@code null}.
   */
  public record ListedEvent(
      long id,
      String name,
      String description,
      long courseid,
      Long groupid,
      String eventtype,
      long timestart,
      long timeduration) {}

  /** Answer of the listing call. */
  public record ListedEvents(List<ListedEvent> events, List<MoodleWarning> warnings) {}

  private final MoodleClient client;

  public CalendarApi(MoodleClient client) {
    this.client = client;
  }

  public CreatedEvents createEvents(List<NewEvent> events) {
    List<Event> created = new ArrayList<>();
    List<MoodleWarning> warnings = new ArrayList<>();
    for (List<NewEvent> batch : client.batches(events, 9, 0)) {
      CreatedEvents answer =
          client.write(
              "core_calendar_create_calendar_events",
              MoodleParams.of().put("events", batch),
              CreatedEvents.class);
      created.addAll(answer.events());
      if (answer.warnings() != null) {
        warnings.addAll(answer.warnings());
      }
    }
    return new CreatedEvents(created, warnings);
  }

  /**
   * The events of a course starting in {@code [from, to]} seconds (and those lasting into it),
   * without the service user's own or the site's events. The service user sees them all only with
   * {@code moodle/calendar:manageentries} at the system level.
   */
  public ListedEvents courseEvents(long courseId, long from, long to) {
    return client.read(
        "core_calendar_get_calendar_events",
        MoodleParams.of()
            .put("events", java.util.Map.of("courseids", List.of(courseId)))
            .put(
                "options",
                java.util.Map.of(
                    "userevents", false, "siteevents", false, "timestart", from, "timeend", to)),
        ListedEvents.class);
  }

  /** Deletes events (not their repeats); Moodle answers {@code null}. */
  public void deleteEvents(List<Long> eventIds) {
    client.write(
        "core_calendar_delete_calendar_events",
        MoodleParams.of()
            .put(
                "events",
                eventIds.stream()
                    .map(id -> java.util.Map.of("eventid", id, "repeat", false))
                    .toList()),
        Object.class);
  }
}
