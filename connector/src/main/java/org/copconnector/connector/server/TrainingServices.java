package org.copconnector.connector.server;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.OutboxHandler;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.copconnector.plugin.training.Attendance;
import org.copconnector.plugin.training.Evaluation;
import org.copconnector.plugin.training.GradebookScores;
import org.copconnector.plugin.training.Satisfaction;
import org.copconnector.plugin.training.SessionCalendar;
import org.copconnector.plugin.training.SessionPrompts;
import org.copconnector.plugin.training.SessionReminders;
import org.copconnector.plugin.training.TraineePortfolios;
import org.copconnector.plugin.training.TrainerDashboards;
import org.copconnector.plugin.training.TrainingActionResource;
import org.copconnector.plugin.training.TrainingActions;
import org.copconnector.plugin.training.TrainingCalendarResource;
import org.copconnector.plugin.training.TrainingRecords;
import org.copconnector.plugin.training.TrainingSessionResource;

/**
 * Continuous-training actions and their attendance, over the communities they come with and the
 * prompts their sessions open; wired in one place for the server and the tests.
 */
public record TrainingServices(
    TrainingActions actions,
    Attendance attendance,
    Evaluation evaluation,
    Satisfaction satisfaction,
    TrainingRecords records,
    TrainerDashboards dashboards,
    TraineePortfolios portfolios,
    SessionPrompts sessionPrompts,
    SessionReminders reminders) {

  /**
   * {@code zone}: where session times are written in the printed records and the reminders, and
   * where a reminder's day starts.
   */
  public static TrainingServices wire(
      DataSource dataSource,
      CommunityServices core,
      PromptSchedules prompts,
      ZoneId zone,
      Clock clock) {
    Attendance attendance = new Attendance(dataSource, core.people(), clock);
    Evaluation evaluation =
        new Evaluation(
            dataSource,
            core.people(),
            attendance,
            new GradebookScores(dataSource, core.outbox()),
            clock);
    Satisfaction satisfaction = new Satisfaction(dataSource, core.people(), clock);
    return new TrainingServices(
        new TrainingActions(
            dataSource,
            core.people(),
            core.communities(),
            attendance,
            calendar(dataSource, core),
            clock),
        attendance,
        evaluation,
        satisfaction,
        new TrainingRecords(dataSource, core.people(), evaluation, satisfaction, zone, clock),
        new TrainerDashboards(dataSource, core.people(), attendance, clock),
        new TraineePortfolios(dataSource, core.people(), clock),
        new SessionPrompts(dataSource, prompts, core.people(), clock),
        reminders(dataSource, core, zone, clock));
  }

  /** The HTTP resources that serve them. */
  public List<Object> resources() {
    return List.of(
        new TrainingActionResource(
            actions, attendance, evaluation, satisfaction, records, dashboards, portfolios),
        new TrainingSessionResource(actions, attendance),
        new TrainingCalendarResource(actions));
  }

  /** How the sessions' calendar events reach the LMS. */
  public static OutboxHandler calendarHandler(
      DataSource dataSource, CommunityServices core, Lms lms) {
    return calendar(dataSource, core).handler(lms);
  }

  /** The day-before reminders of sessions, days counted in {@code zone}. */
  public static SessionReminders reminders(
      DataSource dataSource, CommunityServices core, ZoneId zone, Clock clock) {
    return new SessionReminders(
        dataSource, core.notifier(), core.people().languages(), zone, clock);
  }

  private static SessionCalendar calendar(DataSource dataSource, CommunityServices core) {
    return new SessionCalendar(dataSource, core.outbox(), core.people().languages());
  }
}
