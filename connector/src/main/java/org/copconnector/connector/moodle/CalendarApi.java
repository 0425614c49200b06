package org.copconnector.connector.moodle;

import java.util.ArrayList;
import java.util.List;

/** Calendar events: {@code core_calendar_create_calendar_events}. */
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
}
